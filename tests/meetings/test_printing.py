"""The PDFs: the participation letter (staff's link and the delegate's) and
name badges. Their text is checked in the HTML they are made from; the PDF
itself only for being one."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from meetings import links, printing
from meetings.enums import DelegateRole, RegistrationStatus
from tests.conftest import sign_in_with_second_factor
from tests.factories import InstitutionFactory, MemberStateFactory, UserFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def approved(**kwargs):
    return RegistrationFactory(status=RegistrationStatus.APPROVED, **kwargs)


def letter_html(registration):
    with translation.override(registration.language):
        return render_to_string(
            "meetings/print/participation_letter.html",
            {
                "registration": registration,
                "meeting": registration.meeting,
                "issued_on": timezone.localdate(),
                "language": registration.language,
            },
        )


def test_participation_letter_is_a_pdf():
    assert printing.participation_letter(approved()).startswith(b"%PDF")


def test_participation_letter_names_the_delegate_and_the_meeting():
    state = MemberStateFactory(name_en="Saint Lucia")
    ministry = InstitutionFactory(member_state=state, name_en="Ministry of Labour of Saint Lucia")
    meeting = MeetingFactory(
        title_en="Workshop on labor inspection",
        city="Cartagena",
        host_state=MemberStateFactory(name_en="Colombia"),
        start_date=timezone.localdate().replace(year=2031, month=4, day=29),
        end_date=timezone.localdate().replace(year=2031, month=4, day=30),
    )
    registration = approved(
        meeting=meeting,
        full_name="Ana Pérez",
        job_title="Director of Labour Inspection",
        institution=ministry,
        role=DelegateRole.HEAD,
    )

    html = letter_html(registration)

    for text in (
        "Ana Pérez",
        "Director of Labour Inspection",
        "Ministry of Labour of Saint Lucia",
        "Saint Lucia",
        "Head of delegation",
        "Workshop on labor inspection",
        "April 29–30, 2031",
        "Cartagena, Colombia",
        "visa",
    ):
        assert text in html


def test_participation_letter_is_in_the_registrants_language():
    meeting = MeetingFactory(title_en="Workshop", title_es="Taller")
    registration = approved(meeting=meeting, language="es")

    html = letter_html(registration)

    assert 'lang="es"' in html
    assert "Taller" in html


def test_name_badges_are_a_pdf_even_without_participants():
    meeting = MeetingFactory()

    assert printing.name_badges(meeting).startswith(b"%PDF")


def test_name_badges_show_approved_participants_only():
    meeting = MeetingFactory(title_en="Seminar on social dialogue")
    approved(meeting=meeting, full_name="Ana Pérez")
    RegistrationFactory(meeting=meeting, full_name="Waiting Person")

    html = render_to_string(
        "meetings/print/badges.html",
        {"meeting": meeting, "pages": printing.badge_pages(meeting), "language": "en"},
    )

    assert "Ana Pérez" in html
    assert "Seminar on social dialogue" in html
    assert "Waiting Person" not in html


def test_name_badges_fill_pages_of_ten_by_delegation_heads_first():
    meeting = MeetingFactory()
    ministry = InstitutionFactory()
    for n in range(11):
        approved(meeting=meeting, institution=ministry, full_name=f"Delegate {n:02d}")
    head = approved(meeting=meeting, institution=ministry, role=DelegateRole.HEAD)

    pages = printing.badge_pages(meeting)

    assert [len(page) for page in pages] == [10, 2]
    assert pages[0][0] == head


# The delegate's own link ----------------------------------------------------


def test_delegate_downloads_their_letter_once_approved(client):
    registration = approved()
    url = reverse(
        "meetings:participation_letter", kwargs={"token": links.manage_token(registration)}
    )

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_delegate_letter_is_refused_before_approval(client):
    registration = RegistrationFactory(status=RegistrationStatus.SUBMITTED)
    url = reverse(
        "meetings:participation_letter", kwargs={"token": links.manage_token(registration)}
    )

    assert client.get(url).status_code == 403


def test_staff_letter_link_is_refused_to_staff_without_the_group(client):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))
    registration = approved()

    response = client.get(reverse("admin:meetings_registration_letter", args=[registration.pk]))

    assert response.status_code == 403
