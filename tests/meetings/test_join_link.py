"""The online link of a webinar or hybrid meeting: shown to its approved
participants and staff only, wherever it appears (the meeting's page, the
registrant's page, their emails, their own calendar event), and never to a
visitor, a focal point, or a registrant who is not approved."""

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.models import EmailDelivery
from meetings import links, services
from meetings.enums import Approval, MeetingKind, RegistrationStatus, Visibility
from tests.factories import SecretariatStaffFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.meetings.roles import ROLES, make_user, sign_in

pytestmark = pytest.mark.django_db

SECRET = "https://meet.example.org/j/secret-room"
NOT_APPROVED = [
    RegistrationStatus.PENDING_CONFIRMATION,
    RegistrationStatus.SUBMITTED,
    RegistrationStatus.ENDORSED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.OFFERED,
    RegistrationStatus.DECLINED,
    RegistrationStatus.WITHDRAWN,
]


def webinar(**fields):
    return MeetingFactory(
        kind=MeetingKind.WEBINAR,
        is_online=True,
        host_state=None,
        city="",
        online_url=SECRET,
        **fields,
    )


def registrant(meeting, status):
    waitlisted_at = timezone.now() if status == RegistrationStatus.WAITLISTED else None
    return RegistrationFactory(meeting=meeting, status=status, waitlisted_at=waitlisted_at)


def bodies():
    return [delivery.body for delivery in EmailDelivery.objects.order_by("pk")]


def hybrid(**fields):
    return MeetingFactory(is_online=True, venue="OAS headquarters", online_url=SECRET, **fields)


@pytest.mark.parametrize("make_meeting", [webinar, hybrid])
@pytest.mark.parametrize("role", ROLES)
def test_the_meeting_page_shows_the_link_to_approved_participants_and_staff_only(
    client, role, make_meeting
):
    meeting = make_meeting()
    sign_in(client, make_user(role, meeting))

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert ("secret-room" in html) == (role in ("delegate", "staff"))


def test_a_focal_point_of_a_restricted_meeting_sees_its_page_but_not_its_link(client):
    meeting = webinar(visibility=Visibility.DELEGATES)
    sign_in(client, make_user("focal_point", meeting))

    response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert "secret-room" not in response.content.decode()


def test_the_registrants_page_shows_the_link_once_approved(client):
    registration = RegistrationFactory(meeting=webinar(), status=RegistrationStatus.APPROVED)

    response = client.get(links.manage_path(registration))

    assert SECRET in response.content.decode()


@pytest.mark.parametrize("status", NOT_APPROVED)
def test_the_registrants_page_hides_the_link_before_approval_or_after_an_end(client, status):
    registration = registrant(webinar(), status)

    response = client.get(links.manage_path(registration))

    assert response.status_code == 200
    assert "secret-room" not in response.content.decode()


def _approved(meeting):
    registration = RegistrationFactory(meeting=meeting)
    return services.registration_approve(registration=registration, by=SecretariatStaffFactory())


def test_the_approval_email_carries_the_link():
    _approved(webinar())

    (body,) = bodies()
    assert SECRET in body


def test_an_automatic_approval_carries_the_link_in_the_email_received():
    meeting = webinar(approval=Approval.AUTOMATIC)
    user = make_user("signed_in", meeting)
    registration = RegistrationFactory.build(email=user.email, institution=None, member_state=None)

    registration = services.registration_create(meeting=meeting, registration=registration, by=user)

    assert registration.status == RegistrationStatus.APPROVED
    assert [SECRET in body for body in bodies()] == [True]


def test_emails_before_approval_and_after_a_decline_never_carry_the_link():
    meeting = webinar(approval=Approval.SECRETARIAT)
    user = make_user("signed_in", meeting)
    registration = RegistrationFactory.build(email=user.email, institution=None, member_state=None)
    registration = services.registration_create(meeting=meeting, registration=registration, by=user)
    services.registration_decline(registration=registration, by=SecretariatStaffFactory())

    assert len(bodies()) == 2
    assert not any("secret-room" in body for body in bodies())


def test_the_reminder_before_the_meeting_carries_the_link_to_participants_only():
    meeting = webinar(reminder_days=40)
    approved = RegistrationFactory(meeting=meeting, status=RegistrationStatus.APPROVED)
    RegistrationFactory(meeting=meeting, status=RegistrationStatus.SUBMITTED)

    services.registrations_remind()

    (delivery,) = EmailDelivery.objects.filter(key__endswith=":reminder")
    assert delivery.to == approved.email
    assert SECRET in delivery.body


def _calendar(client, registration):
    response = client.get(
        reverse(
            "meetings:registration_calendar", kwargs={"token": links.manage_token(registration)}
        )
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_participants_own_calendar_event_carries_the_link(client):
    registration = RegistrationFactory(meeting=webinar(), status=RegistrationStatus.APPROVED)

    (event,) = _calendar(client, registration).walk("VEVENT")

    assert SECRET in str(event["description"])
    assert str(event["conference"]) == SECRET


@pytest.mark.parametrize("status", NOT_APPROVED)
def test_the_calendar_event_of_a_registrant_not_approved_has_no_link(client, status):
    registration = registrant(webinar(), status)

    (event,) = _calendar(client, registration).walk("VEVENT")

    assert "secret-room" not in event.to_ical().decode()


@pytest.mark.parametrize("role", ROLES)
def test_public_calendars_never_carry_the_link(client, role):
    meeting = webinar()
    sign_in(client, make_user(role, meeting))

    feed = client.get(reverse("meetings:calendar_feed")).content.decode()
    own = client.get(reverse("meetings:meeting_calendar", kwargs={"slug": meeting.slug}))

    assert meeting.title in feed
    assert "secret-room" not in feed
    assert own.status_code == 200
    assert "secret-room" not in own.content.decode()


def test_an_altered_calendar_link_shows_no_event(client):
    registration = RegistrationFactory(meeting=webinar(), status=RegistrationStatus.APPROVED)
    token = links.manage_token(registration)[:-2] + "xx"

    response = client.get(reverse("meetings:registration_calendar", kwargs={"token": token}))

    assert response.status_code == 400
    assert "secret-room" not in response.content.decode()
