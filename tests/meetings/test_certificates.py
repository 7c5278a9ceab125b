"""Certificates of attendance: a PDF for participants recorded as present,
once the meeting is over, in their language, with the hours and a
verification code; a public page that checks a code and reveals nothing but
the name and the meeting."""

import datetime
import io
import re
import secrets
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.models import EmailDelivery
from meetings import links, services, views
from meetings.enums import AttendanceSource, MeetingKind, MeetingStatus, SessionKind
from meetings.enums import RegistrationStatus as Status
from meetings.models import CERTIFICATE_CODE_ALPHABET, Registration, normalize_certificate_code
from tests.factories import InstitutionFactory, SecretariatStaffFactory, UserFactory
from tests.meetings.factories import AgendaSessionFactory, MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_cache(settings):
    """The verification page counts look-ups in the cache: a cache of this
    test's own, so that no other test's count is read."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"certificates-{secrets.token_hex(8)}",
        }
    }


def past_webinar(**fields):
    day = timezone.localdate() - datetime.timedelta(days=10)
    defaults = {
        "kind": MeetingKind.WEBINAR,
        "title_en": "Webinar on match-making",
        "title_es": "Seminario web de intercambio",
        "is_online": True,
        "host_state": None,
        "city": "",
        "start_date": day,
        "end_date": day,
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(12, 0),
        "status": MeetingStatus.HELD,
        "registration_opens_at": timezone.now() - datetime.timedelta(days=40),
        "registration_closes_at": timezone.now() - datetime.timedelta(days=12),
    }
    return MeetingFactory(**{**defaults, **fields})


def attendee(meeting=None, **fields):
    registration = RegistrationFactory(
        meeting=meeting or past_webinar(), status=Status.APPROVED, **fields
    )
    services.attendance_record(registration=registration, source=AttendanceSource.IMPORT)
    return registration


def certificate_url(registration):
    return links.certificate_path(registration)


def pdf_text(content):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_an_attendee_downloads_a_certificate_with_name_meeting_dates_hours_and_code(client):
    registration = attendee(full_name="Ana Pérez")

    response = client.get(certificate_url(registration))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    registration.refresh_from_db()
    for expected in (
        "Certificate of attendance",
        "Ana Pérez",
        "Webinar on match-making",
        registration.meeting.dates_display(),
        "2 hours",
        registration.certificate_code_display(),
    ):
        assert expected in text


def test_the_certificate_is_in_the_registrants_language(client):
    registration = attendee(language="es")

    text = pdf_text(client.get(certificate_url(registration)).content)

    assert "Seminario web de intercambio" in text
    assert "Webinar on match-making" not in text


def test_the_code_is_twelve_typable_characters_and_stable_for_a_registration(client):
    registration = attendee()

    client.get(certificate_url(registration))
    registration.refresh_from_db()
    code = registration.certificate_code
    client.get(certificate_url(registration))
    registration.refresh_from_db()

    assert registration.certificate_code == code
    assert re.fullmatch(f"[{CERTIFICATE_CODE_ALPHABET}]{{12}}", code)
    assert services.certificate_code_for(registration=attendee()) != code


def test_a_certificate_link_works_after_the_registrants_page_link_expired(client):
    meeting = past_webinar(
        start_date=timezone.localdate() - datetime.timedelta(days=90),
        end_date=timezone.localdate() - datetime.timedelta(days=90),
    )
    registration = attendee(meeting)

    assert client.get(links.manage_path(registration)).status_code == 410
    assert client.get(certificate_url(registration)).status_code == 200


def test_an_approved_participant_not_recorded_as_present_gets_a_message_not_a_pdf(client):
    registration = RegistrationFactory(meeting=past_webinar(), status=Status.APPROVED)

    response = client.get(certificate_url(registration))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "only to participants recorded as present" in response.content.decode()
    registration.refresh_from_db()
    assert registration.certificate_code is None


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.WAITLISTED, Status.DECLINED, Status.WITHDRAWN]
)
def test_a_registrant_never_approved_gets_no_certificate(client, status):
    registration = RegistrationFactory(
        meeting=past_webinar(), status=status, waitlisted_at=timezone.now()
    )

    response = client.get(certificate_url(registration))

    assert response.status_code == 404
    assert not response.content.startswith(b"%PDF")


def test_a_participant_declined_after_being_recorded_loses_the_certificate(client):
    registration = attendee()
    services.registration_decline(registration=registration, by=SecretariatStaffFactory())

    assert client.get(certificate_url(registration)).status_code == 404


def test_the_certificate_waits_for_the_end_of_the_meeting(client):
    meeting = past_webinar(
        status=MeetingStatus.CONFIRMED,
        start_date=timezone.localdate() + datetime.timedelta(days=1),
        end_date=timezone.localdate() + datetime.timedelta(days=1),
    )
    registration = attendee(meeting)

    response = client.get(certificate_url(registration))

    assert response.status_code == 404
    assert "once the meeting is over" in response.content.decode()


def test_an_altered_certificate_link_gives_no_pdf(client):
    token = links.manage_token(attendee())[:-3] + "abc"

    response = client.get(reverse("meetings:certificate_download", kwargs={"token": token}))

    assert response.status_code == 400


def test_the_registrants_page_offers_the_certificate_to_attendees_only(client):
    present = attendee()
    absent = RegistrationFactory(meeting=present.meeting, status=Status.APPROVED)

    page = client.get(links.manage_path(present)).content.decode()
    link = re.search(r'href="([^"]+)" data-testid="certificate"', page).group(1)

    assert client.get(link).content.startswith(b"%PDF")
    assert "certificate.pdf" not in client.get(links.manage_path(absent)).content.decode()


# Hours.


def test_certified_hours_set_by_staff_win():
    meeting = past_webinar(certified_hours=Decimal("3.5"))
    AgendaSessionFactory(meeting=meeting)

    assert meeting.hours() == Decimal("3.5")


def test_hours_are_the_agenda_sessions_without_breaks():
    meeting = past_webinar()
    AgendaSessionFactory(meeting=meeting, start_time=datetime.time(9), end_time=datetime.time(10))
    AgendaSessionFactory(
        meeting=meeting,
        kind=SessionKind.BREAK,
        start_time=datetime.time(10),
        end_time=datetime.time(10, 30),
    )
    AgendaSessionFactory(
        meeting=meeting, start_time=datetime.time(10, 30), end_time=datetime.time(12)
    )
    AgendaSessionFactory(meeting=meeting, start_time=None, end_time=None)

    assert meeting.hours() == Decimal("2.5")


def test_hours_without_an_agenda_are_the_daily_hours_times_the_days():
    day = timezone.localdate() - datetime.timedelta(days=10)
    meeting = past_webinar(end_date=day + datetime.timedelta(days=2), start_date=day)

    assert meeting.hours() == 6


def test_a_certificate_without_known_hours_states_none(client):
    meeting = past_webinar(start_time=None, end_time=None)

    assert meeting.hours() is None
    assert "hours" not in pdf_text(client.get(certificate_url(attendee(meeting))).content)


# Verification.


def verify(client, code, **extra):
    return client.get(reverse("meetings:certificate_verify"), {"code": code}, **extra)


def issued(**fields):
    registration = attendee(**fields)
    services.certificate_code_for(registration=registration)
    return registration


def test_a_real_code_shows_the_name_and_the_meeting_and_nothing_else(client):
    registration = issued(
        full_name="Ana Pérez",
        email="ana.perez@trabajo.example.org",
        job_title="Director of Employment",
        phone="+57 1 555 0101",
        institution=InstitutionFactory(name_en="Ministry of Labor of Colombia"),
    )

    response = verify(client, registration.certificate_code_display())

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="verified"' in html
    assert "Ana Pérez" in html
    assert "Webinar on match-making" in html
    assert registration.meeting.dates_display() in html
    for private in ("ana.perez", "Director of Employment", "555 0101", "Ministry of Labor"):
        assert private not in html


def test_a_code_is_found_however_it_is_typed(client):
    registration = issued()
    code = registration.certificate_code
    typed = " ".join([code[:4], code[4:8], code[8:]]).lower().replace("0", "o").replace("1", "l")

    assert normalize_certificate_code(typed) == code
    assert 'data-testid="verified"' in verify(client, typed).content.decode()


def test_a_forged_code_is_refused(client):
    registration = issued(full_name="Ana Pérez")
    forged = (
        "".join("Z" if char != "Z" else "Y" for char in registration.certificate_code[:1])
        + registration.certificate_code[1:]
    )

    response = verify(client, forged)

    assert response.status_code == 404
    assert "No certificate bears this code" in response.content.decode()
    assert "Ana Pérez" not in response.content.decode()


@pytest.mark.parametrize("typed", ["", "ABC", "!!!!-????-####", "A" * 40, "ABCD-EFGH-IJKU"])
def test_a_mistyped_code_gets_a_clear_message(client, typed):
    response = verify(client, typed)

    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert 'data-testid="verified"' not in response.content.decode()


def test_a_code_of_a_registration_no_longer_certified_is_refused(client):
    registration = issued()
    services.registration_decline(registration=registration, by=SecretariatStaffFactory())

    assert verify(client, registration.certificate_code).status_code == 404


def test_guessing_codes_is_cut_off_after_the_hours_allowance(client, monkeypatch):
    monkeypatch.setattr(views, "VERIFICATIONS_PER_HOUR", 3)
    registration = issued()

    statuses = [verify(client, "0000-0000-0000").status_code for _ in range(3)]
    refused = verify(client, registration.certificate_code)
    elsewhere = verify(client, registration.certificate_code, REMOTE_ADDR="198.51.100.7")

    assert statuses == [404, 404, 404]
    assert refused.status_code == 429
    assert 'data-testid="verified"' not in refused.content.decode()
    assert elsewhere.status_code == 200


def test_the_verification_form_alone_counts_nothing(client, monkeypatch):
    monkeypatch.setattr(views, "VERIFICATIONS_PER_HOUR", 1)

    for _ in range(3):
        assert client.get(reverse("meetings:certificate_verify")).status_code == 200


def test_the_meeting_page_offers_a_signed_in_attendee_their_certificate(client):
    meeting = past_webinar()
    present, absent = UserFactory(), UserFactory()
    attendee(meeting, email=present.email)
    RegistrationFactory(meeting=meeting, email=absent.email, status=Status.APPROVED)

    client.force_login(present)
    mine = client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(absent)
    theirs = client.get(meeting.get_absolute_url()).content.decode()

    link = re.search(r'href="([^"]+)" data-testid="certificate"', mine).group(1)
    assert client.get(link).content.startswith(b"%PDF")
    assert 'data-testid="certificate"' not in theirs


# The certificate announced by email -------------------------------------------


def announced_to():
    return sorted(
        EmailDelivery.objects.filter(key__endswith=":certificate-ready").values_list(
            "to", flat=True
        )
    )


def registration_links(body):
    """The addresses of registrations in an email, relative to the portal."""
    return [
        link.removeprefix(settings.SITE_URL)
        for link in re.findall(r"https?://\S+", body)
        if "/registration/" in link and "/new-link/" not in link
    ]


def test_each_attendee_is_told_once_that_their_certificate_is_ready(client):
    meeting = past_webinar()
    present = attendee(meeting, email="present@example.org", language="es")
    RegistrationFactory(meeting=meeting, status=Status.APPROVED, email="absent@example.org")

    assert services.certificates_announce() == 1
    assert services.certificates_announce() == 0

    assert announced_to() == ["present@example.org"]
    email = EmailDelivery.objects.get(key__endswith=":certificate-ready")
    assert "Seminario web de intercambio" in email.subject
    (link,) = registration_links(email.body)
    assert link.endswith("/certificate.pdf")
    # The code was drawn when the email was written: opening the link
    # changes nothing.
    code = Registration.objects.get(pk=present.pk).certificate_code
    assert code
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert Registration.objects.get(pk=present.pk).certificate_code == code


def test_attendance_imported_later_is_announced_on_the_next_run():
    meeting = past_webinar()
    attendee(meeting, email="first@example.org")
    services.certificates_announce()
    attendee(meeting, email="later@example.org")

    assert services.certificates_announce() == 1
    assert announced_to() == ["first@example.org", "later@example.org"]


def test_no_announcement_before_the_end_long_after_it_or_to_historical_participants():
    today = timezone.localdate()
    coming = today + datetime.timedelta(days=5)
    attendee(past_webinar(start_date=coming, end_date=coming, status=MeetingStatus.CONFIRMED))
    long_ago = today - datetime.timedelta(days=services.CERTIFICATE_ANNOUNCE_DAYS + 1)
    attendee(past_webinar(start_date=long_ago, end_date=long_ago))
    attendee(past_webinar(), imported_from="participants-2015.xlsx")

    assert services.certificates_announce() == 0
    assert announced_to() == []


def test_a_new_link_asked_for_long_after_the_meeting_carries_the_certificate(client):
    long_ago = timezone.localdate() - datetime.timedelta(days=90)
    registration = attendee(
        past_webinar(start_date=long_ago, end_date=long_ago), email="ana@example.org"
    )
    RegistrationFactory(
        meeting=past_webinar(start_date=long_ago, end_date=long_ago),
        status=Status.APPROVED,
        email="ana@example.org",
    )

    assert services.registration_links_send(email="ana@example.org") == 1

    email = EmailDelivery.objects.get(key__contains=":new-link:")
    # Only the certificate: the registration's page no longer opens.
    (link,) = registration_links(email.body)
    assert link.endswith("/certificate.pdf")
    assert client.get(link).status_code == 200
    registration.refresh_from_db()
    assert registration.certificate_code
