"""After the meeting: its recording and slides, shown on its page and the
registrant's page once it is over, to those its setting names."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings import links, services
from meetings.enums import AttendanceSource, MaterialsAccess, MeetingStatus
from meetings.enums import RegistrationStatus as Status
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.meetings.roles import ROLES, make_user, sign_in

pytestmark = pytest.mark.django_db

RECORDING = "https://video.example.org/recording-of-the-webinar"
PDF = b"%PDF-1.4\n%test\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def meeting_with_materials(access, *, over=True):
    day = timezone.localdate() + datetime.timedelta(days=-10 if over else 10)
    return MeetingFactory(
        start_date=day,
        end_date=day,
        status=MeetingStatus.CONFIRMED,
        recording_url=RECORDING,
        slides=SimpleUploadedFile("slides.pdf", PDF),
        materials_access=access,
    )


def make(role, meeting):
    """The roles of tests/meetings/roles.py, and an attendee: a delegate
    recorded as present."""
    if role != "attendee":
        return make_user(role, meeting)
    user = make_user("delegate", meeting)
    services.attendance_record(
        registration=meeting.registrations.get(email=user.email), source=AttendanceSource.LIST
    )
    return user


SEES = {
    MaterialsAccess.PUBLIC: {*ROLES, "attendee"},
    MaterialsAccess.PARTICIPANTS: {"delegate", "attendee", "staff"},
    MaterialsAccess.ATTENDEES: {"attendee", "staff"},
}


@pytest.mark.parametrize("access", list(MaterialsAccess))
@pytest.mark.parametrize("role", [*ROLES, "attendee"])
def test_the_page_and_the_slides_follow_the_meetings_setting(client, access, role):
    meeting = meeting_with_materials(access)
    sign_in(client, make(role, meeting))

    html = client.get(meeting.get_absolute_url()).content.decode()
    slides = client.get(reverse("meetings:meeting_slides", kwargs={"slug": meeting.slug}))

    allowed = role in SEES[access]
    assert ("recording-of-the-webinar" in html) == allowed
    assert slides.status_code == (200 if allowed else 404)
    if allowed:
        assert b"".join(slides.streaming_content) == PDF


@pytest.mark.parametrize("role", ROLES)
def test_nothing_is_shown_before_the_meeting_is_over(client, role):
    meeting = meeting_with_materials(MaterialsAccess.PUBLIC, over=False)
    sign_in(client, make_user(role, meeting))

    html = client.get(meeting.get_absolute_url()).content.decode()
    slides = client.get(reverse("meetings:meeting_slides", kwargs={"slug": meeting.slug}))

    assert "recording-of-the-webinar" not in html
    assert slides.status_code == 404


@pytest.mark.parametrize(
    ("access", "status", "present", "allowed"),
    [
        (MaterialsAccess.PUBLIC, Status.SUBMITTED, False, True),
        (MaterialsAccess.PARTICIPANTS, Status.APPROVED, False, True),
        (MaterialsAccess.PARTICIPANTS, Status.SUBMITTED, False, False),
        (MaterialsAccess.ATTENDEES, Status.APPROVED, False, False),
        (MaterialsAccess.ATTENDEES, Status.APPROVED, True, True),
    ],
)
def test_the_registrants_page_and_slides_follow_the_setting(
    client, access, status, present, allowed
):
    registration = RegistrationFactory(meeting=meeting_with_materials(access), status=status)
    if present:
        services.attendance_record(registration=registration, source=AttendanceSource.IMPORT)
    token = links.manage_token(registration)

    html = client.get(links.manage_path(registration)).content.decode()
    slides = client.get(reverse("meetings:registration_slides", kwargs={"token": token}))

    assert ("recording-of-the-webinar" in html) == allowed
    assert slides.status_code == (200 if allowed else 404)


def test_a_meeting_without_slides_has_none_to_download(client):
    meeting = meeting_with_materials(MaterialsAccess.PUBLIC)
    meeting.slides = ""
    meeting.save()

    response = client.get(reverse("meetings:meeting_slides", kwargs={"slug": meeting.slug}))

    assert response.status_code == 404
