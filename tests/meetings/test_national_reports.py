"""National reports: focal points upload their member state's report before
the due date (the end of that day in the meeting's time zone), staff see who
has and who hasn't, and the focal points of the states missing are reminded
once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import EmailDelivery
from meetings import national_reports
from meetings.enums import MeetingStatus, Visibility
from meetings.models import NationalReport
from network.enums import Notice
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.meetings.factories import MeetingFactory
from tests.meetings.roles import ROLES, make_user, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DUE = datetime.date(2030, 6, 10)
UTC = datetime.UTC


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf(name="report.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def asking_meeting(**fields):
    """A meeting in Bogotá (UTC-5 all year) asking for reports by June 10, 2030."""
    return MeetingFactory(
        time_zone="America/Bogota",
        national_reports_due=DUE,
        start_date=datetime.date(2030, 7, 1),
        end_date=datetime.date(2030, 7, 2),
        **fields,
    )


def upload_url(meeting):
    return reverse("meetings:national_report_upload", args=[meeting.slug])


def status_url(meeting):
    return reverse("meetings:national_reports_status", args=[meeting.slug])


def download_url(report):
    return reverse("meetings:national_report_download", args=[report.meeting.slug, report.pk])


def upload(meeting, focal_point, *, now=None, file=None, language="es"):
    return national_reports.national_report_upload(
        meeting=meeting,
        user=focal_point,
        file=file or pdf(),
        language=language,
        now=now or datetime.datetime(2030, 6, 1, tzinfo=UTC),
    )


# Uploading ------------------------------------------------------------------------


def test_focal_point_uploads_their_member_state_report(client):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))
    focal_point = FocalPointFactory()
    client.force_login(focal_point)

    response = client.post(upload_url(meeting), {"file": pdf(), "language": "es"})

    assert response.status_code == 302
    report = NationalReport.objects.get()
    assert report.meeting == meeting
    assert report.member_state == focal_point.institution.member_state
    assert report.uploaded_by == focal_point
    assert report.language == "es"
    assert report.file.read() == PDF
    page = client.get(upload_url(meeting)).content.decode()
    assert "was received on" in page
    assert "Replace the report" in page


def test_a_second_upload_replaces_the_state_report_and_its_old_file(
    django_capture_on_commit_callbacks,
):
    meeting = asking_meeting()
    state = MemberStateFactory()
    first_focal_point = FocalPointFactory(institution=InstitutionFactory(member_state=state))
    second_focal_point = FocalPointFactory(institution=OrganizationFactory(member_state=state))
    first = upload(meeting, first_focal_point)
    old_name = first.file.name

    with django_capture_on_commit_callbacks(execute=True):
        second = upload(meeting, second_focal_point, file=pdf("nuevo.pdf"), language="en")

    assert NationalReport.objects.get() == second
    assert second.pk == first.pk
    assert second.uploaded_by == second_focal_point
    assert second.language == "en"
    assert not second.file.storage.exists(old_name)
    assert second.file.storage.exists(second.file.name)


def test_each_member_state_has_its_own_report():
    meeting = asking_meeting()

    upload(meeting, FocalPointFactory())
    upload(meeting, FocalPointFactory())

    assert NationalReport.objects.filter(meeting=meeting).count() == 2


def test_reports_are_accepted_until_the_due_day_ends_in_the_meeting_time_zone():
    meeting = asking_meeting()
    focal_point = FocalPointFactory()
    # 23:30 on June 10 in Bogotá is already June 11 in UTC.
    last_minute = datetime.datetime(2030, 6, 11, 4, 30, tzinfo=UTC)
    too_late = datetime.datetime(2030, 6, 11, 5, 0, tzinfo=UTC)

    upload(meeting, focal_point, now=last_minute)
    with pytest.raises(ValidationError):
        upload(meeting, focal_point, now=too_late, language="en")

    assert NationalReport.objects.get().language == "es"


def test_a_report_posted_after_the_due_date_is_refused_by_the_server(client):
    yesterday = datetime.date.today() - datetime.timedelta(days=2)
    meeting = MeetingFactory(national_reports_due=yesterday)
    client.force_login(FocalPointFactory())

    response = client.post(upload_url(meeting), {"file": pdf(), "language": "es"})

    assert response.status_code == 200
    assert "were due on" in response.content.decode()
    assert not NationalReport.objects.exists()
    assert "no longer accepted" in client.get(upload_url(meeting)).content.decode()


def test_no_report_for_a_cancelled_meeting():
    meeting = asking_meeting(status=MeetingStatus.CANCELLED)

    with pytest.raises(ValidationError):
        upload(meeting, FocalPointFactory())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"not a pdf at all"),
        ("report.exe", b"MZ\x90\x00"),
        ("report.pdf", b""),
    ],
)
def test_a_file_that_is_not_an_accepted_document_is_refused(client, name, content):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))
    client.force_login(FocalPointFactory())

    response = client.post(upload_url(meeting), {"file": pdf(name, content), "language": "es"})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not NationalReport.objects.exists()


@pytest.mark.parametrize("language", ["xx", ""])
def test_an_unknown_language_is_refused(client, language):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))
    client.force_login(FocalPointFactory())

    response = client.post(upload_url(meeting), {"file": pdf(), "language": language})

    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    assert not NationalReport.objects.exists()


def test_the_service_validates_the_file_itself():
    with pytest.raises(ValidationError):
        upload(asking_meeting(), FocalPointFactory(), file=pdf(content=b"plain text"))

    assert not NationalReport.objects.exists()


@pytest.mark.parametrize("role", ["signed_in", "delegate", "staff"])
def test_only_focal_points_upload_reports(client, role):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))
    user = make_user(role, meeting)
    client.force_login(user)

    assert client.get(upload_url(meeting)).status_code == 403
    assert client.post(upload_url(meeting), {"file": pdf(), "language": "es"}).status_code == 403
    with pytest.raises(PermissionDenied):
        upload(meeting, user)
    assert not NationalReport.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))

    response = client.get(upload_url(meeting))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_no_upload_when_the_meeting_asks_for_no_reports(client):
    meeting = MeetingFactory(national_reports_due=None)
    client.force_login(FocalPointFactory())

    assert client.get(upload_url(meeting)).status_code == 404


def test_focal_point_of_an_organization_without_member_state_cannot_upload(client):
    meeting = MeetingFactory(national_reports_due=datetime.date(2099, 1, 1))
    client.force_login(FocalPointFactory(institution=OrganizationFactory()))

    assert client.get(upload_url(meeting)).status_code == 403


def test_upload_page_of_an_unknown_meeting_is_404(client):
    client.force_login(FocalPointFactory())

    assert client.get("/meetings/no-such-meeting/national-report/").status_code == 404


# Who has and who hasn't --------------------------------------------------------


def test_missing_states_are_those_without_a_report():
    meeting = asking_meeting()
    sent = FocalPointFactory()
    quiet = MemberStateFactory(name_en="Quiet State")
    upload(meeting, sent)

    missing = list(national_reports.national_reports_missing(meeting))

    assert quiet in missing
    assert sent.institution.member_state not in missing


def test_staff_see_which_states_have_sent_their_report(client):
    meeting = asking_meeting()
    sender = FocalPointFactory(full_name="Sonia Sender")
    upload(meeting, sender)
    quiet = MemberStateFactory(name_en="Quiet State")
    client.force_login(SecretariatStaffFactory())

    response = client.get(status_url(meeting))

    assert response.status_code == 200
    status = dict(response.context["status"])
    assert status[quiet] is None
    assert status[sender.institution.member_state].uploaded_by == sender
    html = response.content.decode()
    assert "Sonia Sender" in html
    assert "Missing" in html
    assert f"Received: 1 of {len(status)}." in html


@pytest.mark.parametrize("role", ["signed_in", "focal_point", "delegate"])
def test_only_staff_see_the_status_table(client, role):
    meeting = asking_meeting()
    client.force_login(make_user(role, meeting))

    assert client.get(status_url(meeting)).status_code == 403


def test_status_table_of_a_meeting_asking_no_reports_is_404(client):
    client.force_login(SecretariatStaffFactory())

    assert client.get(status_url(MeetingFactory(national_reports_due=None))).status_code == 404


# Downloads ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_reports_are_downloadable_by_staff_focal_points_and_the_meeting_delegates(client, role):
    meeting = asking_meeting()
    report = upload(meeting, FocalPointFactory())
    sign_in(client, make_user(role, meeting))

    response = client.get(download_url(report))

    if role == "visitor":
        assert response.status_code == 302
    elif role in ("focal_point", "delegate", "staff"):
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert "no-store" in response["Cache-Control"]
    else:
        # The meeting's page lists the reports to nobody else: to them, none exists.
        assert response.status_code == 404


@pytest.mark.parametrize("role", ["signed_in", "delegate", "pending_delegate"])
def test_a_restricted_meetings_reports_do_not_exist_for_those_who_may_not_see_it(client, role):
    meeting = asking_meeting(visibility=Visibility.DELEGATES)
    report = upload(meeting, FocalPointFactory())
    # A delegate of another meeting: signed in, but a stranger to this one.
    client.force_login(make_user(role, MeetingFactory()))

    assert client.get(upload_url(meeting)).status_code == 404
    assert client.post(upload_url(meeting), {"file": pdf(), "language": "es"}).status_code == 404
    assert client.get(status_url(meeting)).status_code == 404
    assert client.get(download_url(report)).status_code == 404
    assert NationalReport.objects.count() == 1


def test_a_restricted_meetings_reports_are_there_for_its_delegates_and_focal_points(client):
    meeting = asking_meeting(visibility=Visibility.DELEGATES)
    report = upload(meeting, FocalPointFactory())

    client.force_login(make_user("delegate", meeting))
    assert client.get(download_url(report)).status_code == 200
    assert client.get(status_url(meeting)).status_code == 403
    client.force_login(FocalPointFactory())
    assert client.get(upload_url(meeting)).status_code == 200
    assert client.get(download_url(report)).status_code == 200


def test_status_table_of_a_restricted_meeting_is_the_staffs(client):
    meeting = asking_meeting(visibility=Visibility.DELEGATES)
    client.force_login(SecretariatStaffFactory())

    assert client.get(status_url(meeting)).status_code == 200


def test_a_report_is_reached_only_through_its_own_meeting(client):
    report = upload(asking_meeting(), FocalPointFactory())
    other = asking_meeting()
    client.force_login(SecretariatStaffFactory())

    url = reverse("meetings:national_report_download", args=[other.slug, report.pk])

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_meeting_page_lists_reports_to_those_who_may_download_them(client, role):
    meeting = asking_meeting()
    report = upload(meeting, FocalPointFactory())
    sign_in(client, make_user(role, meeting))

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert (download_url(report) in html) == (role in ("focal_point", "delegate", "staff"))
    assert (f'href="{upload_url(meeting)}"' in html) == (role == "focal_point")
    assert (f'href="{status_url(meeting)}"' in html) == (role == "staff")


# Reminders ------------------------------------------------------------------------


def reminders():
    return EmailDelivery.objects.filter(key__startswith="meetings:national-report-reminder:")


def at_bogota(day, hour=9):
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=datetime.timezone(datetime.timedelta(hours=-5))
    )


def test_focal_points_of_missing_states_are_reminded_once_before_the_due_date():
    meeting = asking_meeting(reminder_days=3)
    missing_state = MemberStateFactory()
    reminded = FocalPointFactory(institution=InstitutionFactory(member_state=missing_state))
    also_reminded = FocalPointFactory(institution=OrganizationFactory(member_state=missing_state))
    FocalPointFactory(institution=OrganizationFactory(member_state=missing_state), is_active=False)
    FocalPointFactory(
        institution=OrganizationFactory(member_state=missing_state),
        muted_notices=[Notice.MEETING_REMINDERS],
    )
    FocalPointFactory(institution=OrganizationFactory())
    UserFactory()
    upload(meeting, FocalPointFactory())

    national_reports.national_reports_remind(now=at_bogota(DUE - datetime.timedelta(days=4)))
    assert not reminders().exists()

    due = national_reports.national_reports_remind(now=at_bogota(DUE - datetime.timedelta(days=3)))

    assert due == [meeting]
    assert sorted(reminders().values_list("to", flat=True)) == sorted(
        [reminded.email, also_reminded.email]
    )
    assert reminders().filter(key=f"meetings:national-report-reminder:{meeting.pk}:{reminded.pk}")
    delivery = reminders().get(to=reminded.email)
    assert meeting.title in delivery.subject
    assert missing_state.name in delivery.body
    assert upload_url(meeting) in delivery.body

    national_reports.national_reports_remind(now=at_bogota(DUE - datetime.timedelta(days=1)))
    national_reports.national_reports_remind(now=at_bogota(DUE, hour=23))
    assert reminders().count() == 2


def test_no_reminder_once_the_state_has_sent_its_report():
    meeting = asking_meeting()
    focal_point = FocalPointFactory()
    upload(meeting, focal_point)

    national_reports.national_reports_remind(now=at_bogota(DUE))

    assert not reminders().filter(to=focal_point.email).exists()


def test_no_reminder_after_the_due_date_or_for_a_cancelled_meeting():
    asking_meeting()
    asking_meeting(status=MeetingStatus.CANCELLED)
    FocalPointFactory()

    assert (
        national_reports.national_reports_remind(now=at_bogota(DUE + datetime.timedelta(days=1)))
        == []
    )
    assert (
        national_reports.national_reports_remind(now=at_bogota(DUE - datetime.timedelta(days=5)))
        == []
    )
    assert not reminders().exists()


def test_a_reminder_that_a_beat_missed_still_goes_before_the_due_date():
    asking_meeting(reminder_days=3)
    focal_point = FocalPointFactory()

    national_reports.national_reports_remind(now=at_bogota(DUE, hour=22))

    assert list(reminders().values_list("to", flat=True)) == [focal_point.email]


def test_reminders_go_in_the_recipient_language():
    asking_meeting()
    FocalPointFactory(language="es")

    national_reports.national_reports_remind(now=at_bogota(DUE))

    assert "10 de junio de 2030" in reminders().get().body
