"""Reads of meetings shared by the pages, the iCalendar feeds and the
directory's sections. Who may see what is decided by rules.py and by
``MeetingQuerySet.visible_to``; the functions here only apply it."""

import datetime
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Min, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from core import search
from core.sections import Deadline
from core.versions import Version, language_shown, reader_language
from network.models import WorkingGroup
from network.rules import is_active_user, is_focal_point

from . import rules
from .enums import (
    DatePrecision,
    DelegateRole,
    MeetingStatus,
    MonthPart,
    ParticipantListVisibility,
    RegistrationStatus,
    Visibility,
)
from .links import certificate_path, manage_token
from .models import (
    Document,
    DocumentFile,
    FundingCommitment,
    Meeting,
    NationalReport,
    Presenter,
    Registration,
)

# A timeline wider than this is unreadable, and a bound keeps a URL from
# asking for a table of centuries.
TIMELINE_MAX_YEARS = 4
SECTION_LIMIT = 10
# The next meetings a focal point's dashboard lists.
DASHBOARD_UPCOMING = 5
# Short enough for a cell of one month in the timeline.
MONTH_PART_SHORT = {
    MonthPart.BEGINNING: pgettext_lazy("part of the month", "beginning"),
    MonthPart.MIDDLE: pgettext_lazy("part of the month", "middle"),
    MonthPart.END: pgettext_lazy("part of the month", "end"),
}


def meetings_for_list(queryset):
    """What a list of meetings shows, fetched in a fixed number of queries."""
    return queryset.select_related("host_state", "conference").prefetch_related(
        Prefetch("working_groups", queryset=WorkingGroup.objects.select_related("conference"))
    )


# Columns a meeting's card or a section's line never shows: the description
# in every language, the search columns, the participation figures.
CARD_DEFERRED = (
    "description",
    *(
        build_localized_fieldname("description", code)
        for code in settings.MODELTRANSLATION_LANGUAGES
    ),
    "search_vector",
    "search_title",
    "participation_summary",
)


def meetings_for_cards(queryset):
    """What meetings/_meeting_card.html and the sections show, and no more."""
    return meetings_for_list(queryset).defer(*CARD_DEFERRED)


def meetings_for_lines(queryset):
    """What a section's line or the home page's block shows of a meeting:
    no working group and no conference, so neither is fetched."""
    return queryset.select_related("host_state").defer(*CARD_DEFERRED)


def meetings_audience(user):
    """What ``Meeting.objects.visible_to(user)`` depends on, as a key for
    markup kept per audience (the meetings list): "all" for those who see
    every meeting; else the restricted meetings ``user`` sees besides the
    public ones, as an approved delegate: none for a visitor, and for most
    people signed in, who then share the visitors' copy."""
    if rules.is_meetings_staff(user) or is_focal_point(user):
        return "all"
    if not user.is_authenticated:
        return ()
    approved = Registration.objects.for_person(user).filter(status=RegistrationStatus.APPROVED)
    return tuple(approved.order_by("meeting_id").values_list("meeting_id", flat=True).distinct())


def meetings_upcoming(*, user, today=None):
    """Meetings with their days set that have not ended, the soonest first.
    Those whose days are not set yet are planned (meetings_planned), apart."""
    return meetings_for_cards(
        Meeting.objects.visible_to(user).upcoming(today).dated().in_calendar_order()
    )


def meetings_planned(*, user, today=None):
    """Meetings whose days are not set yet, by the period they are planned
    for, "to be defined" last."""
    return meetings_for_cards(Meeting.objects.visible_to(user).planned(today).in_calendar_order())


def meetings_next(*, user, today=None, limit=3):
    """The next few meetings with their days set, for the home page."""
    meetings = Meeting.objects.visible_to(user).upcoming(today).dated().in_calendar_order()
    return list(meetings_for_lines(meetings)[:limit])


def home_section(user):
    """The home page's block of the next meetings, those open for
    registration marked with their deadline."""
    meetings = meetings_next(user=user)
    if not meetings:
        return None
    return "meetings/_section_home.html", {"meetings": meetings}


def meetings_past(*, user, today=None):
    """Held (or cancelled) meetings, the most recent first."""
    return meetings_for_cards(
        Meeting.objects.visible_to(user).past(today).in_calendar_order().reverse()
    )


