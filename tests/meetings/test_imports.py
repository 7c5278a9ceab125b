"""Meetings held before the portal and their participants, imported from the
Secretariat's spreadsheets: the samples import cleanly, a second import
changes nothing, a file with errors saves nothing and names each error, and
no email is ever sent."""

import csv
import datetime
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.imports import Action, run_import
from core.models import EmailDelivery
from meetings import services
from meetings.enums import DatePrecision, DelegateRole, MeetingStatus, RegistrationStatus
from meetings.imports import MeetingImporter, ParticipantImporter
from meetings.models import Meeting, Registration
from network import demo
from tests.conftest import sign_in_with_second_factor
from tests.factories import SecretariatStaffFactory, UserFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "imports"
WG2_2004 = "First meeting of Working Group 2 of the XIII IACML"


@pytest.fixture
def directory():
    demo.load()


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def sample_rows(name):
    with (SAMPLES / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def as_csv(rows, name):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode())


def import_meetings(rows, user):
    return run_import(MeetingImporter(), as_csv(rows, "meetings.csv"), user=user, commit=True)


def import_participants(rows, user):
    return run_import(
        ParticipantImporter(), as_csv(rows, "participants.csv"), user=user, commit=True
    )


def errors_of(report):
    return {row.number: row.errors for row in report.rows if row.refused}


def test_meeting_import_sample_creates_exactly_its_rows_with_their_precision(directory, staff):
    report = import_meetings(sample_rows("meetings.csv"), staff)

    assert report.saved, errors_of(report)
    assert report.count(Action.CREATED) == 9 == Meeting.objects.count()
    assert set(Meeting.objects.values_list("status", flat=True)) == {MeetingStatus.HELD}
    vina = Meeting.objects.get(slug="xi-iacml-1998")
    assert (vina.date_precision, vina.start_date) == (DatePrecision.YEAR, datetime.date(1998, 1, 1))
    assert (vina.host_state.iso_code, vina.city) == ("CL", "Viña del Mar")
    assert vina.title_fr.startswith("XIe Conférence")
    salvador = Meeting.objects.get(slug="xiii-iacml-2003")
    assert salvador.date_precision == DatePrecision.MONTH
    assert salvador.dates_display() == "September 2003"
    washington = Meeting.objects.get(title_en=WG2_2004)
    assert (washington.start_date, washington.end_date) == (
        datetime.date(2004, 5, 13),
        datetime.date(2004, 5, 14),
    )
    assert washington.host_state.iso_code == "US"


def test_meeting_import_twice_changes_nothing(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)
    before = list(Meeting.objects.values_list("pk", "slug", "updated_at"))

    report = import_meetings(sample_rows("meetings.csv"), staff)

    assert report.saved
    assert report.count(Action.UNCHANGED) == 9
    assert list(Meeting.objects.values_list("pk", "slug", "updated_at")) == before


def test_meeting_import_updates_the_meeting_of_the_same_title_and_first_day(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)
    rows = sample_rows("meetings.csv")
    rows[3]["venue"] = "OAS Main Building"

    report = import_meetings(rows, staff)

    assert [row.action for row in report.rows].count(Action.UPDATED) == 1
    assert Meeting.objects.get(title_en=WG2_2004).venue == "OAS Main Building"
    assert Meeting.objects.count() == 9


def test_meeting_import_with_errors_saves_nothing_and_names_each(directory, staff):
    rows = sample_rows("meetings.csv")
    rows[0]["host_state"] = "Atlantis"
    rows[1]["kind"] = "party"
    rows[2]["start_date"] = "2003-13"
    rows[3]["end_date"] = "2004-05-01"
    rows[4]["title_en"] = rows[4]["title_es"] = ""
    rows[5]["start_date"] = "2999-04"
    rows[6]["online"] = "perhaps"
    rows[7]["start_date"] = "=TODAY()"

    report = import_meetings(rows, staff)

    assert not report.saved
    assert Meeting.objects.count() == 0
    errors = errors_of(report)
    assert errors[2] == {"host_state": ["No member state is known as “Atlantis”."]}
    assert list(errors[3]) == ["kind"]
    assert errors[4] == {"start_date": ["“2003-13” is not a month."]}
    assert errors[5] == {"": ["The meeting cannot end before it starts."]}
    assert errors[6] == {"": ["Give the meeting's title in at least one language."]}
    assert list(errors[7]) == ["status"]
    assert errors[8] == {"online": ["Write yes or no."]}
    assert "formula" in errors[9]["start_date"][0]
    assert set(errors) == {2, 3, 4, 5, 6, 7, 8, 9}


