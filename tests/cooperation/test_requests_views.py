import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cooperation.enums import ActivityType, NeedStatus, RequestStatus
from cooperation.models import Evidence, Request
from cooperation.selectors import dashboard_section
from core.models import ActivityLog
from core.sections import DASHBOARD, render_sections
from tests.cooperation.factories import CallFactory, NeedFactory, RequestFactory
from tests.cooperation.lifecycle import advance, parties
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    TopicFactory,
)
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def draft_data(*, provider="", topic, results=1, lines=1, **overrides):
    """POST data of the request form with its two formsets."""
    data = {
        "title": "Learning mediation",
        "provider": provider,
        "program": "",
        "call": "",
        "need": "",
        "topic": topic.pk,
        "activity_type": ActivityType.VISIT_TO_PROVIDER,
        "objectives": "Adapt the mediation protocol.",
        "participants_count": "3",
        "participants_profile": "Mediators.",
        "proposed_start": "",
        "proposed_end": "",
        "summary": "",
        "results-TOTAL_FORMS": str(results),
        "results-INITIAL_FORMS": "0",
        "results-MIN_NUM_FORMS": "0",
        "results-MAX_NUM_FORMS": "1000",
        "budget-TOTAL_FORMS": str(lines),
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "1000",
    }
    for index in range(results):
        data.update(
            {
                f"results-{index}-result": f"Protocol {index}",
                f"results-{index}-indicator": "Protocol adopted",
                f"results-{index}-baseline": "None",
                f"results-{index}-target": "In force",
            }
        )
    for index in range(lines):
        data.update(
            {
                f"budget-{index}-item": "travel",
                f"budget-{index}-description": "Flights",
                f"budget-{index}-fund_amount": "3000",
                f"budget-{index}-requester_amount": "500",
                f"budget-{index}-provider_amount": "200",
            }
        )
    data.update(overrides)
    return data


# Drafts ----------------------------------------------------------------------


def test_a_focal_point_creates_a_draft_with_results_and_budget(client):
    focal_point = FocalPointFactory()
    provider = InstitutionFactory()
    client.force_login(focal_point)

    response = client.post(
        reverse("cooperation:request_create"),
        draft_data(provider=provider.pk, topic=TopicFactory(), results=2, lines=2),
    )

    request = Request.objects.get()
    assert response.status_code == 302
    assert response.url == request.get_absolute_url()
    assert request.requester == focal_point.institution
    assert request.provider == provider
    assert request.status == Status.DRAFT
    assert request.created_by == focal_point
    assert request.results.count() == 2
    assert request.budget_totals() == {
        "fund": Decimal("6000"),
        "requester": Decimal("1000"),
        "provider": Decimal("400"),
        "total": Decimal("7400"),
    }


def test_the_program_names_the_provider_when_it_is_left_empty(client):
    program = ProgramFactory()
    client.force_login(FocalPointFactory())

    client.post(
        reverse("cooperation:request_create"),
        draft_data(topic=program.topics.get(), program=program.pk),
    )

    request = Request.objects.get()
    assert (request.provider, request.program) == (program.owner, program)


def test_a_match_prefills_the_new_request(client):
    program = ProgramFactory(title_en="Mediation at work")
    focal_point = FocalPointFactory()
    need = NeedFactory(institution=focal_point.institution, support_kinds=["workshop"])
    client.force_login(focal_point)

    response = client.get(
        reverse("cooperation:request_create"), {"program": program.slug, "need": need.pk}
    )

    expected = {
        "program": program.pk,
        "provider": program.owner_id,
        "title": "Mediation at work",
        "topic": need.topic_id,
        "need": need.pk,
        "activity_type": "workshop",
    }
    initial = response.context["form"].initial
    assert {name: initial[name] for name in expected} == expected


@pytest.mark.parametrize(
    "query", [{"need": "abc", "program": "nope"}, {"need": "99999999999999999999"}, {"need": ""}]
)
def test_a_bad_prefill_is_ignored(client, query):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("cooperation:request_create"), query)

    initial = response.context["form"].initial
    assert response.status_code == 200
    assert (initial["need"], initial["program"], initial["title"]) == (None, None, "")


