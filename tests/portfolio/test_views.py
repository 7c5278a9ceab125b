import datetime
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import search
from core.models import EmailDelivery
from portfolio import services
from portfolio.enums import ProgramStatus
from portfolio.models import Program, ProgramAttachment
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    SecretariatStaffFactory,
    TopicFactory,
)
from tests.portfolio.factories import ProgramFactory, form_data, program_content

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def titles(response):
    """The titles of the program cards on the page, in their order."""
    return [
        html.unescape(title)
        for title in re.findall(
            r'class="h5 card-title mb-1"><a href="[^"]*">([^<]*)</a>', response.text
        )
    ]


def test_program_list_shows_only_published_programs(client):
    ProgramFactory(title_en="Published one")
    ProgramFactory(title_en="A draft", status=ProgramStatus.DRAFT)
    ProgramFactory(title_en="Being reviewed", status=ProgramStatus.SUBMITTED)
    ProgramFactory(title_en="Archived", status=ProgramStatus.ARCHIVED)

    response = client.get(reverse("portfolio:program_list"))

    assert titles(response) == ["Published one"]


@pytest.mark.parametrize("status", [ProgramStatus.DRAFT, ProgramStatus.SUBMITTED, "returned"])
def test_unpublished_program_page_is_404_for_visitors_and_other_ministries(client, status):
    program = ProgramFactory(status=status)

    assert client.get(program.get_absolute_url()).status_code == 404
    client.force_login(FocalPointFactory())
    assert client.get(program.get_absolute_url()).status_code == 404


def test_unpublished_program_page_is_visible_to_its_ministry_and_staff(client):
    program = ProgramFactory(status=ProgramStatus.DRAFT)

    client.force_login(FocalPointFactory(institution=program.owner))
    assert client.get(program.get_absolute_url()).status_code == 200
    client.force_login(SecretariatStaffFactory())
    assert client.get(program.get_absolute_url()).status_code == 200


def test_archived_program_page_stays_reachable_with_a_notice(client):
    program = ProgramFactory(status=ProgramStatus.ARCHIVED)

    response = client.get(program.get_absolute_url())

    assert response.status_code == 200
    assert "no longer offered" in response.content.decode()


def test_pending_revision_is_invisible_to_visitors(client):
    program = ProgramFactory(title_en="Reviewed title")
    focal_point = FocalPointFactory(institution=program.owner)
    services.program_update(
        program=program,
        user=focal_point,
        content={**program.content(), "title_en": "Unreviewed title"},
    )

    html = client.get(program.get_absolute_url()).content.decode()

    assert "Reviewed title" in html
    assert "Unreviewed title" not in html


def test_focal_point_creates_and_submits_a_program(client):
    focal_point = FocalPointFactory()
    staff = SecretariatStaffFactory()
    topic = TopicFactory()
    client.force_login(focal_point)
    data = form_data(
        program_content(
            topics=[topic.pk],
            indicators=[{"name": "Inspectors trained", "value": "200", "year": 2014}],
        )
    )

    response = client.post(reverse("portfolio:program_create"), {**data, "submit": "1"})

    assert response.status_code == 302
    program = Program.objects.get()
    assert program.owner == focal_point.institution
    assert program.status == ProgramStatus.SUBMITTED
    assert [(i.name, i.value, i.year) for i in program.indicators.all()] == [
        ("Inspectors trained", "200", 2014)
    ]
    assert EmailDelivery.objects.filter(to=staff.email).count() == 1


