import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from meetings import demo_data, links
from meetings.enums import (
    Approval,
    DatePrecision,
    FundingItem,
    MeetingStatus,
    ParticipantListVisibility,
    RegistrationStatus,
    SessionKind,
)
from meetings.models import Document, FundingCommitment, Meeting, Registration
from network.demo import DEMO_FOCAL_POINT_EMAIL
from tests.conftest import moves_logged

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=StringIO())


def snapshot():
    """Every row of every meetings table, many-to-many links included."""
    rows = {}
    for model in apps.get_app_config("meetings").get_models():
        rows[model.__name__] = list(model.objects.order_by("pk").values())
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            rows[through.__name__] = list(through.objects.order_by("pk").values())
    return rows


def test_load_demo_twice_changes_no_meetings_row():
    load_demo()
    before = snapshot()

    load_demo()

    after = snapshot()
    assert {name: len(rows) for name, rows in after.items()} == {
        name: len(rows) for name, rows in before.items()
    }
    assert after == before
    # The cooperation demo adds its calls' match-making webinars.
    assert Meeting.objects.filter(calls__isnull=True).count() == (
        len(demo_data.HELD_MEETINGS) + 15 + 1
    )


def test_the_2004_meeting_of_working_group_2_has_its_six_panels_with_presenters():
    load_demo()

    meeting = Meeting.objects.get(slug="wg2-meeting-washington-2004")
    panels = list(meeting.sessions.filter(kind=SessionKind.PANEL))
    assert meeting.status == MeetingStatus.HELD
    assert meeting.dates_display() == "May 13–14, 2004"
    assert meeting.time_zone == "America/New_York"
    assert meeting.conference.number == 13
    assert [group.number for group in meeting.working_groups.all()] == [2]
    assert [panel.title.split(" – ")[0] for panel in panels] == [
        f"Panel {number}" for number in range(1, 7)
    ]
    assert all(panel.presenters.exists() for panel in panels)
    assert all(len(panel.paragraphs()) >= 2 for panel in panels)
    dispute_resolution = panels[3]
    assert [presenter.name for presenter in dispute_resolution.presenters.all()] == [
        "Maria Luz Vega",
        "Juan Manuel Bolaños",
        "Victor Felix",
        "Pablo Veloso",
        "Arnold Powers",
    ]
    bolanos = dispute_resolution.presenters.get(name="Juan Manuel Bolaños")
    assert bolanos.institution.member_state.iso_code == "SV"
    sismel = panels[5].presenters.get()
    assert sismel.institution is None
    assert sismel.affiliation == "Labor Market Information System (SISMEL)"
    joint = meeting.sessions.get(kind=SessionKind.SESSION)
    assert joint.presenters.count() == 3


def test_the_cartagena_meeting_has_its_sessions_documents_and_funding():
    load_demo()

    meeting = Meeting.objects.get(slug="wg2-meeting-cartagena-2015")
    assert meeting.time_zone == "America/Bogota"
    assert meeting.dates_display() == "April 29, 2015"
    assert [session.kind for session in meeting.sessions.all()] == [
        SessionKind.PANEL,
        SessionKind.INFORMATION,
        SessionKind.PANEL,
    ]
    assert all(session.moderator.startswith("Rakesh Patry") for session in meeting.sessions.all())
    assert set(meeting.documents.values_list("symbol", flat=True)) == {
        "CIMT-18/GT1-GT2/doc.6/15",
        "CIMT-18/GT1-GT2/doc.7/15",
    }
    assert Document.objects.get(symbol="CIMT-18/GT1-GT2/doc.7/15").published_on == (
        datetime.date(2015, 4, 29)
    )
    assert meeting.funding_lines.get().party_display == "Government of Colombia"
    coordinators = meeting.coordinating_institutions.all()
    assert {i.member_state.iso_code if i.member_state else i.acronym for i in coordinators} == {
        "OAS",
        "CA",
        "PE",
        "BB",
    }


@pytest.mark.parametrize(
    ("slug", "displayed"),
    [
        ("seminar-on-social-dialogue-2006", "March 23–24, 2006"),
        ("working-groups-meeting-2006", "beginning of April 2006"),
        ("asbestos-symposium-2006", "April 26–28, 2006"),
        ("workshop-on-fundacersso-2006", "first semester of 2006"),
        ("ceatal-meeting-2006", "May 2006"),
        ("seminar-on-labor-rights-of-migrant-workers-2006", "June 2006"),
        ("seminar-on-employment-services-2006", "second semester of 2006"),
        ("workshop-on-social-protection", "To be defined"),
        ("working-groups-meeting-2007", "April 2007"),
        ("xv-iacml-2007", "September 2007"),
        ("workshop-on-gender-perspective-in-labor-policies", "To be defined"),
    ],
)
def test_the_planned_activities_show_their_dates_as_the_seed_states_them(slug, displayed):
    load_demo()

    assert Meeting.objects.get(slug=slug).dates_display() == displayed


