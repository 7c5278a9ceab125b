"""Bringing in what exists: staff import records from a CSV or XLSX file.

``read_table`` turns the file into rows of text cells, refusing what no
spreadsheet of the network needs (a file over ``MAX_IMPORT_BYTES``, more than
``MAX_IMPORT_ROWS`` rows, a cell over ``MAX_CELL_CHARS``) and every formula:
a formula is never evaluated, nor stored as text that a spreadsheet would
evaluate when the data is exported again.

``run_import`` passes each row to an ``Importer``, which reads the cells
(``Row``), finds the record the row is about and creates or changes it
through its app's services and validation. The whole file runs in one
transaction, each row in a savepoint of its own: a preview runs the same
import and rolls it back, so that what it shows is what confirming does, and
confirming saves only a file of which no row is refused. A row equal to the
stored record is left alone, so importing a file twice changes nothing the
second time. Each record created or changed is logged in the admin's history
with the file's name and the row.
"""

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import translation
from django.utils.dateparse import parse_date
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from core.uploads import DocumentKind, DocumentValidator

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 2000
MAX_IMPORT_COLUMNS = 60
MAX_CELL_CHARS = 20_000
# Several values in one cell (topics, offers): one per line or separated by ";".
LIST_SEPARATOR = re.compile(r"\s*[;\n]\s*")
# What a cell may hold besides printable text: tabs and line breaks. NUL and
# the other control characters are refused (PostgreSQL stores no NUL in text).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class Action(models.TextChoices):
    CREATED = "created", pgettext_lazy("an imported row", "created")
    UPDATED = "updated", pgettext_lazy("an imported row", "updated")
    UNCHANGED = "unchanged", pgettext_lazy("an imported row", "unchanged")
    REFUSED = "refused", pgettext_lazy("an imported row", "refused")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; nothing of it is read."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class RowRefused(Exception):
    """A row is refused; ``errors`` maps each column (or "" for the row) to its messages."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class Column:
    name: str
    help: str
    required: bool = False


@dataclass
class RowResult:
    number: int
    action: str = ""
    label: str = ""
    errors: dict = field(default_factory=dict)

    @property
    def action_label(self):
        return Action(self.action).label if self.action else ""

    @property
    def refused(self):
        return self.action == Action.REFUSED

    def problems(self):
        """[(column, message), …] in the file's column order, the row's own last."""
        return [
            (column, message) for column, messages in self.errors.items() for message in messages
        ]


@dataclass
class ImportReport:
    filename: str
    rows: list = field(default_factory=list)
    file_error: str = ""
    saved: bool = False

    @property
    def has_errors(self):
        return bool(self.file_error) or any(row.refused for row in self.rows)

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)

    def counts(self):
        return {action: self.count(action) for action in Action.values}


@dataclass
class Table:
    headers: list
    rows: list  # [(row number in the file, {column: text}, {column: [messages]})]


def _normalize_header(text):
    return re.sub(r"[\s-]+", "_", str(text or "").strip().lower())


def _cell_text(value):
    """A cell as text: numbers without a spurious ".0", dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _cell_problems(text):
    problems = []
    if text.startswith("="):
        problems.append(_("A formula is not imported; type its value instead."))
    if len(text) > MAX_CELL_CHARS:
        problems.append(
            _("The cell holds %(count)d characters; the limit is %(limit)d.")
            % {"count": len(text), "limit": MAX_CELL_CHARS}
        )
    if CONTROL_CHARACTERS.search(text):
        problems.append(_("The cell holds control characters; remove them."))
    return problems


def _too_many_rows():
    return ImportFileError(
        _("The file has more than %(limit)d rows; split it into files of at most %(limit)d.")
        % {"limit": MAX_IMPORT_ROWS}
    )


def _csv_rows(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("The file is not readable text; save it as CSV in UTF-8."))
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield [(cell, False) for cell in cells]
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not a readable CSV file (%(error)s).") % {"error": error}
        ) from error


def _xlsx_rows(data):
    # Imported here: openpyxl is only needed while an import reads a workbook.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        for cells in sheet.iter_rows(max_col=MAX_IMPORT_COLUMNS + 1):
            # A formula cell keeps its formula (data_only=False), never a value computed from it.
            yield [(cell.value, getattr(cell, "data_type", "") == "f") for cell in cells]
        workbook.close()
    # openpyxl raises many kinds of error on a damaged workbook; each means the same to staff.
    except Exception as error:
        raise ImportFileError(_("The file is not a readable XLSX workbook.")) from error


