"""Staff take a meeting's participants out: CSV, XLSX, the printable list by
delegation and name badges, from the meeting's admin page."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from meetings.enums import DelegateRole, RegistrationStatus
from tests.conftest import sign_in_with_second_factor
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

Status = RegistrationStatus
HEADER = [
    "Delegation",
    "Member state",
    "Name",
    "Title",
    "Role",
    "Email",
    "Phone",
    "Status",
    "Needs",
]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@pytest.fixture
def staff_client(client):
    return sign_in_with_second_factor(client, SecretariatStaffFactory())


def export_url(meeting, fmt="csv"):
    return reverse("admin:meetings_meeting_participants_export", args=[meeting.pk, fmt])


def print_url(meeting):
    return reverse("admin:meetings_meeting_participants_print", args=[meeting.pk])


def badges_url(meeting):
    return reverse("admin:meetings_meeting_badges", args=[meeting.pk])


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [
        ["" if cell is None else cell for cell in row]
        for row in workbook.active.iter_rows(values_only=True)
    ]


ROWS = {"csv": csv_rows, "xlsx": xlsx_rows}


@pytest.fixture
def meeting():
    """Two delegations of member states and an international organization,
    with people in every state of their registration."""
    meeting = MeetingFactory(slug="wg2-2031", title_en="WG2 meeting")
    lucia = MemberStateFactory(name_en="Saint Lucia")
    belize = MemberStateFactory(name_en="Belize")
    lucia_ministry = InstitutionFactory(member_state=lucia, name_en="Ministry of Labour")
    belize_ministry = InstitutionFactory(member_state=belize, name_en="Ministry of Labour")
    organization = OrganizationFactory(name_en="International Labour Organization")
    people = [
        ("Zoe Adams", lucia_ministry, DelegateRole.DELEGATE, Status.APPROVED),
        ("Yves Brown", lucia_ministry, DelegateRole.HEAD, Status.APPROVED),
        ("Ana Pérez", belize_ministry, DelegateRole.ADVISER, Status.APPROVED),
        ("Bea Cruz", belize_ministry, DelegateRole.DELEGATE, Status.SUBMITTED),
        ("Carl Dunn", organization, DelegateRole.OBSERVER, Status.APPROVED),
        ("Dan Elm", lucia_ministry, DelegateRole.DELEGATE, Status.WAITLISTED),
    ]
    for name, institution, role, status in people:
        RegistrationFactory(
            meeting=meeting,
            full_name=name,
            institution=institution,
            role=role,
            status=status,
            email=f"{name.split()[0].lower()}@example.org",
        )
    return meeting


# Who may ------------------------------------------------------------------


@pytest.mark.parametrize("url", [export_url, print_url, badges_url])
def test_participant_lists_send_a_visitor_to_the_admin_login(client, meeting, url):
    response = client.get(url(meeting))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [export_url, print_url, badges_url])
def test_participant_lists_send_a_focal_point_to_the_admin_login(client, meeting, url):
    client.force_login(FocalPointFactory())

    response = client.get(url(meeting))

    assert response.status_code == 302


@pytest.mark.parametrize("url", [export_url, print_url, badges_url])
def test_participant_lists_are_forbidden_to_staff_without_the_group(client, meeting, url):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    assert client.get(url(meeting)).status_code == 403


@pytest.mark.parametrize("url", [export_url, print_url, badges_url])
def test_participant_lists_are_forbidden_to_staff_who_do_not_manage_registrations(
    client, meeting, url
):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_meeting", "change_meeting"])
    )
    sign_in_with_second_factor(client, user)

    assert client.get(url(meeting)).status_code == 403


# CSV and XLSX -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_is_an_attachment_named_for_the_meeting(staff_client, meeting, fmt):
    response = staff_client.get(export_url(meeting, fmt))

    today = timezone.localdate().isoformat()
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[fmt]
    assert response["Content-Disposition"] == (
        f'attachment; filename="participants-wg2-2031-{today}.{fmt}"'
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_lists_every_registration_by_delegation_heads_first(staff_client, meeting, fmt):
    rows = ROWS[fmt](staff_client.get(export_url(meeting, fmt)))

    assert rows[0] == HEADER
    assert [(row[0], row[1], row[2], row[7]) for row in rows[1:]] == [
        ("Ministry of Labour (Belize)", "Belize", "Bea Cruz", "Submitted"),
        ("Ministry of Labour (Belize)", "Belize", "Ana Pérez", "Approved"),
        ("Ministry of Labour (Saint Lucia)", "Saint Lucia", "Yves Brown", "Approved"),
        ("Ministry of Labour (Saint Lucia)", "Saint Lucia", "Dan Elm", "On the waiting list"),
        ("Ministry of Labour (Saint Lucia)", "Saint Lucia", "Zoe Adams", "Approved"),
        ("International Labour Organization", "", "Carl Dunn", "Approved"),
    ]


def test_csv_export_row_describes_the_person_and_their_needs(staff_client):
    meeting = MeetingFactory()
    RegistrationFactory(
        meeting=meeting,
        full_name="Ana Pérez",
        job_title="Director of Labor Inspection",
        role=DelegateRole.HEAD,
        email="ana@example.org",
        phone="555 0101",
        needs_visa_letter=True,
        requests_travel_funding=True,
        dietary_needs="vegetarian",
    )

    (row,) = csv_rows(staff_client.get(export_url(meeting, "csv")))[1:]

    assert row[2:] == [
        "Ana Pérez",
        "Director of Labor Inspection",
        "Head of delegation",
        "ana@example.org",
        "555 0101",
        "Submitted",
        "visa letter; travel funding; dietary: vegetarian",
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_keeps_a_formula_typed_in_a_name_as_text(staff_client, fmt):
    meeting = MeetingFactory()
    RegistrationFactory(meeting=meeting, full_name='=HYPERLINK("http://evil.example")')

    (row,) = ROWS[fmt](staff_client.get(export_url(meeting, fmt)))[1:]

    assert row[2] == '\'=HYPERLINK("http://evil.example")'


def test_export_in_an_unknown_format_is_not_found(staff_client, meeting):
    assert staff_client.get(export_url(meeting, "pdf")).status_code == 404


def test_export_of_an_unknown_meeting_is_not_found(staff_client):
    url = reverse("admin:meetings_meeting_participants_export", args=["999999", "csv"])

    assert staff_client.get(url).status_code == 404


# The printable list and badges ---------------------------------------------


def test_printable_list_groups_approved_participants_by_member_state_heads_first(
    staff_client, meeting
):
    response = staff_client.get(print_url(meeting))

    assert response.status_code == 200
    groups = [
        (
            group.member_state,
            [
                (delegation.name, [person.full_name for person in delegation.participants])
                for delegation in group.delegations
            ],
        )
        for group in response.context["groups"]
    ]
    assert groups == [
        ("Belize", [("Ministry of Labour (Belize)", ["Ana Pérez"])]),
        ("Saint Lucia", [("Ministry of Labour (Saint Lucia)", ["Yves Brown", "Zoe Adams"])]),
        ("", [("International Labour Organization", ["Carl Dunn"])]),
    ]
    page = response.content.decode()
    assert "International organizations and other participants" in page
    assert "Bea Cruz" not in page
    assert response.context["total"] == 4


def test_badges_are_a_pdf_attachment(staff_client, meeting):
    response = staff_client.get(badges_url(meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="badges-wg2-2031.pdf"'
    assert response.content.startswith(b"%PDF")
