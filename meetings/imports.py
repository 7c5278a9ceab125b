"""Meetings held before the portal, and who took part in them, brought in
from the spreadsheets the Secretariat kept (``core.imports``).

A meeting row is about the meeting with its slug when the file gives one,
otherwise the meeting with one of its titles that starts on the same first
possible day (the dates are kept as precisely as the records know them: a
year, a semester, a month and its part, or the days). A meeting is imported
as the records say, held by default; a meeting not started yet cannot be
held.

A participant row is about one person at one meeting held: the
registration of the meeting with the row's email address, or, for the many
historical records without one, with the person's name. Historical
participants are recorded as registrations that are approved from the
start, marked with the file they came from (``imported_from``), and:

- no email is sent, no confirmation asked and no workflow move made: they
  did not register on the portal, they attended a meeting that is over;
- the meeting's capacity, quota per institution and registration dates are
  not checked: they rule registering for a meeting to come;
- nobody was asked to appear in the public list of participants
  (``listed_consent`` stays unset): they appear in it only where staff set
  the meeting's list to all participants, as its final report published it;
- the purge of personal data after the retention period passes them by:
  they are the meeting's archive, brought in on purpose long after it;
- a registration made on the portal is never changed by an import.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    Action,
    Column,
    Importer,
    Lookup,
    RowRefused,
    folded,
    translated_names,
)
from network.contact_imports import institution_lookup
from network.models import MemberState

from . import rules
from .enums import (
    DatePrecision,
    DelegateRole,
    MeetingKind,
    MeetingStatus,
    MonthPart,
    RegistrationStatus,
)
from .models import Meeting, Registration

CONTENT_CODES = [code for code, _name in settings.CONTENT_LANGUAGES]
TITLE_COLUMNS = [f"title_{code}" for code in CONTENT_CODES]
YEAR = re.compile(r"^\d{4}$")
YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
YES = ("yes", "y", "true", "1", "x", "sí", "si", "sim", "oui")
NO = ("no", "n", "false", "0", "", "não", "nao", "non")
# The meeting's fields an import sets: a row equal to them changes nothing.
MEETING_FIELDS = (
    *TITLE_COLUMNS,
    "kind",
    "status",
    "date_precision",
    "start_date",
    "end_date",
    "month_part",
    "date_note",
    "host_state",
    "city",
    "venue",
    "is_online",
)
PARTICIPANT_FIELDS = (
    "full_name",
    "job_title",
    "institution",
    "organization",
    "member_state",
    "role",
    "email",
)


def member_state_lookup():
    """Member states by ISO code or name in any language."""
    return Lookup(
        MemberState.objects.all(),
        lambda state: [state.iso_code, *translated_names(state)],
        unknown=_("No member state is known as “%(value)s”."),
        ambiguous=_("“%(value)s” may be %(records)s; give its code."),
    )


def meeting_lookup():
    """Meetings by slug or by title in any language."""
    return Lookup(
        Meeting.objects.all(),
        lambda meeting: [meeting.slug, *translated_names(meeting, "title")],
        unknown=_("No meeting is known as “%(value)s”."),
        ambiguous=_("“%(value)s” may be %(records)s; give the meeting's slug."),
    )


def _yes_no(row, column):
    text = row.text(column).casefold()
    if text in YES and text:
        return True
    if text in NO:
        return False
    row.error(column, _("Write yes or no."))
    return False


def _start(row):
    """(date, precision read from its form): "2006", "2006-04" or a day."""
    text = row.text("start_date")
    if not text:
        return None, DatePrecision.UNDEFINED
    if YEAR.match(text):
        return datetime.date(int(text), 1, 1), DatePrecision.YEAR
    month = YEAR_MONTH.match(text)
    if month:
        if 1 <= int(month.group(2)) <= 12:
            return datetime.date(int(month.group(1)), int(month.group(2)), 1), DatePrecision.MONTH
        row.error("start_date", _("“%(value)s” is not a month.") % {"value": text})
        return None, DatePrecision.UNDEFINED
    return row.date("start_date"), DatePrecision.DAY


class MeetingImporter(Importer):
    label = gettext_lazy("meetings")
    columns = (
        Column(
            "slug",
            gettext_lazy(
                "The meeting's address on the portal (optional); it identifies the meeting. "
                "Without it, a meeting is found by its title and first day."
            ),
        ),
        *(
            Column(
                name,
                gettext_lazy("The title in this language; at least one title is required."),
            )
            for name in TITLE_COLUMNS
        ),
        Column(
            "kind",
            gettext_lazy(
                "working_group, workshop, seminar, symposium, webinar, planning, preparatory "
                "or conference."
            ),
            required=True,
        ),
        Column(
            "status",
            gettext_lazy("held, confirmed, proposed or cancelled (held when empty)."),
        ),
        Column(
            "date_precision",
            gettext_lazy(
                "day, month, semester, year or undefined; when empty, read from the start "
                "date (2006, 2006-04 or 2006-04-10)."
            ),
        ),
        Column(
            "start_date",
            gettext_lazy(
                "The first day (YYYY-MM-DD), or the month (YYYY-MM) or year (YYYY) when "
                "only that is known."
            ),
        ),
        Column("end_date", gettext_lazy("The last day (YYYY-MM-DD), for exact days.")),
        Column(
            "month_part",
            gettext_lazy("For a month: beginning, middle or end (empty: any time in it)."),
        ),
        Column("date_note", gettext_lazy("A note on the dates.")),
        Column(
            "host_state",
            gettext_lazy("The host member state: its code or name in any language."),
        ),
        Column("city", gettext_lazy("The city.")),
        Column("venue", gettext_lazy("The venue.")),
        Column("online", gettext_lazy("yes if the meeting was held online (no when empty).")),
    )
    field_columns = {name: name for name in (*MEETING_FIELDS, "slug")}
    field_columns.update(host_state="host_state", is_online="online")

    def prepare(self):
        self.states = member_state_lookup()

    def key(self, cells):
        if cells.get("slug"):
            return ("slug", cells["slug"].strip().lower())
        titles = [folded(cells.get(name, "")) for name in TITLE_COLUMNS if cells.get(name)]
        return ("title", titles[0], cells.get("start_date", "").strip()) if titles else None

    def import_row(self, row, *, user):
        if not (user.has_perm("meetings.add_meeting") and user.has_perm("meetings.change_meeting")):
            raise PermissionDenied(_("Only the Technical Secretariat manages meetings."))
        titles = {name: row.text(name) for name in TITLE_COLUMNS}
        if not any(titles.values()):
            row.error("", _("Give the meeting's title in at least one language."))
        start_date, read_precision = _start(row)
        precision = row.choice("date_precision", DatePrecision.choices, default=read_precision)
        values = {
            **titles,
            "kind": row.choice("kind", MeetingKind.choices, required=True),
            "status": row.choice("status", MeetingStatus.choices, default=MeetingStatus.HELD),
            "date_precision": precision,
            "start_date": start_date,
            "end_date": row.date("end_date"),
            "month_part": row.choice("month_part", MonthPart.choices, default=MonthPart.WHOLE),
            "date_note": row.text("date_note"),
            "host_state": row.record("host_state", self.states),
            "city": row.text("city"),
            "venue": row.text("venue"),
            "is_online": _yes_no(row, "online"),
        }
        slug = row.text("slug").strip().lower()
        row.done()

        candidate = Meeting(**values)
        # The dates as the meeting keeps them: the first possible day.
        candidate._normalize_dates()
        values.update(
            start_date=candidate.start_date,
            end_date=candidate.end_date,
            month_part=candidate.month_part,
        )
        if values["status"] == MeetingStatus.HELD and (
            values["start_date"] is None or values["start_date"] > timezone.localdate()
        ):
            raise RowRefused(
                {"status": [_("A meeting can be held only once it has started: check its dates.")]}
            )
        meeting = self._find(slug, titles, values["start_date"])
        if meeting is None:
            meeting = candidate
            meeting.slug = slug
            action = Action.CREATED
        elif all(getattr(meeting, name) == value for name, value in values.items()):
            return Action.UNCHANGED, meeting
        else:
            for name, value in values.items():
                setattr(meeting, name, value)
            action = Action.UPDATED
        meeting.full_clean(exclude=["search_vector", "search_title"])
        meeting.save()
        return action, meeting

    def _find(self, slug, titles, start_date):
        if slug:
            return Meeting.objects.filter(slug=slug).first()
        for name, title in titles.items():
            if title:
                found = list(
                    Meeting.objects.filter(**{f"{name}__iexact": title, "start_date": start_date})[
                        :2
                    ]
                )
                if len(found) > 1:
                    raise RowRefused(
                        {name: [_("Several meetings bear this title and date; give the slug.")]}
                    )
                if found:
                    return found[0]
        return None


class ParticipantImporter(Importer):
    label = gettext_lazy("participants of meetings held")
    columns = (
        Column(
            "meeting",
            gettext_lazy("The meeting held: its slug, or its title in any language."),
            required=True,
        ),
        Column("full_name", gettext_lazy("The person's full name."), required=True),
        Column("job_title", gettext_lazy("Title or position.")),
        Column(
            "institution",
            gettext_lazy(
                "The institution: its acronym or name in any language; a ministry of labor "
                "also by its member state's code or name."
            ),
        ),
        Column(
            "organization",
            gettext_lazy("The organization, when the institution is not in the directory."),
        ),
        Column(
            "member_state",
            gettext_lazy("The member state the person represented (a ministry's own when empty)."),
        ),
        Column(
            "role",
            gettext_lazy(
                "head, delegate, adviser, observer, speaker or press (delegate when empty)."
            ),
        ),
        Column(
            "email",
            gettext_lazy("The person's email address, if the records have it; no email is sent."),
        ),
    )
    field_columns = {name: name for name in PARTICIPANT_FIELDS}

    def prepare(self):
        self.meetings = meeting_lookup()
        self.institutions = institution_lookup()
        self.states = member_state_lookup()

    def key(self, cells):
        meeting = folded(cells.get("meeting", ""))
        email = cells.get("email", "").strip().lower()
        return (meeting, "email", email) if email else (meeting, folded(cells.get("full_name", "")))

    def import_row(self, row, *, user):
        if not rules.can_manage_registrations(user):
            raise PermissionDenied(_("Only the Technical Secretariat manages registrations."))
        meeting = row.record("meeting", self.meetings, required=True)
        if meeting is not None and meeting.status != MeetingStatus.HELD:
            row.error(
                "meeting",
                _(
                    "Participants are imported for meetings held; people register for "
                    "“%(meeting)s” on the portal."
                )
                % {"meeting": meeting},
            )
        institution = row.record("institution", self.institutions)
        member_state = row.record("member_state", self.states)
        if member_state is None and institution is not None:
            member_state = institution.member_state
        values = {
            "full_name": row.text("full_name", required=True),
            "job_title": row.text("job_title"),
            "institution": institution,
            "organization": row.text("organization"),
            "member_state": member_state,
            "role": row.choice("role", DelegateRole.choices, default=DelegateRole.DELEGATE),
            "email": row.text("email").strip(),
        }
        if institution is None and not values["organization"] and "institution" not in row.errors:
            row.error("institution", _("Give the institution or the organization."))
        row.done()

        registration = self._find(meeting, values["email"], values["full_name"])
        if registration is not None and not registration.imported_from:
            raise RowRefused(
                {
                    "email" if values["email"] else "full_name": [
                        _(
                            "This person registered for the meeting on the portal; an import "
                            "never changes a registration made there."
                        )
                    ]
                }
            )
        if registration is None:
            registration = Registration(
                meeting=meeting,
                status=RegistrationStatus.APPROVED,
                imported_from=self.filename,
                registered_by=user,
            )
            action = Action.CREATED
        elif all(getattr(registration, name) == value for name, value in values.items()):
            return Action.UNCHANGED, registration
        else:
            action = Action.UPDATED
        for name, value in values.items():
            setattr(registration, name, value)
        registration.full_clean()
        registration.save()
        return action, registration

    def _find(self, meeting, email, full_name):
        registrations = Registration.objects.filter(meeting=meeting)
        if email:
            found = registrations.filter(email__iexact=email).first()
            if found is not None:
                return found
            # The same person imported before from a record without an address.
            registrations = registrations.filter(email="")
        found = list(registrations.filter(full_name__iexact=full_name)[:2])
        if len(found) > 1:
            raise RowRefused(
                {"full_name": [_("Several participants of this meeting bear this name.")]}
            )
        return found[0] if found else None