def read_table(file, *, columns):
    """The rows of ``file`` (CSV or XLSX): their cells by column name, and the
    problems of each cell. Raises ImportFileError for a file that cannot be
    imported at all."""
    name = getattr(file, "name", "") or ""
    size = getattr(file, "size", None)
    if size is not None and size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is %(size)d KB; the limit is %(limit)d KB.")
            % {"size": size // 1024, "limit": MAX_IMPORT_BYTES // 1024}
        )
    data = file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is larger than %(limit)d KB.") % {"limit": MAX_IMPORT_BYTES // 1024}
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    extension = os.path.splitext(name)[1].lower()
    if data.startswith(b"PK"):
        try:
            DocumentValidator(allowed=(DocumentKind.XLSX,), max_size=MAX_IMPORT_BYTES)(
                io.BytesIO(data)
            )
        except ValidationError as error:
            raise ImportFileError(" ".join(error.messages)) from error
        raw_rows = _xlsx_rows(data)
    elif extension in ("", ".csv", ".txt"):
        raw_rows = _csv_rows(data)
    else:
        raise ImportFileError(_("Import a CSV file or an XLSX workbook."))
    return _table(raw_rows, columns)


def _table(raw_rows, columns):
    known = {column.name for column in columns}
    header_cells = next(raw_rows, None)
    if not header_cells:
        raise ImportFileError(_("The file is empty."))
    headers = [_normalize_header(_cell_text(value)) for value, _formula in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_IMPORT_COLUMNS:
        raise ImportFileError(
            _("The file has more than %(limit)d columns.") % {"limit": MAX_IMPORT_COLUMNS}
        )
    unknown = [header or "?" for header in headers if header not in known]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. The columns are: %(known)s.")
            % {
                "columns": get_text_list(unknown, _("and")),
                "known": ", ".join(column.name for column in columns),
            }
        )
    missing = [column.name for column in columns if column.required and column.name not in headers]
    if missing:
        raise ImportFileError(
            _("Required columns are missing: %(columns)s.")
            % {"columns": get_text_list(missing, _("and"))}
        )
    repeated = sorted({header for header in headers if headers.count(header) > 1})
    if repeated:
        raise ImportFileError(
            _("These columns appear twice: %(columns)s.")
            % {"columns": get_text_list(repeated, _("and"))}
        )
    rows = []
    for number, raw in enumerate(raw_rows, start=2):
        cells, errors = dict.fromkeys(headers, ""), {}
        for header, (value, is_formula) in zip(headers, raw, strict=False):
            text = _cell_text(value)
            problems = _cell_problems(text)
            if is_formula and not text.startswith("="):
                problems.insert(0, _("A formula is not imported; type its value instead."))
            if problems:
                errors[header] = problems
            cells[header] = text
        extra = [_cell_text(value) for value, _formula in raw[len(headers) :]]
        if any(extra):
            errors[""] = [_("The row has cells beyond the named columns.")]
        if not any(cells.values()) and not errors:
            continue
        if len(rows) == MAX_IMPORT_ROWS:
            raise _too_many_rows()
        rows.append((number, cells, errors))
    if not rows:
        raise ImportFileError(_("The file has no rows under its header."))
    return Table(headers=headers, rows=rows)


