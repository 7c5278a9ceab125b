"""Checking participants in at the door: the code on the badge and in the
emails (meetings/check_in.py), and the staff's check-in page."""

import base64
import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core import mail
from core.models import EmailDelivery
from meetings import check_in, links, printing, services
from meetings.enums import Approval, AttendanceSource, RegistrationStatus
from tests.conftest import sign_in_with_second_factor
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def approved(**kwargs):
    return RegistrationFactory(status=RegistrationStatus.APPROVED, **kwargs)


@pytest.fixture
def staff_client(client):
    client.staff = SecretariatStaffFactory()
    sign_in_with_second_factor(client, client.staff)
    return client


def page(meeting):
    return reverse("meetings:check_in", kwargs={"slug": meeting.slug})


# The code ---------------------------------------------------------------


def test_a_code_names_its_registration_typed_in_any_case_or_as_the_whole_address():
    registration = approved()
    code = check_in.check_in_code(registration)

    for typed in (code, f"  {code.lower()} ", check_in.check_in_url(registration)):
        assert check_in.registration_for_code(registration.meeting, typed) == registration


def test_an_altered_code_or_another_meetings_code_names_nobody():
    registration = approved()
    other = approved()
    code = check_in.check_in_code(registration)
    number, signature = code.split("-")
    forged = f"{other.pk}-{signature}"
    altered = f"{number}-{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"

    for typed in (forged, altered, "", "nonsense", "1-" + "=" * 8, "9" * 40):
        assert check_in.registration_for_code(registration.meeting, typed) is None
    assert check_in.registration_for_code(other.meeting, code) is None


def test_the_code_is_not_a_link_and_survives_a_new_link():
    registration = approved()
    code = check_in.check_in_code(registration)

    assert code not in links.manage_token(registration)
    registration.link_nonce = "another"
    registration.save()

    assert check_in.check_in_code(registration) == code


def test_a_badge_carries_the_qr_code_and_the_code():
    registration = approved()
    meeting = registration.meeting

    html = render_to_string(
        "meetings/print/badges.html",
        {"meeting": meeting, "pages": printing.badge_pages(meeting), "language": "en"},
    )

    assert html.count('<svg viewBox="0 0 ') == 1
    assert check_in.check_in_code(registration) in html
    assert printing.name_badges(meeting).startswith(b"%PDF")


def test_the_approval_email_carries_the_code_and_the_qr_code():
    registration = RegistrationFactory(status=RegistrationStatus.SUBMITTED)
    staff = SecretariatStaffFactory()

    services.registration_approve(registration=registration, by=staff)

    delivery = EmailDelivery.objects.get(key__endswith=":approved")
    code = check_in.check_in_code(registration)
    assert code in delivery.body
    assert code in delivery.html_body
    assert '<img src="data:image/png;base64,' in delivery.html_body


def test_the_qr_code_travels_as_an_image_part_the_html_names(smtp_server):
    """Gmail and Outlook do not show data: images: the QR code leaves as a
    part of the message, named by Content-ID."""
    registration = RegistrationFactory(status=RegistrationStatus.SUBMITTED)
    services.registration_approve(registration=registration, by=SecretariatStaffFactory())
    delivery = EmailDelivery.objects.get(key__endswith=":approved")
    stored = re.search(r"base64,([A-Za-z0-9+/=]+)", delivery.html_body).group(1)

    mail.email_deliver_now(delivery_id=delivery.pk)

    (message,) = smtp_server
    assert message.get_content_type() == "multipart/related"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert 'src="cid:image1@rial"' in html
    assert "data:" not in html
    assert check_in.check_in_code(registration) in message.get_body(("plain",)).get_content()
    (image,) = [part for part in message.walk() if part.get_content_maintype() == "image"]
    assert image["Content-ID"] == "<image1@rial>"
    assert image.get_content() == base64.b64decode(stored)


def test_an_email_before_approval_carries_no_code():
    registration = RegistrationFactory(
        meeting=MeetingFactory(approval=Approval.SECRETARIAT),
        status=RegistrationStatus.PENDING_CONFIRMATION,
    )

    services.registration_confirm(registration=registration)

    delivery = EmailDelivery.objects.get(key__endswith=":received")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert "check-in" not in delivery.body
    assert delivery.html_body == ""


# The page ---------------------------------------------------------------


@pytest.mark.parametrize("who", ["focal point", "staff without the permission"])
def test_only_the_meetings_staff_reach_the_page(client, who):
    registration = approved()
    user = FocalPointFactory()
    if who != "focal point":
        user.is_staff = True
        user.save()
    client.force_login(user)

    assert client.get(page(registration.meeting)).status_code == 403
    response = client.post(
        page(registration.meeting), {"code": check_in.check_in_code(registration)}
    )

    assert response.status_code == 403
    assert registration.meeting.registrations.attended().count() == 0


