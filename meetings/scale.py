"""Scale data for meetings: 100 meetings and 5,000 registrations per factor,
with two documents per meeting (see network/scale.py). Most meetings are past
and held; the last tenth are upcoming with registration open."""

import datetime
import random

from django.utils import timezone

from network.enums import InstitutionKind
from network.models import Institution, MemberState, WorkingGroup

from .enums import DelegateRole, DocumentKind, MeetingKind, MeetingStatus, RegistrationStatus
from .models import Document, Meeting, Registration

MEETINGS_PER_FACTOR = 100
REGISTRATIONS_PER_FACTOR = 5000
SLUG_PREFIX = "scale-"

KINDS = [MeetingKind.WORKING_GROUP] * 4 + [
    MeetingKind.WORKSHOP,
    MeetingKind.WORKSHOP,
    MeetingKind.SEMINAR,
    MeetingKind.WEBINAR,
    MeetingKind.PLANNING,
]
SUBJECTS = [
    "Labor inspection",
    "Employment services",
    "Social dialogue",
    "Occupational safety and health",
    "Labor migration",
    "Youth employment",
    "Child labor",
    "Vocational training",
]
PAST_STATUSES = [RegistrationStatus.APPROVED] * 8 + [
    RegistrationStatus.DECLINED,
    RegistrationStatus.WITHDRAWN,
]
OPEN_STATUSES = [
    RegistrationStatus.SUBMITTED,
    RegistrationStatus.APPROVED,
    RegistrationStatus.APPROVED,
    RegistrationStatus.PENDING_CONFIRMATION,
]
FIRST_NAMES = ["Ana", "Carlos", "María", "John", "Luisa", "Pedro", "Sandra", "Jean", "Rosa"]
LAST_NAMES = ["Pérez", "Gómez", "Smith", "Silva", "Rodríguez", "Baptiste", "Díaz", "Brown"]


def generate(factor, rng: random.Random):
    """Meetings, their documents and registrations up to their targets."""
    return _meetings(factor, rng) + _registrations(factor, rng)


def _meetings(factor, rng):
    wanted = MEETINGS_PER_FACTOR * factor - Meeting.objects.count()
    if wanted <= 0:
        return 0
    states = list(MemberState.objects.order_by("iso_code"))
    groups = list(WorkingGroup.objects.order_by("pk"))
    start = Meeting.objects.filter(slug__startswith=SLUG_PREFIX).count()
    today = timezone.localdate()
    now = timezone.now()
    meetings = []
    for number in range(start, start + wanted):
        upcoming = number % 10 == 9
        first_day = (
            today + datetime.timedelta(days=rng.randint(20, 400))
            if upcoming
            else today - datetime.timedelta(days=rng.randint(30, 7000))
        )
        state = rng.choice(states)
        subject = rng.choice(SUBJECTS)
        meeting = Meeting(
            kind=rng.choice(KINDS),
            slug=f"{SLUG_PREFIX}meeting-{number}",
            status=MeetingStatus.CONFIRMED if upcoming else MeetingStatus.HELD,
            host_state=state,
            city=f"Capital of {state.name}",
            start_date=first_day,
            end_date=first_day + datetime.timedelta(days=rng.randint(0, 2)),
            languages=["es", "en"],
            capacity=rng.choice([None, 60, 120]),
            registration_opens_at=now - datetime.timedelta(days=10) if upcoming else None,
            registration_closes_at=(
                timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
                - datetime.timedelta(days=7)
                if upcoming
                else None
            ),
        )
        meeting.title_en = f"{subject}: meeting {number} in {state.name}"
        meeting.title_es = f"{subject}: reunión {number} en {state.name_es or state.name}"
        meeting._normalize_dates()
        meetings.append(meeting)
    Meeting.objects.bulk_create(meetings, batch_size=500)

    created = list(Meeting.objects.filter(slug__in=[meeting.slug for meeting in meetings]))
    if groups:
        Through = Meeting.working_groups.through
        Through.objects.bulk_create(
            [
                Through(meeting_id=meeting.pk, workinggroup_id=rng.choice(groups).pk)
                for meeting in created
            ]
        )
    documents = []
    for meeting in created:
        for position, kind in enumerate([DocumentKind.AGENDA, DocumentKind.FINAL_REPORT], start=1):
            document = Document(
                meeting=meeting,
                symbol=f"RIAL/{meeting.start_date.year}/{meeting.pk}/doc.{position}",
                kind=kind,
                published_on=meeting.start_date,
            )
            document.title_en = f"{kind.label} of {meeting.title_en}"
            documents.append(document)
    Document.objects.bulk_create(documents, batch_size=1000)
    return len(created) + len(documents)


def _registrations(factor, rng):
    wanted = REGISTRATIONS_PER_FACTOR * factor - Registration.objects.count()
    meetings = list(
        Meeting.objects.filter(slug__startswith=SLUG_PREFIX).values_list("pk", "start_date")
    )
    if wanted <= 0 or not meetings:
        return 0
    ministries = list(
        Institution.objects.filter(kind=InstitutionKind.MINISTRY, is_active=True)
        .select_related("member_state")
        .order_by("pk")
    )
    today = timezone.localdate()
    start = Registration.objects.filter(email__endswith="@scale.example").count()
    registrations = []
    for number in range(start, start + wanted):
        meeting_pk, first_day = meetings[number % len(meetings)]
        ministry = rng.choice(ministries)
        registrations.append(
            Registration(
                meeting_id=meeting_pk,
                status=rng.choice(OPEN_STATUSES if first_day > today else PAST_STATUSES),
                full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {number}",
                institution=ministry,
                member_state=ministry.member_state,
                role=rng.choice(DelegateRole.values),
                email=f"delegate{number}@scale.example",
                language=rng.choice(["es", "en"]),
                listed_consent=rng.random() < 0.7,
            )
        )
    Registration.objects.bulk_create(registrations, batch_size=2000)
    return len(registrations)