def test_participant_import_sample_records_approved_participants_and_sends_nothing(
    directory, staff, django_capture_on_commit_callbacks
):
    import_meetings(sample_rows("meetings.csv"), staff)

    with django_capture_on_commit_callbacks(execute=True):
        report = import_participants(sample_rows("participants.csv"), staff)

    assert report.saved, errors_of(report)
    assert report.count(Action.CREATED) == 16 == Registration.objects.count()
    assert set(Registration.objects.values_list("status", "imported_from", "email")) == {
        (RegistrationStatus.APPROVED, "participants.csv", "")
    }
    nieto = Registration.objects.get(full_name="Jorge Nieto")
    assert nieto.meeting.title_en == WG2_2004
    assert (nieto.role, nieto.member_state.iso_code) == (DelegateRole.HEAD, "SV")
    giles = Registration.objects.get(full_name="Anthony Giles")
    assert (giles.institution, giles.organization) == (None, "Canadian Labour Congress")
    assert giles.member_state.iso_code == "CA"
    assert EmailDelivery.objects.count() == 0
    assert mail.outbox == []


def test_participant_import_twice_changes_nothing(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)
    import_participants(sample_rows("participants.csv"), staff)
    before = list(Registration.objects.values_list("pk", "updated_at"))

    report = import_participants(sample_rows("participants.csv"), staff)

    assert report.count(Action.UNCHANGED) == 16
    assert list(Registration.objects.values_list("pk", "updated_at")) == before


def test_participant_import_matches_by_address_then_by_name(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)
    rows = sample_rows("participants.csv")[:2]
    import_participants(rows, staff)
    rows[0]["email"] = "jnieto@example.org"

    report = import_participants(rows, staff)
    again = import_participants(rows, staff)

    assert [row.action for row in report.rows] == [Action.UPDATED, Action.UNCHANGED]
    assert [row.action for row in again.rows] == [Action.UNCHANGED, Action.UNCHANGED]
    assert Registration.objects.get(full_name="Jorge Nieto").email == "jnieto@example.org"
    assert Registration.objects.count() == 2


def test_participant_import_with_errors_saves_nothing_and_names_each(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)
    planned = MeetingFactory(title_en="Meeting of the IACML Working Groups, 2027")
    portal = RegistrationFactory(
        meeting=Meeting.objects.get(title_en=WG2_2004), email="registered@example.org"
    )
    rows = sample_rows("participants.csv")
    rows[0]["meeting"] = "The Congress of Vienna"
    rows[1]["institution"] = "Ministry of Magic"
    rows[2]["role"] = "emperor"
    rows[3]["email"] = "not an address"
    rows[4]["meeting"] = planned.title_en
    rows[5]["institution"] = ""
    rows[6]["email"] = portal.email
    rows[7]["full_name"] = ""
    before = Registration.objects.count()

    report = import_participants(rows, staff)

    assert not report.saved
    assert Registration.objects.count() == before
    errors = errors_of(report)
    assert errors[2] == {"meeting": ["No meeting is known as “The Congress of Vienna”."]}
    assert errors[3] == {"institution": ["No institution is known as “Ministry of Magic”."]}
    assert list(errors[4]) == ["role"]
    assert list(errors[5]) == ["email"]
    assert "meetings held" in errors[6]["meeting"][0]
    assert errors[7] == {"institution": ["Give the institution or the organization."]}
    assert "on the portal" in errors[8]["email"][0]
    assert errors[9] == {"full_name": ["This cell is required."]}
    assert set(errors) == {2, 3, 4, 5, 6, 7, 8, 9}


