"""Demo meetings drawn from the seed documents (``demo_data``), one upcoming
meeting taking registrations, and a past webinar whose participants were
recorded as present and have their certificates of attendance.

Idempotent like the directory's loader: meetings are matched by their slug,
sessions by title, presenters by name, funding lines by party and item,
documents by symbol; what is already as the seeds say is not saved again. The
upcoming meeting's dates and registrations are made once, relative to the day
of the first loading, and never moved afterwards.
"""

import datetime
import itertools
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from core.models import ActivityLog
from network.demo import DEMO_FOCAL_POINT_EMAIL, DEMO_STAFF_EMAIL, upsert
from network.enums import InstitutionKind
from network.models import Conference, Institution, MemberState, Topic, User, WorkingGroup

from . import demo_data, services
from .enums import AttendanceSource, FundingItem, RegistrationStatus
from .models import (
    AgendaSession,
    Document,
    FundingCommitment,
    Meeting,
    Presenter,
    Registration,
)

# The moves of the registration's table after the confirmation that the
# demo's paths take, by the state they reach.
LATER_MOVES = {
    RegistrationStatus.ENDORSED: "endorse",
    RegistrationStatus.APPROVED: "approve",
}


class Directory:
    """The rows of the directory that the demo data names by key."""

    def __init__(self):
        others = Institution.objects.exclude(kind=InstitutionKind.MINISTRY).exclude(acronym="")
        ministries = Institution.objects.ministries().active().select_related("member_state")
        self.institutions = {institution.acronym: institution for institution in others}
        self.institutions.update(
            {ministry.member_state.iso_code: ministry for ministry in ministries}
        )
        self.states = {state.iso_code: state for state in MemberState.objects.all()}
        self.conferences = {
            conference.number: conference for conference in Conference.objects.all()
        }
        self.topics = {topic.slug: topic for topic in Topic.objects.all()}

    def institution(self, key):
        return self.institutions[key] if key else None

    def working_groups(self, conference, numbers):
        return set(WorkingGroup.objects.filter(conference__number=conference, number__in=numbers))


@transaction.atomic
def load():
    directory = Directory()
    for entry in demo_data.HELD_MEETINGS:
        meeting = _meeting(entry, directory)
        _agenda(meeting, entry["sessions"], directory)
        _documents(meeting, entry["documents"])
    for entry in demo_data.PLANNED_ACTIVITIES:
        _meeting(entry, directory)
    _upcoming(demo_data.UPCOMING, directory)
    _past_webinar(demo_data.PAST_WEBINAR, directory)


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _funding_needs(lines):
    """The items the lines name, in the order of the choices."""
    named = {line["item"] for line in lines}
    return [item for item in FundingItem.values if item in named]


def _upsert_meeting(slug, values, create_only=None):
    """Like ``upsert``, but saving the whole row: saving derives the date
    fields' normal form and the calendar rank from the others."""
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is None:
        meeting = Meeting(slug=slug, **(create_only or {}))
    elif all(getattr(meeting, name) == value for name, value in values.items()):
        return meeting
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    meeting.save()
    return meeting


def _meeting(entry, directory):
    meeting = _upsert_meeting(
        entry["slug"],
        {
            "kind": entry["kind"],
            "title_en": entry["title_en"],
            "title_es": entry["title_es"],
            "status": entry["status"],
            "description_en": entry["description"],
            "description_es": _spanish(entry["slug"]).get("description"),
            "conference": directory.conferences[entry["conference"]],
            "host_state": directory.states.get(entry["host_state"]),
            "city": entry["city"],
            "venue": entry.get("venue", ""),
            "time_zone": entry["time_zone"] or settings.TIME_ZONE,
            "date_precision": entry["date_precision"],
            "start_date": _date(entry["start"]),
            "end_date": _date(entry["end"]),
            "month_part": entry["month_part"],
            "date_note": entry["date_note"],
            "funding_needs": _funding_needs(entry["funding"]),
        },
    )
    _relations(
        meeting,
        entry,
        directory,
        working_groups=directory.working_groups(entry["conference"], entry["working_groups"]),
    )
    return meeting