def test_the_fifteen_activities_of_2006_2007_exist_with_the_seed_words_on_their_dates():
    load_demo()

    slugs = [activity["slug"] for activity in demo_data.PLANNED_ACTIVITIES]
    activities = Meeting.objects.filter(slug__in=slugs)
    assert activities.count() == 15
    assert not activities.filter(status=MeetingStatus.HELD).exists()
    mexico = activities.get(slug="working-groups-meeting-2006")
    assert mexico.host_state.iso_code == "MX"
    assert mexico.date_note == "Mexico, beginning of April, 2006"
    assert {line.party_display for line in mexico.funding_lines.all()} == {
        "Secretariat of Labor and Social Welfare (Mexico)",
        "Organization of American States",
        "International Labor Organization",
        "Each country",
    }
    assert mexico.uncovered_items() == []
    chile = activities.get(slug="seminar-on-employment-services-2006")
    assert chile.date_note.endswith("Date to be defined in WGs meeting in April, 2006")


def test_a_to_be_defined_activity_sorts_last():
    load_demo()

    in_order = list(Meeting.objects.in_calendar_order())
    undefined = [m for m in in_order if m.date_precision == DatePrecision.UNDEFINED]
    assert len(undefined) == 3
    assert in_order[-len(undefined) :] == undefined
    assert in_order[-1].slug == "workshop-on-gender-perspective-in-labor-policies"
    assert in_order[0].slug == "wg2-meeting-washington-2004"


def test_funding_only_studied_leaves_the_item_uncovered():
    load_demo()

    workshop = Meeting.objects.get(slug="workshop-on-fundacersso-2006")
    assert workshop.uncovered_items() == [FundingItem.LOGISTICS]
    assert FundingCommitment.objects.filter(meeting=workshop, status="studying").count() == 1


def test_the_upcoming_demo_meeting_takes_registrations_with_a_waiting_list():
    load_demo()

    meeting = Meeting.objects.get(slug=demo_data.UPCOMING["slug"])
    today = timezone.localdate()
    assert meeting.start_date == today + datetime.timedelta(days=42)
    assert meeting.registration_is_open()
    assert meeting in Meeting.objects.upcoming()
    assert meeting.capacity == 40
    assert meeting.quota_per_institution == 3
    assert meeting.approval == Approval.ENDORSEMENT
    assert meeting.participant_list == ParticipantListVisibility.CONSENTING
    statuses = set(meeting.registrations.values_list("status", flat=True))
    assert {
        RegistrationStatus.SUBMITTED,
        RegistrationStatus.ENDORSED,
        RegistrationStatus.APPROVED,
        RegistrationStatus.WAITLISTED,
    } <= statuses
    waiting = meeting.registrations.get(status=RegistrationStatus.WAITLISTED)
    assert waiting.waitlist_position() == 1
    assert (
        meeting.registrations.holding_places().filter(institution=waiting.institution).count()
        == meeting.quota_per_institution
    )
    endorsed = meeting.registrations.get(full_name="Andrés Molina (demo)")
    endorser = dict(moves_logged(endorsed, "action", "actor"))["endorse"]
    assert endorser.email == DEMO_FOCAL_POINT_EMAIL


def test_loading_again_later_does_not_move_the_upcoming_meeting(monkeypatch):
    load_demo()
    meeting = Meeting.objects.get(slug=demo_data.UPCOMING["slug"])
    later = timezone.now() + datetime.timedelta(days=10)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later.date())

    load_demo()

    again = Meeting.objects.get(pk=meeting.pk)
    assert (again.start_date, again.registration_opens_at, again.registration_closes_at) == (
        meeting.start_date,
        meeting.registration_opens_at,
        meeting.registration_closes_at,
    )
    assert Registration.objects.filter(meeting=meeting).count() == len(
        demo_data.UPCOMING["registrations"]
    )


def test_the_past_match_making_webinar_has_attendees_with_certificates(client):
    load_demo()

    meeting = Meeting.objects.get(slug=demo_data.PAST_WEBINAR["slug"])
    registrations = meeting.registrations.all()

    assert meeting.kind == "webinar"
    assert meeting.is_over()
    assert meeting.recording_url
    assert meeting.calls.get().title_en == "10th RIAL call for cooperation proposals (demo)"
    assert {r.status for r in registrations} == {RegistrationStatus.APPROVED}
    attendees = registrations.attended()
    assert attendees.count() == 6
    assert {r.attendance_source for r in attendees} == {"import"}
    for attendee in attendees:
        assert attendee.certificate_code
        response = client.get(links.certificate_path(attendee))
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
    absent = registrations.get(attended_at__isnull=True)
    assert client.get(links.certificate_path(absent)).status_code == 404
