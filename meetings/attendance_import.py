"""A webinar's attendance, from the platform's report: Zoom's participants
report or Microsoft Teams' attendance report, as CSV.

The generic import (``core.imports``) does not fit these files: they are
not one header and rows of our columns, but the platform's own, with a
summary block above the participants (Teams), sometimes in UTF-16 with tabs,
and a person on several lines (one per time they joined). Its limits and its
refusal of formulas are kept. Each person is matched by email address,
without regard to case, to a registration of the meeting:

- matched: an approved participant, recorded when staff confirm;
- already recorded: an approved participant already present;
- not registered: nobody registered with this address;
- not approved: registered, but not (or no longer) approved;
- refused: a line that cannot be read (an address that is not one, a formula).

Reading records nothing; ``attendance_import_confirm`` records each matched
person through ``services.attendance_record``, which keeps the first record:
importing the same report twice changes nothing."""

import csv
import datetime
import io
import os
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import (
    CONTROL_CHARACTERS,
    MAX_CELL_CHARS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    ImportFileError,
)

from . import services
from .enums import AttendanceSource, RegistrationStatus

# The platforms' names for the columns read, lowercased.
EMAIL_HEADERS = ("user email", "email", "participant email", "email address")
NAME_HEADERS = ("name (original name)", "name", "full name", "participant name")
JOIN_HEADERS = ("join time", "first join", "first join time", "join")
# The formats of the join time in Zoom's and Teams' reports (local time of
# the meeting's organizer, taken as the meeting's own time zone).
TIME_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%y, %I:%M:%S %p",
    "%m/%d/%Y, %I:%M:%S %p",
    "%m/%d/%y, %H:%M:%S",
    "%d/%m/%Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
)

MATCHED = "matched"
ALREADY = "already"
NOT_REGISTERED = "not_registered"
NOT_APPROVED = "not_approved"
REFUSED = "refused"
OUTCOMES = {
    MATCHED: gettext_lazy("to be recorded as present"),
    ALREADY: gettext_lazy("already recorded"),
    NOT_REGISTERED: gettext_lazy("not registered"),
    NOT_APPROVED: gettext_lazy("registered but not approved"),
    REFUSED: gettext_lazy("refused"),
}


@dataclass
class AttendanceLine:
    number: int
    name: str
    email: str
    joined_at: datetime.datetime | None = None
    outcome: str = ""
    problem: str = ""
    registration: object = None

    @property
    def outcome_label(self):
        return OUTCOMES[self.outcome]


@dataclass
class AttendanceReport:
    filename: str
    platform: str = ""
    lines: list = field(default_factory=list)
    file_error: str = ""
    recorded: int = 0

    def count(self, outcome):
        return sum(1 for line in self.lines if line.outcome == outcome)

    def counts(self):
        return [(OUTCOMES[outcome], self.count(outcome)) for outcome in OUTCOMES]

    @property
    def to_record(self):
        return self.count(MATCHED)


def _text(data):
    """The file as text: UTF-16 (Teams) by its byte-order mark, else UTF-8,
    else Windows' Latin-1."""
    # UTF-16 by its byte-order mark, or by the zero byte after each letter.
    bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if bom or data[1:200:2].count(0) > 50:
        try:
            return data.decode("utf-16" if bom else "utf-16-le")
        except UnicodeDecodeError:
            raise ImportFileError(_("The file is not readable UTF-16 text.")) from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise ImportFileError(
        _("The file is not readable text; download the report again as CSV from the platform.")
    )


def _column(headers, names):
    for name in names:
        if name in headers:
            return headers.index(name)
    return None


def _joined_at(text, meeting):
    text = text.strip()
    for time_format in TIME_FORMATS:
        try:
            naive = datetime.datetime.strptime(text, time_format)
        except ValueError:
            continue
        return timezone.make_aware(naive, meeting.tz)
    return None


def _rows(text):
    lines = text.splitlines()
    header_line = next((line for line in lines if "@" not in line and "mail" in line.lower()), "")
    delimiter = "\t" if "\t" in header_line else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not a readable CSV file (%(error)s).") % {"error": error}
        ) from error