def meeting_for_page(*, slug):
    """The meeting at ``slug`` with what its page shows, or None. Whether the
    reader may see it is the view's to check (rules.can_view_meeting)."""
    funding_lines = FundingCommitment.objects.select_related("party__member_state")
    return (
        Meeting.objects.select_related("host_state", "conference")
        .prefetch_related(
            Prefetch("working_groups", queryset=WorkingGroup.objects.select_related("conference")),
            "topics",
            "coordinating_institutions",
            # Meeting.uncovered_items() reads these: prefetched, it costs nothing.
            Prefetch("funding_lines", queryset=funding_lines),
        )
        .filter(slug=slug)
        .first()
    )


def meetings_for_feed(*, user):
    """The meetings of the iCalendar feed: those ``user`` may see whose days are known."""
    return (
        Meeting.objects.visible_to(user)
        .filter(date_precision=DatePrecision.DAY, start_date__isnull=False)
        .select_related("host_state")
        .in_calendar_order()
    )


@dataclass
class AgendaDay:
    number: int
    date: datetime.date | None
    sessions: list


def agenda_by_day(meeting):
    """[AgendaDay, …]: the sessions of each day in order, with their presenters."""
    sessions = meeting.sessions.prefetch_related(
        Prefetch(
            "presenters", queryset=Presenter.objects.select_related("institution__member_state")
        )
    )
    days = []
    for number, day_sessions in groupby(sessions, key=lambda session: session.day_number):
        day_sessions = list(day_sessions)
        days.append(AgendaDay(number=number, date=day_sessions[0].date(), sessions=day_sessions))
    return days


@dataclass
class Agenda:
    days: list
    only_in: list


def agenda_for_page(meeting):
    """The meeting's agenda by day, and the languages parts of it are shown
    in when not in the reader's."""
    days = agenda_by_day(meeting)
    return Agenda(days=days, only_in=agenda_languages_missing(days))


def agenda_languages_missing(agenda):
    """The names of the languages the agenda's sessions are shown in when
    they are not in the reader's ("inglés"), for a note on the page."""
    reader = reader_language()
    codes = {
        language_shown(session, name)
        for day in agenda
        for session in day.sessions
        for name in ("title", "summary")
        if getattr(session, name)
    }
    return [Version(code).name for code in sorted(codes - {reader})]


def documents_of_meeting(*, meeting, user):
    """The meeting's documents with their language versions, each marked
    ``downloadable`` for ``user``. Delegates-only documents are listed to
    everyone who sees the meeting, so that delegates know what exists."""
    documents = list(meeting.documents.prefetch_related("files"))
    # The rule depends only on the person, the meeting and the document's
    # visibility: one verdict per visibility keeps the page's queries fixed.
    verdicts = {}
    for document in documents:
        if document.visibility not in verdicts:
            verdicts[document.visibility] = rules.can_download_document(user, document)
        document.downloadable = verdicts[document.visibility]
    return documents


@dataclass
class FundingTable:
    """Who covers what: one row per party, one column per item."""

    items: list
    rows: list
    uncovered: list


def funding_table(meeting):
    """The meeting's funding commitments as a party-by-item table. Columns are
    the items the meeting needs and those someone offered; each cell holds the
    commitments of that party for that item."""
    lines = list(meeting.funding_lines.all())
    uncovered = meeting.uncovered_items()
    wanted = set(meeting.funding_needs) | {line.item for line in lines}
    item_choices = FundingCommitment._meta.get_field("item").choices
    items = [
        {"value": value, "label": label, "uncovered": value in uncovered}
        for value, label in item_choices
        if value in wanted
    ]
    parties = {}
    for line in lines:
        cells = parties.setdefault(line.party_display, {})
        cells.setdefault(line.item, []).append(line)
    rows = [
        {"party": party, "cells": [cells.get(item["value"], []) for item in items]}
        for party, cells in sorted(parties.items(), key=lambda pair: pair[0].casefold())
    ]
    return FundingTable(items=items, rows=rows, uncovered=uncovered)


@dataclass(frozen=True)
class RegistrationPlaces:
    """What a person about to register needs to know about places: the
    meeting's left (None: no limit), the limit per institution (None: none)
    and, once the institution is known, how many of its places are left."""

    left: int | None
    quota: int | None
    institution: object = None
    institution_left: int | None = None

    @property
    def for_institution(self):
        """The places one more delegate of the institution could take (None: no limit)."""
        known = [n for n in (self.left, self.institution_left) if n is not None]
        return min(known) if known else None