def test_another_ministrys_need_is_not_prefilled(client):
    need = NeedFactory()
    client.force_login(FocalPointFactory())

    response = client.get(reverse("cooperation:request_create"), {"need": need.pk})

    assert response.context["form"].initial["need"] is None


@pytest.mark.parametrize("junk", ["²", "٣", "abc", "99999999999999999999999"])
def test_a_need_key_that_is_not_a_number_prefills_nothing(client, junk):
    client.force_login(FocalPointFactory())

    response = client.get(reverse("cooperation:request_create"), {"need": junk})

    assert response.status_code == 200
    assert response.context["form"].initial["need"] is None


def _closed_call():
    return CallFactory(
        opens_at=timezone.now() - datetime.timedelta(days=9),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda fp: {"provider": fp.institution.pk}, "provider"),
        (lambda fp: {"provider": ""}, "provider"),
        (lambda fp: {"budget-0-fund_amount": "-5"}, None),
        (lambda fp: {"budget-0-fund_amount": "lots"}, None),
        (lambda fp: {"proposed_start": "2030-05-02", "proposed_end": "2030-05-01"}, None),
        (lambda fp: {"proposed_start": "not a date"}, "proposed_start"),
        (lambda fp: {"call": _closed_call().pk}, "call"),
        (lambda fp: {"need": NeedFactory().pk}, "need"),
        (lambda fp: {"participants_count": "0"}, "participants_count"),
        (lambda fp: {"activity_type": "holiday"}, "activity_type"),
    ],
)
def test_bad_input_shows_the_form_again(client, change, field):
    focal_point = FocalPointFactory()
    client.force_login(focal_point)
    data = draft_data(provider=InstitutionFactory().pk, topic=TopicFactory())
    data.update(change(focal_point))

    response = client.post(reverse("cooperation:request_create"), data)

    assert response.status_code == 200
    assert not Request.objects.exists()
    if field:
        assert field in response.context["form"].errors


def test_a_call_that_does_not_finance_the_activity_is_a_form_error(client):
    call = CallFactory(activity_types=[ActivityType.WORKSHOP])
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("cooperation:request_create"),
        draft_data(provider=InstitutionFactory().pk, topic=TopicFactory(), call=call.pk),
    )

    assert "activity_type" in response.context["form"].errors


def test_the_requester_edits_the_draft_lines(client):
    p = parties()
    result = p.request.results.get()
    line = p.request.budget_lines.get()
    client.force_login(p.requester)
    data = draft_data(provider=p.request.provider.pk, topic=p.request.topic, results=0, lines=0)
    data.update(
        {
            "title": "A new title",
            "results-TOTAL_FORMS": "1",
            "results-INITIAL_FORMS": "1",
            "results-0-id": result.pk,
            "results-0-result": result.result,
            "results-0-indicator": "Inspections per year",
            "results-0-baseline": "100",
            "results-0-target": "150",
            "budget-TOTAL_FORMS": "1",
            "budget-INITIAL_FORMS": "1",
            "budget-0-id": line.pk,
            "budget-0-item": line.item,
            "budget-0-fund_amount": "1",
            "budget-0-requester_amount": "0",
            "budget-0-provider_amount": "0",
            "budget-0-DELETE": "on",
        }
    )

    response = client.post(reverse("cooperation:request_edit", args=[p.request.reference]), data)

    assert response.status_code == 302
    request = p.refresh()
    assert request.title == "A new title"
    assert request.results.get().indicator == "Inspections per year"
    assert not request.budget_lines.exists()


def test_another_ministrys_draft_is_a_404_by_its_reference(client):
    p = parties()
    client.force_login(FocalPointFactory())

    for name in ("request_detail", "request_edit"):
        response = client.get(reverse(f"cooperation:{name}", args=[p.request.reference]))
        assert response.status_code == 404


def test_a_submitted_request_cannot_be_edited(client):
    p = advance(parties(), Status.SUBMITTED)
    client.force_login(p.requester)

    response = client.post(
        reverse("cooperation:request_edit", args=[p.request.reference]),
        draft_data(provider=p.request.provider.pk, topic=p.request.topic, title="Changed"),
    )

    assert response.status_code == 302
    assert p.refresh().title != "Changed"