def _lines(text, meeting):
    """(platform, [AttendanceLine]) of each person in the report, once."""
    columns = None
    platform = ""
    seen = set()
    lines = []
    for number, cells in enumerate(_rows(text), start=1):
        cells = [cell.strip() for cell in cells]
        lowered = [cell.lower() for cell in cells]
        email_at, name_at = _column(lowered, EMAIL_HEADERS), _column(lowered, NAME_HEADERS)
        if email_at is not None and name_at is not None:
            # A header: the participants' (Teams has another one further down,
            # of each time someone joined, for the same people).
            columns = (name_at, email_at, _column(lowered, JOIN_HEADERS))
            platform = "Zoom" if "user email" in lowered else "Microsoft Teams"
            continue
        if columns is None or not any(cells):
            continue
        name_at, email_at, join_at = columns
        if max(name_at, email_at) >= len(cells):
            continue
        email = cells[email_at]
        if not email:
            # A guest the platform knows no address of: nobody to match.
            if cells[name_at]:
                lines.append(
                    AttendanceLine(
                        number=number,
                        name=cells[name_at][:200],
                        email="",
                        outcome=NOT_REGISTERED,
                        problem=_("No email address in the report."),
                    )
                )
            continue
        if email.lower() in seen:
            continue
        seen.add(email.lower())
        if len(lines) == MAX_IMPORT_ROWS:
            raise ImportFileError(
                _("The report has more than %(limit)d participants; split it.")
                % {"limit": MAX_IMPORT_ROWS}
            )
        line = AttendanceLine(number=number, name=cells[name_at][:200], email=email[:254])
        line.problem = _problem(cells[name_at], email)
        if line.problem:
            line.outcome = REFUSED
        elif join_at is not None and join_at < len(cells):
            line.joined_at = _joined_at(cells[join_at], meeting)
        lines.append(line)
    if columns is None:
        raise ImportFileError(
            _(
                "This is not a Zoom or Teams attendance report: no column of names and "
                "email addresses (such as “Name (Original Name)” and “User Email”, or "
                "“Name” and “Email”) was found."
            )
        )
    if not lines:
        raise ImportFileError(_("The report lists no participants."))
    return platform, lines


def _problem(name, email):
    for text in (name, email):
        if text.startswith("="):
            return _("A formula is not imported.")
        if len(text) > MAX_CELL_CHARS or CONTROL_CHARACTERS.search(text):
            return _("The line holds control characters or is too long.")
    try:
        validate_email(email)
    except ValidationError:
        return _("“%(value)s” is not an email address.") % {"value": email[:80]}
    return ""


def _match(lines, meeting):
    emails = {line.email.lower() for line in lines if line.email and not line.outcome}
    registrations = {
        registration.email_lower: registration
        for registration in meeting.registrations.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails
        )
    }
    for line in lines:
        if line.outcome:
            continue
        registration = registrations.get(line.email.lower())
        line.registration = registration
        if registration is None:
            line.outcome = NOT_REGISTERED
        elif registration.status != RegistrationStatus.APPROVED:
            line.outcome = NOT_APPROVED
        elif registration.attended_at is not None:
            line.outcome = ALREADY
        else:
            line.outcome = MATCHED


def attendance_read(file, *, meeting):
    """The report in ``file`` matched to ``meeting``'s registrations; records nothing."""
    report = AttendanceReport(filename=os.path.basename(getattr(file, "name", "") or ""))
    try:
        size = getattr(file, "size", None)
        data = file.read(MAX_IMPORT_BYTES + 1)
        if (size or 0) > MAX_IMPORT_BYTES or len(data) > MAX_IMPORT_BYTES:
            raise ImportFileError(
                _("The file is larger than %(limit)d KB.") % {"limit": MAX_IMPORT_BYTES // 1024}
            )
        if data.startswith(b"PK") or os.path.splitext(report.filename)[1].lower() not in (
            "",
            ".csv",
            ".txt",
            ".tsv",
        ):
            raise ImportFileError(_("Upload the report as a CSV file."))
        if not data.strip():
            raise ImportFileError(_("The file is empty."))
        report.platform, report.lines = _lines(_text(data), meeting)
    except ImportFileError as error:
        report.file_error = error.message
        return report
    _match(report.lines, meeting)
    return report


def attendance_import_confirm(file, *, meeting, user=None):
    """Read the report in ``file`` again and record each matched person as
    present (at the time they joined, when the report says), by ``user``.
    Returns the report, with how many were recorded."""
    report = attendance_read(file, meeting=meeting)
    for line in report.lines:
        if line.outcome != MATCHED:
            continue
        try:
            recorded = services.attendance_record(
                registration=line.registration,
                source=AttendanceSource.IMPORT,
                at=line.joined_at,
                user=user,
            )
        except ValidationError:
            # No longer approved since the preview.
            line.outcome = NOT_APPROVED
            continue
        report.recorded += recorded
    return report