def registration_places(*, meeting, institution=None):
    """The places of ``meeting`` for someone of ``institution`` (an
    Institution or None), for the meeting page and the registration form."""
    institution_id = institution.pk if institution is not None else None
    return RegistrationPlaces(
        left=meeting.places_left(),
        quota=meeting.quota_per_institution,
        institution=institution,
        institution_left=meeting.institution_places_left(institution_id),
    )


@dataclass
class Delegation:
    name: str
    member_state: str
    participants: list


ROLE_ORDER = {role: index for index, role in enumerate(DelegateRole.values)}


def member_state_name(registration):
    return str(registration.member_state) if registration.member_state_id else ""


def delegation_key(registration):
    """Delegations of member states first, by state, then the others
    (international organizations, guests), by name."""
    state = member_state_name(registration)
    return (not state, state.casefold(), registration.delegation.casefold())


def in_delegation_order(registrations):
    """``registrations`` as a list by delegation, the head of each delegation
    first. Sorted here, not in SQL: the names of states and institutions are
    translated, and a list of participants is a few hundred rows at most."""
    return sorted(
        registrations.select_related("institution__member_state", "member_state"),
        key=lambda r: (
            *delegation_key(r),
            ROLE_ORDER.get(r.role, len(ROLE_ORDER)),
            r.full_name.casefold(),
            r.pk,
        ),
    )


def participant_list(meeting):
    """The official list of participants grouped by delegation, as the
    meeting's ``participant_list`` allows; None when the list is hidden."""
    if meeting.participant_list == ParticipantListVisibility.HIDDEN:
        return None
    registrations = Registration.objects.filter(meeting=meeting, status=RegistrationStatus.APPROVED)
    if meeting.participant_list == ParticipantListVisibility.CONSENTING:
        registrations = registrations.filter(listed_consent=True)
    return [
        Delegation(
            name=members[0].delegation,
            member_state=member_state_name(members[0]),
            participants=members,
        )
        for members in (
            list(group)
            for _key, group in groupby(in_delegation_order(registrations), key=delegation_key)
        )
    ]


def language_names(codes):
    """Display names of content language codes; an unknown code is shown as typed."""
    names = dict(settings.CONTENT_LANGUAGES)
    return [str(names.get(code, code)) for code in codes]


def time_zone_label(meeting):
    """The time zone's name with its UTC offset on the meeting's first day
    (or today), such as "America/New_York (UTC-04:00)", written with a true
    minus sign. The offset changes with daylight saving time: the day matters."""
    day = meeting.start_date or timezone.localdate()
    offset = datetime.datetime.combine(day, datetime.time(12), tzinfo=meeting.tz).utcoffset()
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{meeting.time_zone} (UTC{sign}{hours:02d}:{minutes:02d})"


# Documents -------------------------------------------------------------------


def documents_visible_to(user):
    """The documents ``user`` may download, as a query: the same answer as
    ``rules.can_download_document`` for each one (tested side by side)."""
    documents = Document.objects.filter(meeting__in=Meeting.objects.visible_to(user))
    if rules.is_meetings_staff(user) or is_focal_point(user):
        return documents
    public = Q(visibility=Visibility.PUBLIC)
    if is_active_user(user):
        delegate_of = Registration.objects.for_person(user).filter(
            status=RegistrationStatus.APPROVED
        )
        return documents.filter(public | Q(meeting__in=delegate_of.values("meeting_id")))
    return documents.filter(public)