def test_a_visitor_is_sent_to_sign_in_to_create_a_request(client):
    response = client.get(reverse("cooperation:request_create"))

    assert response.status_code == 302
    assert reverse("login") in response.url


def test_staff_without_a_ministry_cannot_create_a_request(client):
    client.force_login(SecretariatStaffFactory())

    assert client.get(reverse("cooperation:request_create")).status_code == 403


# The request's page ------------------------------------------------------------


def test_the_page_shows_everything_to_the_parties(client):
    p = advance(parties(objectives="Private objectives"), Status.UNDER_REVIEW)
    client.force_login(p.provider)

    response = client.get(p.request.get_absolute_url())

    html = response.content.decode()
    assert "Private objectives" in html
    assert response.context["totals"]["total"] == Decimal("6500")
    assert [entry.to_state for entry in response.context["history"]] == [
        Status.SUBMITTED,
        Status.ACCEPTED,
        Status.UNDER_REVIEW,
    ]
    assert response.context["reviews"] == []


def test_reviews_are_shown_to_staff_only(client):
    p = advance(parties(), Status.SELECTED)

    client.force_login(p.requester)
    assert client.get(p.request.get_absolute_url()).context["reviews"] == []
    client.force_login(p.staff)
    assert len(client.get(p.request.get_absolute_url()).context["reviews"]) == 1


@pytest.mark.parametrize(
    ("status", "who", "steps"),
    [
        (Status.DRAFT, "requester", {"edit", "submit", "withdraw"}),
        (Status.SUBMITTED, "requester", {"withdraw"}),
        (Status.SUBMITTED, "provider", {"answer"}),
        (Status.APPROVED, "provider", {"carried_out"}),
        (Status.CARRIED_OUT, "provider", {"report"}),
        (Status.REPORTED, "requester", {"follow_up"}),
        (Status.REPORTED, "provider", set()),
    ],
)
def test_the_page_offers_the_steps_of_the_reader(client, status, who, steps):
    p = advance(parties(), status)
    client.force_login(getattr(p, who))

    response = client.get(p.request.get_absolute_url())

    assert {name for name, shown in response.context["steps"].items() if shown} == steps