def _relations(meeting, entry, directory, *, working_groups):
    """Working groups, topics, coordinators and funding lines."""
    wanted = {
        meeting.working_groups: working_groups,
        meeting.topics: {directory.topics[slug] for slug in entry["topics"]},
        meeting.coordinating_institutions: {
            directory.institution(key) for key in entry["coordinators"]
        },
    }
    for manager, rows in wanted.items():
        if set(manager.all()) != rows:
            manager.set(rows)
    for line in entry["funding"]:
        upsert(
            FundingCommitment,
            {
                "meeting": meeting,
                "party": directory.institution(line.get("party")),
                "party_name": line.get("party_name", ""),
                "item": line["item"],
            },
            {"status": line["status"], "note": line["note"]},
        )


def _agenda(meeting, sessions, directory):
    spanish_titles = _spanish(meeting.slug).get("sessions", {})
    for position, entry in enumerate(sessions, start=1):
        session = upsert(
            AgendaSession,
            {"meeting": meeting, "title_en": entry["title"]},
            {
                "title_es": spanish_titles.get(entry["title"]),
                "day_number": entry["day"],
                "kind": entry["kind"],
                "moderator": entry.get("moderator", ""),
                "summary_en": "\n\n".join(entry.get("summary", [])),
                "position": position,
                "start_time": _time(entry.get("start_time")),
                "end_time": _time(entry.get("end_time")),
            },
        )
        for order, presenter in enumerate(entry.get("presenters", []), start=1):
            upsert(
                Presenter,
                {"session": session, "name": presenter["name"]},
                {
                    "title": presenter["title"],
                    "institution": directory.institution(presenter.get("institution")),
                    "organization": presenter.get("organization", ""),
                    "position": order,
                },
            )


def _spanish(slug):
    """The Spanish versions of a meeting's texts (demo_data.SPANISH)."""
    return demo_data.SPANISH.get(slug, {})


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def _documents(meeting, documents):
    """Documents without files: the seeds name them, they do not hold them.
    Dated the meeting's day, for which they were prepared."""
    for document in documents:
        upsert(
            Document,
            {"symbol": document["symbol"]},
            {
                "meeting": meeting,
                "title_en": document["title_en"],
                "title_es": document["title_es"],
                "kind": document["kind"],
                "published_on": meeting.start_date,
            },
        )


def _upcoming(entry, directory):
    today = timezone.localdate()
    start = today + datetime.timedelta(days=entry["days_ahead"])
    opens = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(
        days=entry["registration_opened_days_ago"]
    )
    closes = datetime.datetime.combine(
        start - datetime.timedelta(days=entry["registration_closes_days_before"]),
        datetime.time(23, 59),
        tzinfo=zoneinfo.ZoneInfo(entry["time_zone"]),
    )
    meeting = _upsert_meeting(
        entry["slug"],
        {
            "kind": entry["kind"],
            "title_en": entry["title_en"],
            "title_es": entry["title_es"],
            "status": "confirmed",
            "description_en": entry["description"],
            "description_es": _spanish(entry["slug"]).get("description"),
            "host_state": directory.states[entry["host_state"]],
            "city": entry["city"],
            "time_zone": entry["time_zone"],
            "date_precision": "day",
            "start_time": _time(entry["start_time"]),
            "end_time": _time(entry["end_time"]),
            "languages": entry["languages"],
            "interpretation": entry["interpretation"],
            "funding_needs": entry["funding_needs"],
            "capacity": entry["capacity"],
            "quota_per_institution": entry["quota_per_institution"],
            "approval": entry["approval"],
            "offer_hours": entry["offer_hours"],
            "participant_list": entry["participant_list"],
        },
        create_only={
            "start_date": start,
            "end_date": start + datetime.timedelta(days=entry["days"] - 1),
            "registration_opens_at": opens,
            "registration_closes_at": closes,
            "national_reports_due": start
            - datetime.timedelta(days=entry["national_reports_due_days_before"]),
        },
    )
    _relations(meeting, entry, directory, working_groups=set())
    _agenda(meeting, entry["sessions"], directory)
    _registrations(meeting, entry["registrations"], directory)