def document_search(*, user, query="", kind="", bounded=True):
    """Documents ``user`` may download matching ``query`` in their symbol or
    their title in any language; symbol matches first (an exact symbol before
    a partial one), then the newest. Past ``search.MAX_MATCHES`` matches, the
    newest MAX_MATCHES + 1 of those ``kind`` keeps, whose count says "more"
    (``search.bounded``), as the program search: a common word would
    otherwise sort and count every document. ``bounded=False`` leaves the
    bound to the caller, to apply after filters of its own."""
    documents = documents_visible_to(user)
    if kind:
        documents = documents.filter(kind=kind)
    query = " ".join(query.split())[:100]
    if query:
        documents = documents.filter(_document_matches(query))
        if bounded:
            documents = search.bounded(documents)
        documents = documents.annotate(
            symbol_match=Case(
                When(symbol__iexact=query, then=Value(0)),
                When(symbol__icontains=query, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        documents = documents.order_by("symbol_match", "-published_on", "symbol", "pk")
    else:
        documents = documents.order_by("-published_on", "symbol", "pk")
    return documents.select_related("meeting").prefetch_related(
        Prefetch("files", queryset=DocumentFile.objects.order_by("language"))
    )


def _document_matches(query):
    """The symbol or a title contains ``query``. On PostgreSQL through the
    generated ``search_title`` (symbol and titles unaccented, in lower case)
    and its trigram index; elsewhere every language's column, since
    modeltranslation would otherwise search only the reader's language, and
    people search in theirs whatever the page's language is."""
    if search.is_postgresql():
        return Q(search_title__contains=search.fold(query))
    in_title = Q(symbol__icontains=query)
    for code in AVAILABLE_LANGUAGES:
        in_title |= Q(**{f"{build_localized_fieldname('title', code)}__icontains": query})
    return in_title


# Timeline --------------------------------------------------------------------


def month_span(meeting):
    """(first month, last month) a meeting may fall in, as first days of
    months; None when its dates are to be defined."""
    start = meeting.start_date
    if meeting.date_precision == DatePrecision.UNDEFINED or start is None:
        return None
    first = start.replace(day=1)
    if meeting.date_precision == DatePrecision.SEMESTER:
        return first, _add_months(first, 5)
    if meeting.date_precision == DatePrecision.YEAR:
        return first.replace(month=1), first.replace(month=12)
    if meeting.date_precision == DatePrecision.MONTH:
        return first, first
    return first, (meeting.end_date or start).replace(day=1)


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _months_between(first, last):
    return (last.year - first.year) * 12 + last.month - first.month


def timeline_label(meeting):
    """What the timeline's cell says, as the 2006-2007 timeline did: the days
    ("23-24"), the part of the month ("beginning") or the semester."""
    precision = meeting.date_precision
    if precision == DatePrecision.DAY:
        start, end = meeting.start_date, meeting.last_day
        if start == end:
            return str(start.day)
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day}"
        return meeting.dates_display()
    if precision == DatePrecision.MONTH:
        return str(MONTH_PART_SHORT.get(meeting.month_part, ""))
    return meeting.dates_display()


@dataclass
class TimelineRow:
    meeting: Meeting
    before: int
    span: int
    after: int
    label: str


@dataclass
class Timeline:
    years: list
    months: list
    rows: list
    undefined: list


def timeline(*, meetings, first_year, last_year):
    """A month-by-month table of ``meetings`` from January of ``first_year``
    to December of ``last_year``: one row per meeting, placed in the months
    it may fall in (clipped to the period); meetings whose dates are to be
    defined go to ``undefined``."""
    first = datetime.date(first_year, 1, 1)
    last = datetime.date(last_year, 12, 1)
    width = _months_between(first, last) + 1
    rows, undefined = [], []
    for meeting in meetings:
        span = month_span(meeting)
        if span is None:
            undefined.append(meeting)
            continue
        start, end = max(span[0], first), min(span[1], last)
        if start > end:
            continue
        before = _months_between(first, start)
        length = _months_between(start, end) + 1
        rows.append(
            TimelineRow(
                meeting=meeting,
                before=before,
                span=length,
                after=width - before - length,
                label=timeline_label(meeting),
            )
        )
    return Timeline(
        years=list(range(first_year, last_year + 1)),
        months=[_add_months(first, index) for index in range(width)],
        rows=rows,
        undefined=undefined,
    )


def timeline_for(*, user, conference=None, first_year, last_year):
    """The timeline of the meetings ``user`` may see: of a conference cycle
    (over the years its dated meetings cover, at most TIMELINE_MAX_YEARS,
    with those to be defined), or of the years from ``first_year`` to
    ``last_year``."""
    meetings = Meeting.objects.visible_to(user).select_related("host_state").in_calendar_order()
    if conference is not None:
        meetings = list(meetings.filter(conference=conference))
        spans = [span for span in (month_span(meeting) for meeting in meetings) if span]
        if spans:
            first_year = min(start.year for start, _end in spans)
            last_year = min(
                max(end.year for _start, end in spans), first_year + TIMELINE_MAX_YEARS - 1
            )
        else:
            first_year, last_year = conference.year, conference.year + 1
        return timeline(meetings=meetings, first_year=first_year, last_year=last_year)
    start, end = datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)
    # A semester or a year is stored as its first day: reach back far enough
    # to catch one that began before the period and runs into it.
    candidates = meetings.filter(start_date__lte=end).filter(
        Q(end_date__gte=start) | Q(start_date__gte=_add_months(start, -11))
    )
    return timeline(meetings=candidates, first_year=first_year, last_year=last_year)


# Sections of the directory's pages --------------------------------------------


def _section_meetings(queryset, today=None):
    """Upcoming meetings first (soonest first), then those planned without
    days yet (as the calendar's tabs have them), then the latest past ones.
    Sections know no reader, so they list public meetings only."""
    public = meetings_for_lines(queryset.filter(visibility=Visibility.PUBLIC))
    return {
        "upcoming": list(public.upcoming(today).dated().in_calendar_order()[:SECTION_LIMIT]),
        "planned": list(public.planned(today).in_calendar_order()[:SECTION_LIMIT]),
        "past": list(public.past(today).in_calendar_order().reverse()[:SECTION_LIMIT]),
    }


def member_state_section(member_state):
    """The meetings block of a member state's page: the meetings it hosts."""
    meetings = _section_meetings(Meeting.objects.filter(host_state=member_state))
    if not any(meetings.values()):
        return None
    return "meetings/_section_meetings.html", {
        **meetings,
        "heading_id": "meetings-hosted-heading",
        "query": f"host_state={member_state.iso_code}",
    }


def topic_section(topic):
    """The meetings block of a topic's page."""
    through = Meeting.topics.through.objects.filter(topic=topic).values("meeting_id")
    meetings = _section_meetings(Meeting.objects.filter(pk__in=through))
    if not any(meetings.values()):
        return None
    return "meetings/_section_meetings.html", {
        **meetings,
        "heading_id": "meetings-topic-heading",
        "query": f"topic={topic.slug}",
    }


def dashboard_section(user):
    """A person's own registrations (with the link to manage each), and for a
    focal point, their delegation's registrations awaiting endorsement."""
    if not is_active_user(user):
        return None
    mine = list(
        Registration.objects.for_person(user)
        .filter(meeting__in=Meeting.objects.upcoming())
        .select_related("meeting")
        .order_by("meeting__start_date", "pk")
    )
    to_endorse = 0
    if is_focal_point(user):
        to_endorse = Registration.objects.filter(
            institution_id=user.institution_id,
            status=RegistrationStatus.SUBMITTED,
            meeting__approval="endorsement",
        ).count()
    if not mine and not is_focal_point(user):
        return None
    return "meetings/_section_dashboard.html", {
        "registrations": [(r, manage_token(r)) for r in mine],
        "to_endorse": to_endorse,
        "is_focal_point": is_focal_point(user),
        "upcoming": upcoming_for_delegation(user) if is_focal_point(user) else [],
    }


def upcoming_for_delegation(user, today=None):
    """The next meetings a focal point may see, each with ``delegation``:
    how many people their institution has registered (and not withdrawn)."""
    meetings = list(
        Meeting.objects.visible_to(user)
        .upcoming(today)
        .select_related("host_state")
        .in_calendar_order()[:DASHBOARD_UPCOMING]
    )
    counts = dict(
        Registration.objects.filter(institution_id=user.institution_id, meeting__in=meetings)
        .holding_places()
        .values_list("meeting_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for meeting in meetings:
        meeting.delegation = counts.get(meeting.pk, 0)
    return meetings


def deadlines(user, now=None):
    """A focal point's meeting deadlines (sections.DEADLINES): registration
    closing for the meetings open now, and the national reports their state
    has still to send."""
    if not is_focal_point(user):
        return []
    now = now or timezone.now()
    visible = Meeting.objects.visible_to(user)
    closing = visible.open_for_registration(now).order_by("registration_closes_at", "pk")
    found = [
        Deadline(
            due=timezone.localdate(meeting.registration_closes_at),
            title=meeting.title,
            what=_("Registration closes"),
            url=meeting.get_absolute_url(),
        )
        for meeting in closing[:SECTION_LIMIT]
    ]
    member_state_id = user.institution.member_state_id
    if member_state_id is not None:
        sent = NationalReport.objects.filter(member_state_id=member_state_id)
        reports_due = (
            visible.filter(national_reports_due__gte=timezone.localdate(now))
            .exclude(status=MeetingStatus.CANCELLED)
            .exclude(pk__in=sent.values("meeting_id"))
            .order_by("national_reports_due", "pk")[:SECTION_LIMIT]
        )
        found += [
            Deadline(
                due=meeting.national_reports_due,
                title=meeting.title,
                what=_("National report due"),
                url=reverse("meetings:national_report_upload", args=[meeting.slug]),
            )
            for meeting in reports_due
        ]
    return found


def personal_data(user):
    """For a person's data export: their registrations for meetings."""
    registrations = Registration.objects.for_person(user).select_related(
        "meeting", "institution", "member_state"
    )
    return "meeting_registrations", [
        {
            "meeting": str(r.meeting),
            "status": r.status,
            "full_name": r.full_name,
            "job_title": r.job_title,
            "delegation": r.delegation,
            "member_state": str(r.member_state) if r.member_state_id else "",
            "role": r.role,
            "email": r.email,
            "phone": r.phone,
            "needs_visa_letter": r.needs_visa_letter,
            "requests_travel_funding": r.requests_travel_funding,
            "accessibility_needs": r.accessibility_needs,
            "dietary_needs": r.dietary_needs,
            "listed_consent": r.listed_consent,
            "registered_at": r.created_at.isoformat(),
        }
        for r in registrations
    ]


def with_uncovered_funding(meetings):
    """The meetings of ``meetings`` that need an item no party has committed
    to cover, each with ``uncovered`` (its FundingItems) set. Worked out in
    Python: the needs are a JSON list, and there are tens of meetings a cycle."""
    lines = FundingCommitment.objects.select_related("party__member_state")
    found = []
    for meeting in meetings.prefetch_related(Prefetch("funding_lines", queryset=lines)):
        meeting.uncovered = meeting.uncovered_items()
        if meeting.uncovered:
            found.append(meeting)
    return found


def upcoming_with_uncovered_funding(today=None):
    """Meetings to come, not cancelled, whose funding is not all committed."""
    return with_uncovered_funding(
        Meeting.objects.upcoming(today).select_related("host_state").in_calendar_order()
    )


def next_registration_moment(now):
    """sections.CLOCK: the next time a meeting's registration opens or closes,
    which changes its page and the lists that say "registration open"."""
    meetings = Meeting.objects.exclude(status=MeetingStatus.CANCELLED)
    moments = meetings.aggregate(
        opens=Min("registration_opens_at", filter=Q(registration_opens_at__gt=now)),
        closes=Min("registration_closes_at", filter=Q(registration_closes_at__gt=now)),
    )
    return min(filter(None, moments.values()), default=None)


# Attendance ---------------------------------------------------------------


def check_in_list(meeting):
    """The approved participants of ``meeting`` in name order, with their
    delegation: the list the door's staff tick."""
    return (
        meeting.registrations.filter(status=RegistrationStatus.APPROVED)
        .select_related("institution__member_state", "member_state")
        .order_by("full_name", "pk")
    )


def attendance_counts(meeting):
    """{"present": …, "approved": …} of ``meeting``'s approved participants."""
    return meeting.registrations.filter(status=RegistrationStatus.APPROVED).aggregate(
        approved=Count("pk"), present=Count("pk", filter=Q(attended_at__isnull=False))
    )


def certificate_by_code(*, code):
    """The certified registration whose certificate bears ``code`` (as
    normalized by models.normalize_certificate_code), with its meeting; None
    for a code never issued."""
    if not code:
        return None
    return (
        Registration.objects.certified()
        .select_related("meeting")
        .filter(certificate_code=code)
        .first()
    )


def certificate_path_for(*, user, meeting):
    """The link to the signed-in person's certificate of attendance of
    ``meeting``, if they have one (rules.registration_may_have_certificate)."""
    if not is_active_user(user) or not meeting.is_over():
        return None
    registration = meeting.registrations.for_person(user).certified().first()
    return certificate_path(registration) if registration else None