def test_the_final_report_keeps_its_evidence(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    p = advance(parties(), Status.CARRIED_OUT)
    result = p.request.results.get()
    client.force_login(p.provider)

    response = client.post(
        reverse("cooperation:request_report", args=[p.request.reference]),
        {
            "what_was_done": "Five days of visits.",
            "lessons": "Plan the agenda together.",
            f"achieved_{result.pk}": "Protocol adopted",
            "evidence": [
                SimpleUploadedFile("attendance.pdf", PDF, "application/pdf"),
                SimpleUploadedFile("report.pdf", PDF, "application/pdf"),
            ],
        },
    )

    assert response.status_code == 302
    assert p.refresh().status == Status.REPORTED
    assert sorted(Evidence.objects.values_list("title", flat=True)) == [
        "attendance.pdf",
        "report.pdf",
    ]


def test_a_report_without_the_achieved_values_or_with_a_bad_file_is_refused(
    client, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    p = advance(parties(), Status.CARRIED_OUT)
    client.force_login(p.requester)

    response = client.post(
        reverse("cooperation:request_report", args=[p.request.reference]),
        {
            "what_was_done": "Visits.",
            "lessons": "Some.",
            "evidence": [SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", "application/pdf")],
        },
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        f"achieved_{p.request.results.get().pk}",
        "evidence",
    }
    assert p.refresh().status == Status.CARRIED_OUT
    assert not Evidence.objects.exists()


def _evidence(p, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    advance(p, Status.REPORTED)
    return Evidence.objects.create(
        request=p.request,
        title="Attendance",
        file=SimpleUploadedFile("attendance.pdf", PDF),
        uploaded_by=p.requester,
    )


def test_evidence_before_closing_is_for_the_parties_and_staff(client, tmp_path, settings):
    p = parties()
    evidence = _evidence(p, tmp_path, settings)
    address = reverse("cooperation:evidence_download", args=[p.request.reference, evidence.pk])

    for reader in (p.requester, p.provider, p.staff):
        client.force_login(reader)
        assert client.get(address).status_code == 200
    client.force_login(FocalPointFactory())
    assert client.get(address).status_code == 404
    client.logout()
    assert client.get(address).status_code == 404


def test_evidence_is_public_once_the_request_is_closed(client, tmp_path, settings):
    p = parties()
    evidence = _evidence(p, tmp_path, settings)
    advance(p, Status.CLOSED)

    response = client.get(
        reverse("cooperation:evidence_download", args=[p.request.reference, evidence.pk])
    )

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_evidence_of_another_request_is_a_404(client, tmp_path, settings):
    p = parties()
    evidence = _evidence(p, tmp_path, settings)
    other = parties()
    client.force_login(other.requester)

    response = client.get(
        reverse("cooperation:evidence_download", args=[other.request.reference, evidence.pk])
    )

    assert response.status_code == 404


def test_a_follow_up_keeps_its_evidence_and_is_sent_once(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    p = advance(parties(), Status.REPORTED)
    client.force_login(p.requester)
    address = reverse("cooperation:request_follow_up", args=[p.request.reference])
    data = {
        "months": "6",
        "change_kinds": ["legal_change"],
        "description": "A new decree.",
        "evidence": SimpleUploadedFile("decree.pdf", PDF, "application/pdf"),
    }

    client.post(address, data)
    again = client.post(address, {**data, "evidence": []})

    follow_up = p.request.follow_ups.get()
    assert follow_up.evidence.get().title == "decree.pdf"
    assert again.status_code == 200
    assert "months" in again.context["form"].errors


# My cooperation -----------------------------------------------------------------


def test_my_cooperation_lists_both_sides_and_what_waits(client):
    focal_point = FocalPointFactory()
    ministry = focal_point.institution
    draft = RequestFactory(requester=ministry)
    asked = RequestFactory(provider=ministry, status=Status.SUBMITTED)
    hidden_draft = RequestFactory(provider=ministry)
    RequestFactory()
    NeedFactory(institution=ministry, title="Our need")
    NeedFactory(institution=ministry, status=NeedStatus.WITHDRAWN)
    client.force_login(focal_point)

    response = client.get(reverse("cooperation:my_cooperation"))

    assert response.context["as_requester"] == [draft]
    assert response.context["as_provider"] == [asked]
    assert response.context["waiting"] == [(draft, "submit"), (asked, "answer")]
    assert [need.title for need in response.context["needs"]] == ["Our need"]
    assert hidden_draft.reference not in response.content.decode()


def test_what_waits_includes_reports_and_follow_ups_due(client):
    p = advance(parties(), Status.CARRIED_OUT)
    q = parties(requester=p.request.requester)
    advance(q, Status.REPORTED)

    waiting = dict(dashboard_section(p.requester)[1]["waiting"])

    assert waiting == {p.request: "report", q.request: "follow_up"}


def test_the_dashboard_shows_what_waits_for_the_focal_point(client):
    p = advance(parties(), Status.SUBMITTED)
    client.force_login(p.provider)

    html = client.get(reverse("accounts:dashboard")).content.decode()

    assert "Cooperation requests waiting for you" in html
    assert p.request.reference in html
    assert all(
        template != "cooperation/my_dashboard_section.html"
        for template, _context in render_sections(DASHBOARD, SecretariatStaffFactory())
    )


def test_my_cooperation_is_for_focal_points_of_ministries(client):
    client.force_login(SecretariatStaffFactory())

    assert client.get(reverse("cooperation:my_cooperation")).status_code == 403


def _many(count, p):
    for index in range(count):
        other = RequestFactory(requester=p.request.requester, status=Status.SUBMITTED)
        RequestFactory(provider=p.request.requester, status=Status.SUBMITTED)
        NeedFactory(institution=p.request.requester)
        for _line in range(index % 3):
            other.budget_lines.create(item="per_diem", fund_amount=10)


def test_my_cooperation_runs_a_fixed_number_of_queries(client, count_queries):
    p = parties()
    client.force_login(p.requester)
    address = reverse("cooperation:my_cooperation")
    _many(1, p)
    one = count_queries(address)

    _many(3, p)

    assert count_queries(address) == one


def _grow(p, tmp_path, count):
    """More lines, log entries, evidence and follow-up evidence on ``p.request``."""
    for index in range(count):
        p.request.results.create(result=f"R{index}", indicator="I", baseline="0", target="1")
        p.request.budget_lines.create(item="materials", fund_amount=1)
        ActivityLog.objects.create(
            content_type=ContentType.objects.get_for_model(p.request),
            object_id=p.request.pk,
            actor=p.staff,
            action="close",
            from_state=Status.REPORTED,
            to_state=Status.CLOSED,
            comment="Note",
        )
        Evidence.objects.create(
            request=p.request, title=f"E{index}", file=SimpleUploadedFile("e.pdf", PDF)
        )


def test_the_request_page_runs_a_fixed_number_of_queries(client, count_queries, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    p = advance(parties(), Status.CLOSED)
    client.force_login(p.requester)
    client.post(
        reverse("cooperation:request_follow_up", args=[p.request.reference]),
        {"months": "6", "change_kinds": ["other"], "description": "Changed."},
    )
    follow_up = p.request.follow_ups.get()
    _grow(p, tmp_path, 1)
    one = count_queries(p.request.get_absolute_url())

    _grow(p, tmp_path, 3)
    for index in range(3):
        Evidence.objects.create(
            request=p.request,
            follow_up=follow_up,
            title=f"F{index}",
            file=SimpleUploadedFile("f.pdf", PDF),
        )

    assert count_queries(p.request.get_absolute_url()) == one


# Requesting a program from its page ----------------------------------------------


def test_a_focal_point_requests_a_program_from_its_page_prefilled(client):
    program = ProgramFactory(title_en="Mediation at work")
    focal_point = FocalPointFactory()
    client.force_login(focal_point)

    html = client.get(program.get_absolute_url()).content.decode()
    url = f"{reverse('cooperation:request_create')}?program={program.slug}"
    assert f'href="{url}">Request this cooperation</a>' in html

    initial = client.get(url).context["form"].initial
    assert (initial["program"], initial["provider"], initial["title"]) == (
        program.pk,
        program.owner_id,
        "Mediation at work",
    )


def test_the_programs_own_country_is_not_offered_to_request_it(client):
    program = ProgramFactory()
    own = FocalPointFactory(institution=program.owner)
    client.force_login(own)

    html = client.get(program.get_absolute_url()).content.decode()
    response = client.get(reverse("cooperation:request_create"), {"program": program.slug})

    assert "Request this cooperation" not in html
    assert "How to become a focal point" not in html
    assert response.context["form"].initial["program"] is None
    assert "cannot request this program" in response.content.decode()


def test_a_draft_program_cannot_be_requested_through_the_address(client):
    program = ProgramFactory(status="draft")
    client.force_login(FocalPointFactory())

    response = client.get(reverse("cooperation:request_create"), {"program": program.slug})

    assert response.context["form"].initial["program"] is None


def test_a_visitor_learns_how_to_become_a_focal_point(client):
    program = ProgramFactory()

    html = client.get(program.get_absolute_url()).content.decode()

    assert "Request this cooperation" not in html
    assert f'href="{reverse("network:about")}#focal-points">How to become a focal point' in html
    about = client.get(reverse("network:about")).content.decode()
    assert 'id="focal-points"' in about


def test_staff_and_visitors_cannot_open_the_request_form_from_a_program(client):
    program = ProgramFactory()
    url = f"{reverse('cooperation:request_create')}?program={program.slug}"

    assert client.get(url).status_code == 302  # to sign in
    client.force_login(SecretariatStaffFactory())
    html = client.get(program.get_absolute_url()).content.decode()
    assert "Request this cooperation" not in html
    assert "How to become a focal point" not in html
    assert client.get(url).status_code == 403


def test_an_archived_program_offers_no_request(client):
    program = ProgramFactory(status="archived")
    client.force_login(FocalPointFactory())

    html = client.get(program.get_absolute_url()).content.decode()

    assert "Request this cooperation" not in html