def test_program_form_errors_are_shown_next_to_fields_and_nothing_is_saved(client):
    client.force_login(FocalPointFactory())
    data = form_data(program_content(language="es", title_en="Only English", start_year=2999))

    response = client.post(reverse("portfolio:program_create"), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert "title_es" in form.errors
    assert "start_year" in form.errors
    assert "topics" in form.errors
    assert not Program.objects.exists()


def test_program_form_refuses_links_that_are_not_web_addresses(client):
    client.force_login(FocalPointFactory())
    data = form_data(
        program_content(topics=[TopicFactory().pk], links="https://ok.example.org\njavascript:x")
    )

    response = client.post(reverse("portfolio:program_create"), data)

    assert "links" in response.context["form"].errors
    assert not Program.objects.exists()


def test_returned_program_is_edited_and_resubmitted(client):
    program = ProgramFactory(status=ProgramStatus.RETURNED, review_comment="Add results.")
    focal_point = FocalPointFactory(institution=program.owner)
    client.force_login(focal_point)
    content = {**program.content(), "results": "Now with results."}

    detail = client.get(program.get_absolute_url())
    page = client.get(reverse("portfolio:program_edit", args=[program.slug]))
    response = client.post(
        reverse("portfolio:program_edit", args=[program.slug]), {**form_data(content), "submit": 1}
    )

    assert "Add results." in detail.content.decode()
    assert page.status_code == 200
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.status == ProgramStatus.SUBMITTED
    assert program.results == "Now with results."


@pytest.mark.parametrize(
    "url_name", ["program_edit", "program_submit", "program_confirm", "attachment_add"]
)
def test_other_ministry_cannot_reach_edit_pages(client, url_name):
    program = ProgramFactory(status=ProgramStatus.DRAFT)
    client.force_login(FocalPointFactory())

    url = reverse(f"portfolio:{url_name}", args=[program.slug])
    response = (
        client.post(url) if url_name in ("program_submit", "program_confirm") else client.get(url)
    )

    assert response.status_code == 404
    program.refresh_from_db()
    assert program.status == ProgramStatus.DRAFT


def test_other_ministry_cannot_edit_a_published_program_either(client):
    program = ProgramFactory(title_en="Theirs")
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("portfolio:program_edit", args=[program.slug]),
        form_data({**program.content(), "title_en": "Mine now"}),
    )

    assert response.status_code == 404
    assert not program.revisions.exists()