def folded(text):
    """``text`` as names are compared: case, accents and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


class Lookup:
    """Records found by any of their names: a code, a slug, or a name in any
    content language. Read once per import."""

    def __init__(self, records, names_of, *, unknown, ambiguous):
        self.unknown = unknown
        self.ambiguous = ambiguous
        self.by_name = {}
        for record in records:
            for name in names_of(record):
                if name:
                    self.by_name.setdefault(folded(name), set()).add(record)

    def find(self, text):
        """(record, None) or (None, message)."""
        found = self.by_name.get(folded(text), set())
        if len(found) == 1:
            return next(iter(found)), None
        if not found:
            return None, self.unknown % {"value": text}
        names = get_text_list(sorted(str(record) for record in found), _("and"))
        return None, self.ambiguous % {"value": text, "records": names}


def translated_names(record, field_name="name"):
    return [
        getattr(record, f"{field_name}_{code}", None) for code, _n in settings.CONTENT_LANGUAGES
    ]


def choice_lookup(choices):
    """Each choice by its value and its label in every interface language."""
    by_name = {}
    for value, label in choices:
        by_name[folded(value)] = value
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                by_name[folded(str(label))] = value
    return by_name


class Row:
    """The cells of one row, read into values; each problem is kept against
    its column, and ``done()`` refuses the row if there is any."""

    def __init__(self, cells, errors=None):
        self.cells = cells
        self.errors = {column: list(messages) for column, messages in (errors or {}).items()}

    def error(self, column, message):
        self.errors.setdefault(column, []).append(str(message))

    def text(self, column, *, required=False):
        value = self.cells.get(column, "")
        if required and not value and column not in self.errors:
            self.error(column, _("This cell is required."))
        return value

    def items(self, column, *, required=False):
        text = self.text(column, required=required)
        return [item for item in LIST_SEPARATOR.split(text) if item] if text else []

    def integer(self, column, *, required=False, minimum=None, maximum=None):
        text = self.text(column, required=required)
        if not text:
            return None
        try:
            value = int(text)
        except ValueError:
            self.error(column, _("“%(value)s” is not a whole number.") % {"value": text[:50]})
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.error(
                column,
                _("%(value)d is not between %(minimum)d and %(maximum)d.")
                % {"value": value, "minimum": minimum, "maximum": maximum},
            )
            return None
        return value

    def decimal(self, column, *, required=False):
        text = self.text(column, required=required).replace(",", "")
        if not text:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or abs(value) >= Decimal("1e12"):
            self.error(column, _("“%(value)s” is not an amount.") % {"value": text[:50]})
            return None
        return value

    def date(self, column, *, required=False):
        text = self.text(column, required=required)
        if not text:
            return None
        try:
            value = parse_date(text[:10]) if len(text) <= 19 else None
        except ValueError:
            value = None
        if value is None:
            self.error(column, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": text[:50]})
        return value

    def choice(self, column, choices, *, required=False, default=""):
        text = self.text(column, required=required)
        if not text:
            return default
        value = choice_lookup(choices).get(folded(text))
        if value is None:
            self.error(
                column,
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": text[:50], "choices": ", ".join(str(v) for v, _l in choices)},
            )
        return value

    def choices(self, column, choices):
        values = []
        for item in self.items(column):
            value = choice_lookup(choices).get(folded(item))
            if value is None:
                self.error(
                    column,
                    _("“%(value)s” is not one of: %(choices)s.")
                    % {"value": item[:50], "choices": ", ".join(str(v) for v, _l in choices)},
                )
            else:
                values.append(value)
        return values

    def record(self, column, lookup, *, required=False):
        text = self.text(column, required=required)
        if not text:
            return None
        record, message = lookup.find(text)
        if message:
            self.error(column, message)
        return record

    def records(self, column, lookup, *, required=False):
        found = []
        for item in self.items(column, required=required):
            record, message = lookup.find(item)
            if message:
                self.error(column, message)
            else:
                found.append(record)
        return found

    def done(self):
        if self.errors:
            raise RowRefused(self.errors)


class Importer:
    """One kind of import. Subclasses name their ``columns`` and implement
    ``import_row(row, user=)``, which returns (Action, record) or raises
    RowRefused or ValidationError; ``field_columns`` maps a model field's
    validation errors to the column they come from; ``key(row)`` identifies
    the record a row is about, to refuse a second row about the same one."""

    label = ""
    # The imported file's name, set by run_import (records may keep it).
    filename = ""
    columns: tuple = ()
    field_columns: dict = {}

    def prepare(self):
        """Read what every row needs (the directory's names), once per import."""

    def key(self, cells):
        return None

    def import_row(self, row, *, user):
        raise NotImplementedError


def refuse_form(form):
    """Refuse the row with the errors of ``form``, whose fields are named as the columns."""
    raise RowRefused(
        {
            (name if name != "__all__" else ""): [str(message) for message in messages]
            for name, messages in form.errors.items()
        }
    )


def _validation_errors(error, field_columns):
    errors = {}
    if hasattr(error, "error_dict"):
        for field_name, messages in error.message_dict.items():
            column = field_columns.get(field_name, "")
            if column == "" and field_name != "__all__":
                messages = [f"{field_name}: {message}" for message in messages]
            errors.setdefault(column, []).extend(messages)
    else:
        errors[""] = list(error.messages)
    return errors


def _log(user, record, action, filename, number):
    message = _("Imported from %(file)s, row %(row)d.") % {"file": filename, "row": number}
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[record],
        action_flag=ADDITION if action == Action.CREATED else CHANGE,
        change_message=message,
        single_object=True,
    )


def run_import(importer, file, *, user, commit):
    """Import ``file`` with ``importer`` as ``user``: every row checked and
    reported; saved only when ``commit`` and no row is refused."""
    report = ImportReport(filename=os.path.basename(getattr(file, "name", "") or ""))
    try:
        table = read_table(file, columns=importer.columns)
    except ImportFileError as error:
        report.file_error = error.message
        return report
    importer.filename = report.filename
    with transaction.atomic():
        importer.prepare()
        seen = {}
        for number, cells, cell_errors in table.rows:
            result = RowResult(number=number)
            report.rows.append(result)
            key = importer.key(cells)
            if key is not None and key in seen:
                result.action = Action.REFUSED
                result.errors = {
                    "": [
                        _("This row is about the same record as row %(row)d.") % {"row": seen[key]}
                    ]
                }
                continue
            if key is not None:
                seen[key] = number
            try:
                with transaction.atomic():
                    action, record = importer.import_row(Row(cells, cell_errors), user=user)
                    if action != Action.UNCHANGED:
                        _log(user, record, action, report.filename, number)
            except RowRefused as refusal:
                result.action, result.errors = Action.REFUSED, refusal.errors
            except ValidationError as error:
                result.action = Action.REFUSED
                result.errors = _validation_errors(error, importer.field_columns)
            except PermissionDenied as error:
                result.action, result.errors = Action.REFUSED, {"": [str(error)]}
            except DatabaseError:
                # A value the checks above let through but the database refuses
                # (a constraint): the row is refused, never the whole request.
                result.action = Action.REFUSED
                result.errors = {"": [_("The database refused this row; check its values.")]}
            else:
                result.action, result.label = action, str(record)
        report.saved = commit and not report.has_errors
        if not report.saved:
            transaction.set_rollback(True)
    return report