def test_participant_import_needs_the_right_to_manage_registrations(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)

    report = import_participants(sample_rows("participants.csv"), UserFactory(is_staff=True))

    assert not report.saved
    assert "Only the Technical Secretariat" in report.rows[0].errors[""][0]


def test_imported_participants_outlive_the_purge_of_registrations(directory, staff):
    import_meetings(sample_rows("meetings.csv"), staff)
    import_participants(sample_rows("participants.csv"), staff)
    meeting = Meeting.objects.get(title_en=WG2_2004)
    # A ministry of the directory: a new one could take a member state's
    # place of its only active ministry.
    ministry = Registration.objects.filter(meeting=meeting).exclude(institution=None).first()
    portal = RegistrationFactory(
        meeting=meeting, status=RegistrationStatus.APPROVED, institution=ministry.institution
    )

    services.registrations_purge()

    assert not Registration.objects.filter(pk=portal.pk).exists()
    assert Registration.objects.filter(meeting=meeting).count() == 16
    meeting.refresh_from_db()
    assert meeting.personal_data_purged_at is not None


def test_imported_participants_without_address_are_told_nothing_when_declined(
    directory, staff, django_capture_on_commit_callbacks
):
    import_meetings(sample_rows("meetings.csv"), staff)
    import_participants(sample_rows("participants.csv")[:1], staff)
    registration = Registration.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_decline(registration=registration, by=staff)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.DECLINED
    assert EmailDelivery.objects.count() == 0


def test_meeting_and_participant_imports_through_the_admin_save_only_when_confirmed(
    client, directory
):
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    url = reverse("admin:meetings_meeting_import")
    upload = SimpleUploadedFile(
        "meetings.csv", (SAMPLES / "meetings.csv").read_bytes(), content_type="text/csv"
    )

    preview = client.post(url, {"file": upload})

    assert preview.status_code == 200
    assert preview.context["report"].count(Action.CREATED) == 9
    assert Meeting.objects.count() == 0
    confirmed = client.post(url, {"token": preview.context["token"]})
    assert confirmed.status_code == 302
    assert Meeting.objects.count() == 9

    upload = SimpleUploadedFile("participants.csv", (SAMPLES / "participants.csv").read_bytes())
    preview = client.post(reverse("admin:meetings_registration_import"), {"file": upload})
    assert preview.context["report"].count(Action.CREATED) == 16
    assert Registration.objects.count() == 0
    client.post(reverse("admin:meetings_registration_import"), {"token": preview.context["token"]})
    assert Registration.objects.count() == 16


def test_meeting_import_of_a_hostile_file_gives_a_message_never_a_500(client, directory):
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    lines = ["title_en,kind,start_date", *(f"Meeting {n},workshop,2004" for n in range(100_000))]
    upload = SimpleUploadedFile("big.csv", "\n".join(lines).encode())

    response = client.post(reverse("admin:meetings_meeting_import"), {"file": upload})

    assert response.status_code == 200
    assert "rows" in response.context["report"].file_error
    assert Meeting.objects.count() == 0


def test_meeting_import_reads_typed_cells_of_a_workbook_and_refuses_wrong_types(directory, staff):
    workbook = Workbook()
    for row in (
        ["title_en", "kind", "start_date", "end_date", "host_state"],
        ["Seminar on social dialogue", "seminar", 2006, None, "AR"],
        ["Workshop on inspection", "Workshop", datetime.datetime(2005, 4, 10), None, 32],
        ["Symposium", 3.5, "next spring", datetime.date(2005, 4, 11), "CO"],
    ):
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)

    report = run_import(
        MeetingImporter(),
        SimpleUploadedFile("meetings.xlsx", out.getvalue()),
        user=staff,
        commit=False,
    )

    created, wrong_state, wrong_types = report.rows
    assert created.action == Action.CREATED
    assert wrong_state.errors == {"host_state": ["No member state is known as “32”."]}
    assert set(wrong_types.errors) == {"kind", "start_date"}
    assert Meeting.objects.count() == 0
