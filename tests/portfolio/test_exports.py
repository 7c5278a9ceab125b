"""The Secretariat exports the filtered program list as CSV or XLSX."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core import search
from portfolio.enums import ProgramStatus
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    SecretariatStaffFactory,
    TopicFactory,
    UserFactory,
)
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
HEADER = [
    "Title",
    "Member state",
    "Ministry",
    "Topics",
    "Target groups",
    "Offers",
    "Start year",
    "Implementation",
    "Language",
    "Contact",
    "Contact email",
    "Last verified",
    "Published",
    "Address",
]


def export_url(fmt):
    return reverse("portfolio:program_export", kwargs={"fmt": fmt})


@pytest.fixture
def staff_client(client):
    client.force_login(SecretariatStaffFactory())
    return client


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def csv_titles(response):
    return [row[0] for row in csv_rows(response)[1:]]


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def published(title, *, days_ago=0, **kwargs):
    """A published program, the newest first in the export's default order."""
    return ProgramFactory(
        title_en=title, published_at=timezone.now() - datetime.timedelta(days=days_ago), **kwargs
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_forbidden_to_a_visitor(client, fmt):
    assert client.get(export_url(fmt)).status_code == 403


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_forbidden_to_a_focal_point(client, fmt):
    client.force_login(FocalPointFactory())

    assert client.get(export_url(fmt)).status_code == 403


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_forbidden_to_staff_without_the_group(client, fmt):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(export_url(fmt)).status_code == 403


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_an_attachment_for_staff(staff_client, fmt):
    response = staff_client.get(export_url(fmt))

    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert response["Content-Disposition"] == (
        f'attachment; filename="rial-programs-{today}.{fmt}"'
    )


def test_export_in_an_unknown_format_is_not_found(staff_client):
    assert staff_client.get(export_url("pdf")).status_code == 404


def test_csv_export_starts_with_the_header(staff_client):
    response = staff_client.get(export_url("csv"))

    assert csv_rows(response) == [HEADER]


def test_csv_export_row_describes_the_program(staff_client):
    state = MemberStateFactory(name_en="Saint Lucia")
    ministry = InstitutionFactory(member_state=state, name_en="Ministry of Labour of Saint Lucia")
    program = ProgramFactory(
        owner=ministry, title_en="Youth apprenticeships", topics=[TopicFactory(name_en="Youth")]
    )
    program.offers.create(kind="workshop")

    rows = csv_rows(staff_client.get(export_url("csv")))

    assert rows[1] == [
        "Youth apprenticeships",
        "Saint Lucia",
        "Ministry of Labour of Saint Lucia",
        "Youth",
        "",
        "Workshop",
        "2010",
        "Ongoing",
        "English",
        "Contact Person",
        "contact@example.org",
        program.last_verified.isoformat(),
        program.published_at.date().isoformat(),
        f"/programs/{program.slug}/",
    ]


def test_csv_export_lists_only_published_programs(staff_client):
    published("Published program")
    for status in (
        ProgramStatus.DRAFT,
        ProgramStatus.SUBMITTED,
        ProgramStatus.RETURNED,
        ProgramStatus.ARCHIVED,
    ):
        ProgramFactory(title_en=f"{status.label} program", status=status)

    response = staff_client.get(export_url("csv"))

    assert csv_titles(response) == ["Published program"]


def test_csv_export_lists_the_newest_publication_first(staff_client):
    published("Older", days_ago=10)
    published("Newest", days_ago=1)
    published("Oldest", days_ago=100)

    response = staff_client.get(export_url("csv"))

    assert csv_titles(response) == ["Newest", "Older", "Oldest"]


def test_csv_export_follows_the_search(staff_client):
    published("Labor inspection training")
    published("Youth apprenticeships")
    ProgramFactory(title_en="Labor inspection draft", status=ProgramStatus.DRAFT)

    response = staff_client.get(export_url("csv"), {"q": "inspection"})

    assert csv_titles(response) == ["Labor inspection training"]


def test_csv_export_follows_the_topic_filter(staff_client):
    topic = TopicFactory(slug="social-dialogue")
    published("Tripartite councils", topics=[topic])
    published("Youth apprenticeships")
    ProgramFactory(title_en="Draft on dialogue", status=ProgramStatus.DRAFT, topics=[topic])

    response = staff_client.get(export_url("csv"), {"topic": "social-dialogue"})

    assert csv_titles(response) == ["Tripartite councils"]


def test_csv_export_follows_the_member_state_filter(staff_client):
    state = MemberStateFactory(iso_code="XZ")
    published("Here", owner=InstitutionFactory(member_state=state))
    published("Elsewhere")

    response = staff_client.get(export_url("csv"), {"member_state": "XZ"})

    assert csv_titles(response) == ["Here"]


def test_csv_export_leaves_out_stale_programs_unless_asked(staff_client):
    published("Fresh")
    published("Stale", last_verified=datetime.date(2000, 1, 1))

    default = staff_client.get(export_url("csv"))
    everything = staff_client.get(export_url("csv"), {"unverified": "on"})

    assert csv_titles(default) == ["Fresh"]
    assert sorted(csv_titles(everything)) == ["Fresh", "Stale"]


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil.example")', "+1+2", "-2+3", "@SUM(A1)"])
def test_csv_export_keeps_a_formula_like_title_as_text(staff_client, title):
    published(title)

    response = staff_client.get(export_url("csv"))

    assert csv_titles(response) == [f"'{title}"]


def test_xlsx_export_keeps_a_formula_like_title_as_text(staff_client):
    published("=1+1")

    rows = xlsx_rows(staff_client.get(export_url("xlsx")))

    assert rows[1][0] == "'=1+1"


def test_xlsx_export_has_the_header_and_a_row_per_published_program(staff_client):
    published("First")
    published("Second")
    ProgramFactory(title_en="Draft", status=ProgramStatus.DRAFT)

    rows = xlsx_rows(staff_client.get(export_url("xlsx")))

    assert rows[0] == HEADER
    assert len(rows) == 3
    assert sorted(row[0] for row in rows[1:]) == ["First", "Second"]


def test_xlsx_export_follows_the_filters(staff_client):
    topic = TopicFactory(slug="social-dialogue")
    published("Tripartite councils", topics=[topic])
    published("Youth apprenticeships")

    rows = xlsx_rows(staff_client.get(export_url("xlsx"), {"topic": "social-dialogue"}))

    assert [row[0] for row in rows[1:]] == ["Tripartite councils"]


def test_xlsx_export_sheet_is_named_programs(staff_client):
    response = staff_client.get(export_url("xlsx"))

    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["Programs"]


def test_export_of_a_search_holds_every_match_past_the_pages_bound(staff_client, monkeypatch):
    """The list says "more than …" past search.MAX_MATCHES; the Secretariat's
    export of the same search holds every program it matches."""
    monkeypatch.setattr(search, "MAX_MATCHES", 3)
    for number in range(5):
        published(f"Labour inspection {number}", days_ago=number)
    published("Mediation services")

    response = staff_client.get(export_url("csv"), {"q": "inspection"})

    assert sorted(csv_titles(response)) == [f"Labour inspection {n}" for n in range(5)]
