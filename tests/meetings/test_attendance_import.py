"""A webinar's attendance from Zoom's or Teams' report (meetings/attendance_import.py)
and its staff page: preview, confirm, import again."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.imports import MAX_IMPORT_BYTES
from meetings import attendance_import
from meetings.enums import AttendanceSource, MeetingKind, RegistrationStatus
from tests.conftest import sign_in_with_second_factor
from tests.factories import SecretariatStaffFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "imports"


@pytest.fixture
def webinar():
    """The samples' people: two approved (one in another case), one waiting,
    one approved and already present; the others unknown."""
    meeting = MeetingFactory(kind=MeetingKind.WEBINAR, time_zone="America/Bogota")
    ana = RegistrationFactory(
        meeting=meeting, email="ana.perez@example.org", status=RegistrationStatus.APPROVED
    )
    carlos = RegistrationFactory(
        meeting=meeting, email="carlos.mendoza@EXAMPLE.org", status=RegistrationStatus.APPROVED
    )
    RegistrationFactory(
        meeting=meeting, email="jb.louis@example.org", status=RegistrationStatus.WAITLISTED
    )
    return meeting, ana, carlos


def sample(name):
    return SimpleUploadedFile(name, (SAMPLES / name).read_bytes())


def outcomes(report):
    return {line.email.lower(): line.outcome for line in report.lines}


@pytest.mark.parametrize(
    ("name", "platform"),
    [("attendance-zoom.csv", "Zoom"), ("attendance-teams.csv", "Microsoft Teams")],
)
def test_the_samples_are_matched_by_address_and_read_records_nothing(webinar, name, platform):
    meeting, _ana, _carlos = webinar

    report = attendance_import.attendance_read(sample(name), meeting=meeting)

    assert report.file_error == ""
    assert report.platform == platform
    found = outcomes(report)
    assert found["ana.perez@example.org"] == attendance_import.MATCHED
    assert found["carlos.mendoza@example.org"] == attendance_import.MATCHED
    assert found["jb.louis@example.org"] == attendance_import.NOT_APPROVED
    assert attendance_import.NOT_REGISTERED in found.values()
    # Ana joined twice: one line.
    assert sum(1 for line in report.lines if line.email == "ana.perez@example.org") == 1
    assert not meeting.registrations.attended().exists()


@pytest.mark.parametrize("name", ["attendance-zoom.csv", "attendance-teams.csv"])
def test_confirming_records_the_matched_at_their_first_join_and_again_changes_nothing(
    webinar, name
):
    meeting, ana, carlos = webinar

    first = attendance_import.attendance_import_confirm(sample(name), meeting=meeting)
    second = attendance_import.attendance_import_confirm(sample(name), meeting=meeting)

    assert first.recorded == 2
    assert second.recorded == 0
    assert outcomes(second)["ana.perez@example.org"] == attendance_import.ALREADY
    ana.refresh_from_db()
    assert ana.attendance_source == AttendanceSource.IMPORT
    local = ana.attended_at.astimezone(meeting.tz)
    assert (local.year, local.month, local.day, local.hour, local.minute) == (2026, 12, 7, 10, 1)
    assert set(meeting.registrations.attended()) == {ana, carlos}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"Name,Minutes\nAna,40\n", "not a Zoom or Teams attendance report"),
        (b"\xff\xfe\x00\xd8A", "not readable"),
        (b"\x00\x01\x02\x03" * 100, "not readable"),
        (b"PK\x03\x04rest", "CSV"),
        (b"Name,Email\n" + b"x" * (MAX_IMPORT_BYTES + 10), "larger than"),
        (b"Name,Email\n", "no participants"),
    ],
)
def test_a_hostile_file_gives_a_message(webinar, content, message):
    meeting, _ana, _carlos = webinar

    report = attendance_import.attendance_read(
        SimpleUploadedFile("report.csv", content), meeting=meeting
    )

    assert message in report.file_error


def test_a_formula_or_a_bad_address_is_refused_on_its_line(webinar):
    meeting, _ana, _carlos = webinar
    content = (
        b'Name,Email\n=HYPERLINK("http://x"),ana.perez@example.org\nBob,not-an-address\nNobody,,\n'
    )

    report = attendance_import.attendance_import_confirm(
        SimpleUploadedFile("report.csv", content), meeting=meeting
    )

    assert [line.outcome for line in report.lines] == [
        attendance_import.REFUSED,
        attendance_import.REFUSED,
        attendance_import.NOT_REGISTERED,
    ]
    assert report.recorded == 0


# The page ---------------------------------------------------------------


def test_staff_preview_then_confirm(client, webinar):
    meeting, ana, carlos = webinar
    staff = SecretariatStaffFactory()
    sign_in_with_second_factor(client, staff)
    url = reverse("meetings:attendance_import", kwargs={"slug": meeting.slug})

    preview = client.post(url, {"file": sample("attendance-zoom.csv")})

    assert preview.status_code == 200
    assert preview.context["report"].to_record == 2
    assert not meeting.registrations.attended().exists()
    confirmed = client.post(url, {"token": preview.context["token"]}, follow=True)
    assert "2 recorded as present" in confirmed.content.decode()
    assert set(meeting.registrations.attended()) == {ana, carlos}
    assert {r.attendance_recorded_by for r in meeting.registrations.attended()} == {staff}
    # The token is spent.
    again = client.post(url, {"token": preview.context["token"]}, follow=True)
    assert "no longer available" in again.content.decode()


def test_a_bad_file_on_the_page_gives_a_message_not_an_error(client, webinar):
    meeting, _ana, _carlos = webinar
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    url = reverse("meetings:attendance_import", kwargs={"slug": meeting.slug})

    response = client.post(url, {"file": SimpleUploadedFile("x.csv", b"\x00\xff" * 50)})

    assert response.status_code == 200
    assert response.context["report"].file_error
    assert response.context["token"] is None