def _past_webinar(entry, directory):
    """The webinar, its participants, who attended (as the platform's
    report, imported, says) and their certificates' codes."""
    day = timezone.localdate() - datetime.timedelta(days=entry["days_ago"])
    starts = datetime.datetime.combine(
        day, _time(entry["start_time"]), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )
    meeting = _upsert_meeting(
        entry["slug"],
        {
            "kind": "webinar",
            "title_en": entry["title_en"],
            "title_es": entry["title_es"],
            "status": "held",
            "description_en": entry["description"],
            "is_online": True,
            "time_zone": settings.TIME_ZONE,
            "date_precision": "day",
            "start_time": _time(entry["start_time"]),
            "end_time": _time(entry["end_time"]),
            "languages": entry["languages"],
            "online_url": entry["online_url"],
            "recording_url": entry["recording_url"],
            "materials_access": entry["materials_access"],
            "certified_hours": Decimal(entry["certified_hours"]),
        },
        create_only={
            "start_date": day,
            "end_date": day,
            "registration_opens_at": starts - datetime.timedelta(days=14),
            "registration_closes_at": starts - datetime.timedelta(days=1),
        },
    )
    entry = {**entry, "funding": []}
    _relations(meeting, entry, directory, working_groups=set())
    _agenda(meeting, entry["sessions"], directory)
    _registrations(meeting, entry["registrations"], directory)
    attended = [each["email"] for each in entry["registrations"] if each["attended"]]
    for registration in meeting.registrations.filter(email__in=attended):
        services.attendance_record(
            registration=registration,
            source=AttendanceSource.IMPORT,
            at=datetime.datetime.combine(meeting.start_date, meeting.start_time, tzinfo=meeting.tz)
            + datetime.timedelta(minutes=3),
        )
        services.certificate_code_for(registration=registration)


def _registrations(meeting, registrations, directory):
    """Create the sample registrations that are missing, each with the moves
    of the way it went; an existing one is left where the demo users moved it."""
    focal_point = User.objects.get(email=DEMO_FOCAL_POINT_EMAIL)
    staff = User.objects.get(email=DEMO_STAFF_EMAIL)
    for entry in registrations:
        if meeting.registrations.filter(email__iexact=entry["email"]).exists():
            continue
        institution = directory.institution(entry["institution"])
        now = timezone.now()
        final = entry["path"][-1]
        registration = Registration(
            meeting=meeting,
            status=final,
            full_name=entry["full_name"],
            job_title=entry["job_title"],
            institution=institution,
            member_state=institution.member_state,
            role=entry["role"],
            email=entry["email"],
            language=entry["language"],
            listed_consent=entry["listed_consent"],
            confirmed_at=now,
            waitlisted_at=now if final == RegistrationStatus.WAITLISTED else None,
        )
        registration.full_clean()
        registration.save()
        # The demo focal point endorses their own delegation; another's focal
        # point is not a demo account.
        endorser = focal_point if focal_point.institution_id == institution.pk else None
        deciders = {RegistrationStatus.ENDORSED: endorser, RegistrationStatus.APPROVED: staff}
        statuses = [RegistrationStatus.PENDING_CONFIRMATION, *entry["path"]]
        # Its moves in the activity log: confirming took it to its place or
        # the waiting list, then the endorsement and the approval.
        ActivityLog.objects.bulk_create(
            ActivityLog(
                content_type=ContentType.objects.get_for_model(registration),
                object_id=registration.pk,
                actor=deciders.get(to_status),
                action="confirm"
                if from_status == RegistrationStatus.PENDING_CONFIRMATION
                else LATER_MOVES[to_status],
                from_state=from_status,
                to_state=to_status,
                created_at=now,
            )
            for from_status, to_status in itertools.pairwise(statuses)
        )