def test_a_visitor_is_sent_to_sign_in(client):
    meeting = MeetingFactory()

    response = client.get(page(meeting))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_page_lists_approved_participants_with_the_counts(staff_client):
    meeting = MeetingFactory()
    present = approved(meeting=meeting, full_name="Ana Pérez")
    approved(meeting=meeting, full_name="Luis Gómez")
    RegistrationFactory(
        meeting=meeting, full_name="Waiting Person", status=RegistrationStatus.WAITLISTED
    )
    services.attendance_record(registration=present, source=AttendanceSource.LIST)

    response = staff_client.get(page(meeting))

    html = response.content.decode()
    assert "Ana Pérez" in html
    assert "Luis Gómez" in html
    assert "Waiting Person" not in html
    assert response.context["counts"] == {"present": 1, "approved": 2}


def test_a_scanned_address_shows_the_participant_and_records_nothing(staff_client):
    registration = approved(full_name="Ana Pérez")

    response = staff_client.get(check_in.check_in_url(registration))

    assert response.context["scanned"] == registration
    assert registration.meeting.registrations.attended().count() == 0


def test_a_code_scanned_twice_counts_once_and_says_when(staff_client):
    meeting = MeetingFactory(time_zone="America/Bogota")
    registration = approved(meeting=meeting, full_name="Ana Pérez")
    code = check_in.check_in_code(registration)
    json = {"HTTP_ACCEPT": "application/json"}

    first = staff_client.post(page(meeting), {"code": code}, **json).json()
    second = staff_client.post(page(meeting), {"code": code.lower()}, **json).json()

    registration.refresh_from_db()
    time = timezone.localtime(registration.attended_at, meeting.tz).strftime("%H:%M")
    assert first["status"] == "recorded"
    assert second["status"] == "already"
    assert second["message"] == f"Ana Pérez was already checked in at {time}."
    assert (second["present"], second["approved"]) == (1, 1)
    assert registration.attendance_source == AttendanceSource.CHECK_IN
    assert registration.attendance_recorded_by == staff_client.staff


def test_ticking_a_name_records_it_from_the_list(staff_client):
    registration = approved()

    response = staff_client.post(page(registration.meeting), {"registration": registration.pk})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attendance_source == AttendanceSource.LIST
    assert registration.attendance_recorded_by == staff_client.staff


def test_an_offline_check_in_keeps_the_time_it_was_made(staff_client):
    registration = approved()
    made = timezone.now() - datetime.timedelta(minutes=40)

    staff_client.post(
        page(registration.meeting),
        {"registration": registration.pk, "at": made.isoformat()},
        HTTP_ACCEPT="application/json",
    )

    registration.refresh_from_db()
    assert registration.attended_at == made


@pytest.mark.parametrize("at", ["2999-01-01T00:00:00+00:00", "2001-01-01T00:00:00+00:00", "x"])
def test_an_unbelievable_time_is_replaced_by_now(staff_client, at):
    registration = approved()
    before = timezone.now()

    staff_client.post(page(registration.meeting), {"registration": registration.pk, "at": at})

    registration.refresh_from_db()
    assert before <= registration.attended_at <= timezone.now()


@pytest.mark.parametrize(
    "data",
    [
        {"code": "1-AAAAAAAA"},
        {"code": "=cmd|' /C calc'!A0"},
        {"registration": "abc"},
        {"registration": "999999"},
        {"registration": "²"},
        {"registration": "99999999999999999999999"},
        {},
    ],
)
def test_bad_input_is_refused_with_a_message(staff_client, data):
    meeting = MeetingFactory()

    answer = staff_client.post(page(meeting), data, HTTP_ACCEPT="application/json").json()

    assert answer["status"] == "refused"
    assert answer["message"]


def test_someone_not_approved_is_not_checked_in(staff_client):
    registration = RegistrationFactory(status=RegistrationStatus.WAITLISTED)
    code = check_in.check_in_code(registration)

    answer = staff_client.post(
        page(registration.meeting), {"code": code}, HTTP_ACCEPT="application/json"
    ).json()

    assert answer["status"] == "refused"
    assert not registration.meeting.registrations.attended().exists()


def test_the_check_in_list_runs_a_fixed_number_of_queries(staff_client, count_queries):
    meeting = MeetingFactory()
    approved(meeting=meeting)
    small = count_queries(page(meeting))
    for _ in range(3):
        services.attendance_record(
            registration=approved(meeting=meeting), source=AttendanceSource.LIST
        )

    assert count_queries(page(meeting)) == small