def test_visitor_is_sent_to_login_for_my_programs(client):
    response = client.get(reverse("portfolio:my_programs"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_delegate_without_focal_point_role_gets_403_on_my_programs(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())

    assert client.get(reverse("portfolio:my_programs")).status_code == 403
    assert client.get(reverse("portfolio:program_create")).status_code == 403


def test_my_programs_lists_only_my_ministry(client):
    mine = ProgramFactory(title_en="Mine", status=ProgramStatus.DRAFT)
    ProgramFactory(title_en="Theirs", status=ProgramStatus.DRAFT)
    client.force_login(FocalPointFactory(institution=mine.owner))

    response = client.get(reverse("portfolio:my_programs"))

    assert [program.title for program in response.context["programs"]] == ["Mine"]


def test_attachment_upload_refuses_a_disguised_file_and_saves_nothing(client):
    program = ProgramFactory(status=ProgramStatus.DRAFT)
    client.force_login(FocalPointFactory(institution=program.owner))
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 100)

    response = client.post(
        reverse("portfolio:attachment_add", args=[program.slug]), {"title": "Report", "file": fake}
    )

    assert response.status_code == 200
    assert "not a PDF, DOCX, XLSX or ODT document" in response.content.decode()
    assert not ProgramAttachment.objects.exists()


def test_attachment_upload_refuses_a_file_too_large(client, settings):
    settings.RIAL_MAX_UPLOAD_BYTES = 1000
    program = ProgramFactory(status=ProgramStatus.DRAFT)
    client.force_login(FocalPointFactory(institution=program.owner))
    big = SimpleUploadedFile("report.pdf", PDF + b"0" * 2000)

    response = client.post(
        reverse("portfolio:attachment_add", args=[program.slug]), {"title": "Report", "file": big}
    )

    assert "the limit is" in response.content.decode()
    assert not ProgramAttachment.objects.exists()


def test_attachment_on_a_public_program_waits_for_review(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    program = ProgramFactory()
    focal_point = FocalPointFactory(institution=program.owner)
    client.force_login(focal_point)

    client.post(
        reverse("portfolio:attachment_add", args=[program.slug]),
        {"title": "Evaluation", "file": SimpleUploadedFile("evaluation.pdf", PDF)},
    )

    attachment = ProgramAttachment.objects.get()
    assert attachment.kind == "pdf"
    assert attachment.revision is not None
    client.logout()
    assert "Evaluation" not in client.get(program.get_absolute_url()).content.decode()
    download = reverse("portfolio:attachment_download", args=[program.slug, attachment.pk])
    assert client.get(download).status_code == 404
    revision = attachment.revision
    services.revision_submit(revision=revision, user=focal_point)
    services.revision_approve(revision=revision, user=SecretariatStaffFactory())
    assert "Evaluation" in client.get(program.get_absolute_url()).content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_stale_program_shows_a_badge_then_leaves_the_default_list(client, settings):
    settings.PORTFOLIO_VERIFY_EVERY_DAYS = 365
    settings.PORTFOLIO_VERIFY_GRACE_DAYS = 180
    today = datetime.date.today()
    ProgramFactory(title_en="Overdue", last_verified=today - datetime.timedelta(days=400))
    ProgramFactory(title_en="Stale", last_verified=today - datetime.timedelta(days=600))

    response = client.get(reverse("portfolio:program_list"))
    with_stale = client.get(reverse("portfolio:program_list"), {"unverified": "on"})

    assert titles(response) == ["Overdue"]
    assert "not verified since" in response.content.decode()
    assert sorted(titles(with_stale)) == ["Overdue", "Stale"]


def test_filters_by_member_state_topic_offer_and_year(client):
    chile = MemberStateFactory(iso_code="CL", name_en="Chile", subregion="southern_cone")
    inspection = TopicFactory(slug="labor-inspection")
    wanted = ProgramFactory(
        title_en="Wanted", owner=InstitutionFactory(member_state=chile), topics=[inspection]
    )
    wanted.offers.create(kind="technical_visit")
    wanted.start_year = 2005
    wanted.save()
    ProgramFactory(title_en="Other state", topics=[inspection])
    ProgramFactory(
        title_en="Other topic", owner=InstitutionFactory(member_state=chile, is_active=False)
    )

    url = reverse("portfolio:program_list")

    assert titles(client.get(url, {"member_state": "CL", "topic": "labor-inspection"})) == [
        "Wanted"
    ]
    assert titles(client.get(url, {"offer": "technical_visit"})) == ["Wanted"]
    assert titles(client.get(url, {"subregion": "southern_cone", "started_until": 2006})) == [
        "Wanted"
    ]


def test_bad_filter_values_are_a_message_not_an_error(client):
    ProgramFactory()

    response = client.get(
        reverse("portfolio:program_list"),
        {"member_state": "ZZ", "started_from": "abc", "sort": "nope", "page": "x\x00"},
    )

    assert response.status_code == 200
    assert set(response.context["filter"].errors) == {"member_state", "started_from", "sort"}


def test_sort_by_title_in_the_reader_language(client):
    ProgramFactory(title_en="Beta", language="en")
    ProgramFactory(language="es", title_en=None, title_es="Alfa", summary_es="Resumen")

    response = client.get(reverse("portfolio:program_list"), {"sort": "title"})

    assert titles(response) == ["Alfa", "Beta"]


def test_htmx_request_gets_only_the_results(client):
    ProgramFactory(title_en="Only results")

    response = client.get(reverse("portfolio:program_list"), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "Only results" in html
    assert "<html" not in html


def test_search_finds_a_plain_word_in_any_text(client):
    ProgramFactory(title_en="Mediation service", results="Settled 70% of disputes.")
    ProgramFactory(title_en="Employment observatory")

    response = client.get(reverse("portfolio:program_list"), {"q": "disputes"})

    assert titles(response) == ["Mediation service"]


@pytest.mark.postgresql
def test_search_stems_english_words(client):
    ProgramFactory(title_en="Strengthening labor inspection", summary_en="Modern inspection.")
    ProgramFactory(title_en="Youth employment")

    response = client.get(reverse("portfolio:program_list"), {"q": "inspectors"})

    assert titles(response) == ["Strengthening labor inspection"]


@pytest.mark.postgresql
def test_search_stems_spanish_words(client):
    ProgramFactory(
        language="es",
        title_en=None,
        title_es="Servicio especializado de conciliación laboral",
        summary_es="Conciliaciones extrajudiciales.",
    )
    ProgramFactory(title_en="Employment observatory")

    response = client.get(reverse("portfolio:program_list"), {"q": "conciliaciones"})

    assert titles(response) == ["Servicio especializado de conciliación laboral"]


@pytest.mark.postgresql
def test_search_ranks_title_above_other_text(client):
    ProgramFactory(title_en="Training of mediators", results="Mediation")
    ProgramFactory(title_en="Youth employment", results="Some mediation was offered too.")

    response = client.get(reverse("portfolio:program_list"), {"q": "mediation"})

    assert titles(response) == ["Training of mediators", "Youth employment"]


@pytest.fixture
def max_matches(monkeypatch):
    """A search bounded at 3 matches instead of a thousand."""
    monkeypatch.setattr(search, "MAX_MATCHES", 3)
    return 3


def result_count(response):
    html = response.content.decode()
    start = html.index('role="status">') + len('role="status">')
    return " ".join(html[start : html.index("</p>", start)].split())


def test_search_bounds_the_programs_the_other_filters_keep(client, max_matches):
    # The oldest match: a bound taken before the filter would leave it out.
    state = MemberStateFactory()
    owner = InstitutionFactory(member_state=state)
    ProgramFactory(title_en="Mediation in one country", owner=owner)
    for number in range(max_matches + 2):
        ProgramFactory(title_en=f"Mediation service {number}")

    response = client.get(
        reverse("portfolio:program_list"), {"q": "mediation", "member_state": state.iso_code}
    )

    assert titles(response) == ["Mediation in one country"]
    assert result_count(response) == "1 program"


@pytest.mark.postgresql
@pytest.mark.parametrize(("matching", "expected"), [(3, "3 programs"), (5, "More than 3 programs")])
def test_search_counts_the_titles_a_typo_matches_up_to_the_bound(
    client, max_matches, matching, expected
):
    for number in range(matching):
        ProgramFactory(title_en=f"Mediation service {number}")

    # Matched by trigram similarity of the titles only, not by full text.
    response = client.get(reverse("portfolio:program_list"), {"q": "mediaton"})

    assert result_count(response) == expected


@pytest.mark.postgresql
def test_search_past_the_bound_still_ranks_the_title_match_first(client, max_matches):
    # The oldest match, and the only one by its title: the newest matches by
    # other texts alone would fill the bound.
    ProgramFactory(title_en="Mediation of labor disputes")
    for _ in range(max_matches + 2):
        ProgramFactory(title_en="Youth employment", results="Some mediation was offered too.")

    response = client.get(reverse("portfolio:program_list"), {"q": "mediation"})

    assert result_count(response) == "More than 3 programs"
    assert titles(response)[0] == "Mediation of labor disputes"


def _programs(count):
    topic = TopicFactory()
    for _ in range(count):
        program = ProgramFactory(topics=[topic, TopicFactory()])
        program.offers.create(kind="workshop")
        program.indicators.create(name="People trained", value="10")


@pytest.mark.parametrize(
    "params", [{}, {"q": "Program"}, {"topic": "topic-0", "sort": "title"}], ids=str
)
def test_program_list_runs_a_fixed_number_of_queries(count_queries, params):
    from urllib.parse import urlencode

    url = f"{reverse('portfolio:program_list')}?{urlencode(params)}"
    _programs(5)
    five = count_queries(url)

    _programs(45)

    assert count_queries(url) == five


def test_program_detail_runs_a_fixed_number_of_queries(count_queries):
    _programs(5)
    program = Program.objects.first()
    five = count_queries(program.get_absolute_url())

    _programs(45)
    for topic in program.topics.all():
        for other in Program.objects.exclude(pk=program.pk)[:20]:
            other.topics.add(topic)

    assert count_queries(program.get_absolute_url()) == five


def test_member_state_and_topic_pages_list_their_programs(client):
    program = ProgramFactory(title_en="Listed program")
    topic = program.topics.get()

    assert (
        "Listed program"
        in client.get(program.owner.member_state.get_absolute_url()).content.decode()
    )
    assert "Listed program" in client.get(topic.get_absolute_url()).content.decode()


def test_program_page_never_links_a_script_address(client):
    program = ProgramFactory(links="https://ok.example.org\njavascript:alert(1)")

    html = client.get(program.get_absolute_url()).content.decode()

    assert 'href="https://ok.example.org"' in html
    assert "javascript:alert" not in html


def test_contact_line_names_an_office_once(client):
    office = "Jefe/a del Departamento de Inspección, Dirección del Trabajo"
    program = ProgramFactory(contact_name=office, contact_role=office)

    html = client.get(program.get_absolute_url()).content.decode()

    assert html.count(office) == 1


def test_contact_line_gives_a_persons_role_after_the_name(client):
    program = ProgramFactory(contact_name="Ana Pérez", contact_role="Chief Labour Inspector")

    html = client.get(program.get_absolute_url()).content.decode()

    assert "Ana Pérez, Chief Labour Inspector<br>" in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Dec. 6, 2026"), ("es", "6 de diciembre de 2026")],
)
def test_my_programs_shows_every_date_in_one_format(client, language, expected):
    day = datetime.date(2026, 12, 6)
    program = ProgramFactory(last_verified=day)
    Program.objects.filter(pk=program.pk).update(
        updated_at=datetime.datetime(2026, 12, 6, 15, tzinfo=datetime.UTC)
    )
    client.force_login(FocalPointFactory(institution=program.owner))

    html = client.get(
        reverse("portfolio:my_programs"), headers={"accept-language": language}
    ).content.decode()

    assert html.count(expected) == 2
    assert "12/06/2026" not in html
    assert "06/12/2026" not in html
