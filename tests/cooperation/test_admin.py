"""The Secretariat runs cooperation in the admin: calls with their documents and
ranking, needs, and requests moved only through the services (scores,
decisions, closing); refused to other staff roles and to everyone else."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.enums import Criterion, RequestStatus
from cooperation.models import Request, Review
from rial_portal.roles import EDITOR, FUND_OFFICER
from tests.conftest import moves_logged, sign_in_with_second_factor
from tests.cooperation.factories import CallFactory, NeedFactory, RequestFactory
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus
SCORES = {"relevance": "5", "opportunity": "4", "clarity": "3", "commitment": "5"}
CHANGELIST = reverse("admin:cooperation_request_changelist")


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def staff_client(client, staff):
    return sign_in_with_second_factor(client, staff)


def other_staff(client, group):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return sign_in_with_second_factor(client, user)


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def run_action(client, action, requests, **data):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [str(r.pk) for r in requests], **data},
        follow=True,
    )


def admin_pages():
    """Every admin page of cooperation, with the objects it needs."""
    call = CallFactory()
    request = RequestFactory(status=Status.UNDER_REVIEW, call=call)
    need = NeedFactory()
    return [
        reverse("admin:cooperation_call_changelist"),
        reverse("admin:cooperation_call_add"),
        reverse("admin:cooperation_call_change", args=[call.pk]),
        reverse("admin:cooperation_call_ranking", args=[call.pk]),
        reverse("admin:cooperation_need_changelist"),
        reverse("admin:cooperation_need_change", args=[need.pk]),
        CHANGELIST,
        reverse("admin:cooperation_request_change", args=[request.pk]),
        reverse("admin:cooperation_request_score", args=[request.pk]),
    ]


def test_admin_pages_open_for_the_secretariat(staff_client):
    for url in admin_pages():
        assert staff_client.get(url).status_code == 200, url


@pytest.mark.parametrize("group", [FUND_OFFICER, EDITOR])
def test_admin_pages_are_refused_to_other_staff_roles(client, group):
    other_staff(client, group)

    for url in admin_pages():
        assert client.get(url).status_code == 403, url


def test_admin_pages_send_a_focal_point_to_the_login(client):
    client.force_login(FocalPointFactory())

    for url in admin_pages():
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"]


def test_request_cannot_be_added_or_deleted_in_the_admin(staff_client):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    assert staff_client.get(reverse("admin:cooperation_request_add")).status_code == 403
    assert (
        staff_client.get(reverse("admin:cooperation_request_delete", args=[request.pk])).status_code
        == 403
    )


def test_request_status_is_not_changed_by_saving_the_form(staff_client):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    url = reverse("admin:cooperation_request_change", args=[request.pk])
    management = {}
    for inline in staff_client.get(url).context["inline_admin_formsets"]:
        form = inline.formset.management_form
        management.update({form.add_prefix(name): value for name, value in form.initial.items()})

    title = request.title
    staff_client.post(
        url,
        {
            **management,
            "status": Status.APPROVED,
            "title_en": "Another title",
            "summary_en": "A shorter summary for the public.",
            "summary_es": "Un resumen más corto para el público.",
        },
    )

    request.refresh_from_db()
    assert request.status == Status.UNDER_REVIEW
    assert request.title == title
    assert request.summary_en == "A shorter summary for the public."
    assert request.summary_es == "Un resumen más corto para el público."


def test_request_changelist_runs_a_fixed_number_of_queries(staff_client):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert staff_client.get(CHANGELIST).status_code == 200
        return len(context.captured_queries)

    RequestFactory(status=Status.UNDER_REVIEW, call=CallFactory())
    one = count()
    for _n in range(2):
        RequestFactory(status=Status.UNDER_REVIEW, call=CallFactory())

    assert count() == one


# Scoring.


def test_score_page_saves_the_reviewers_scores(staff_client, staff):
    request = RequestFactory(status=Status.UNDER_REVIEW)
    url = reverse("admin:cooperation_request_score", args=[request.pk])

    response = staff_client.post(url, {**SCORES, "comment": "Clear and measurable."}, follow=True)

    review = Review.objects.get(request=request, reviewer=staff)
    assert [getattr(review, name) for name in Criterion.values] == [5, 4, 3, 5]
    assert review.comment == "Clear and measurable."
    assert texts(response) == [f"Your scores of {request.reference} are saved."]


def test_score_page_changes_the_same_review_when_saved_again(staff_client, staff):
    request = RequestFactory(status=Status.UNDER_REVIEW)
    url = reverse("admin:cooperation_request_score", args=[request.pk])
    staff_client.post(url, {**SCORES, "comment": "First reading."})

    staff_client.post(url, {**SCORES, "clarity": "4", "comment": "Second reading."})

    review = Review.objects.get()
    assert (review.clarity, review.comment) == (4, "Second reading.")
    assert staff_client.get(url).context["form"].initial["comment"] == "Second reading."


@pytest.mark.parametrize(
    "data", [{**SCORES, "relevance": "6", "comment": "x"}, {**SCORES, "comment": ""}, {}]
)
def test_score_page_refuses_scores_out_of_range_without_an_error_page(staff_client, data):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    response = staff_client.post(
        reverse("admin:cooperation_request_score", args=[request.pk]), data
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Review.objects.exists()


def test_score_page_refuses_a_request_not_under_review(staff_client):
    request = RequestFactory(status=Status.DRAFT)

    response = staff_client.post(
        reverse("admin:cooperation_request_score", args=[request.pk]),
        {**SCORES, "comment": "Too early."},
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Review.objects.exists()


def test_score_page_of_a_request_that_does_not_exist_is_not_found(staff_client):
    response = staff_client.get(reverse("admin:cooperation_request_score", args=[999999]))

    assert response.status_code == 404


# Deciding and closing.


def test_decide_action_asks_for_the_decision_and_reasons_first(staff_client):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    response = staff_client.post(
        CHANGELIST, {"action": "decide", "_selected_action": [str(request.pk)]}
    )

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"decision", "reason"}
    assert Request.objects.get(pk=request.pk).status == Status.UNDER_REVIEW


def test_decide_action_records_the_decision_and_its_reasons(staff_client, staff):
    request = RequestFactory(status=Status.UNDER_REVIEW)
    Review.objects.create(
        request=request, reviewer=staff, comment="Good.", **{k: int(v) for k, v in SCORES.items()}
    )

    response = run_action(
        staff_client,
        "decide",
        [request],
        apply="1",
        decision=Status.WAITLISTED,
        reason="Sixth in the ranking.",
    )

    request.refresh_from_db()
    assert texts(response) == ["1 proposal decided."]
    assert request.status == Status.WAITLISTED
    assert moves_logged(request, "to_state", "actor", "comment") == [
        (Status.WAITLISTED, staff, "Sixth in the ranking.")
    ]


def test_decide_action_refuses_a_proposal_not_scored(staff_client):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    response = run_action(
        staff_client, "decide", [request], apply="1", decision=Status.SELECTED, reason="Top."
    )

    assert texts(response) == [f"{request}: Score the proposal before deciding."]
    assert Request.objects.get(pk=request.pk).status == Status.UNDER_REVIEW


def test_decide_action_refuses_a_decision_that_is_not_one(staff_client, staff):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    response = run_action(
        staff_client, "decide", [request], apply="1", decision=Status.APPROVED, reason="Go."
    )

    assert response.context["form"].errors["decision"]
    assert Request.objects.get(pk=request.pk).status == Status.UNDER_REVIEW


def test_close_action_closes_a_reported_request_and_publishes_its_results(staff_client):
    request = RequestFactory(status=Status.REPORTED)
    draft = RequestFactory(status=Status.DRAFT)

    response = run_action(staff_client, "close", [request, draft], apply="1", comment="Checked.")

    assert Request.objects.get(pk=request.pk).status == Status.CLOSED
    assert Request.objects.get(pk=draft.pk).status == Status.DRAFT
    assert "1 request closed." in texts(response)
    assert Request.objects.get(pk=request.pk).results_are_public


# The call's ranking.


def test_ranking_shows_score_running_total_and_envelope_fit(staff_client, staff):
    call = CallFactory(envelope=Decimal("9000"))
    best = RequestFactory(status=Status.UNDER_REVIEW, call=call)
    second = RequestFactory(status=Status.UNDER_REVIEW, call=call)
    unscored = RequestFactory(status=Status.UNDER_REVIEW, call=call)
    RequestFactory(status=Status.DRAFT, call=call)
    for request, score in ((best, 5), (second, 3)):
        Review.objects.create(
            request=request,
            reviewer=staff,
            comment="Read.",
            **dict.fromkeys(Criterion.values, score),
        )

    response = staff_client.get(reverse("admin:cooperation_call_ranking", args=[call.pk]))

    rows = [
        (request, score, running, fits)
        for request, score, running, fits in response.context["ranking"]
    ]
    assert rows == [
        (best, 20, Decimal("5000"), True),
        (second, 12, Decimal("10000"), False),
        (unscored, None, Decimal("15000"), False),
    ]
    content = response.content.decode()
    assert best.reference in content
    assert "not scored" in content


# The staff dashboard.


def test_dashboard_counts_requests_to_review_and_final_reports_to_check(staff_client):
    RequestFactory(status=Status.UNDER_REVIEW)
    RequestFactory(status=Status.UNDER_REVIEW)
    RequestFactory(status=Status.REPORTED)
    RequestFactory(status=Status.SUBMITTED)

    waiting = staff_client.get(reverse("admin:index")).context["waiting"]

    counts = {line["label"]: line["count"] for line in waiting}
    assert counts["Cooperation requests to review"] == 2
    assert counts["Final reports to check"] == 1
    lists = {line["label"]: line["url"] for line in waiting}
    to_review = staff_client.get(lists["Cooperation requests to review"])
    assert to_review.context["cl"].result_count == 2
