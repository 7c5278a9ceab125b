"""The statement as CSV or XLSX: the same figures as the page, section by section."""

import csv
import io

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exports import xlsx_response

from . import selectors
from .enums import BudgetLine


def statement_rows(statement):
    period = (
        _("since the start") if statement.start is None else f"{statement.start} – {statement.end}"
    )
    yield [_("Voluntary Contribution Fund: statement"), period]
    if statement.closed is not None:
        yield [
            _("Closed on"),
            timezone.localtime(statement.closed.closed_at).date(),
            "SHA-256",
            statement.closed.checksum,
        ]
    yield []
    if statement.start is not None:
        yield [_("Opening balance"), statement.opening_balance]
    yield [_("Financial contributions")]
    for row in statement.financial_by_contributor:
        yield [row["name"], row["state"], row["total"]]
    yield [_("Total financial contributions"), statement.financial_total]
    yield [_("In-kind contributions")]
    for row in statement.in_kind_by_contributor:
        yield [row["name"], row["state"], row["total"]]
    yield [_("Total in-kind contributions"), statement.in_kind_total]
    yield [_("Total resources"), statement.total_resources]
    yield []
    yield [_("Expenses")]
    for line, total in statement.expenses_by_line:
        yield [str(line.label), total]
    yield [_("Total expenses"), statement.expenses_total]
    yield [_("Balance"), statement.balance]
    yield [_("Minimum annual budget"), statement.minimum]
    yield [_("Shortfall"), statement.shortfall]
    yield []
    yield [_("Allocations"), _("Ceiling"), _("Used"), _("Remaining")]
    for allocation in statement.allocations:
        yield [allocation.purpose, allocation.ceiling, allocation.used, allocation.remaining]
    yield []
    yield [
        _("Open pledges"),
        _("Years"),
        _("Pledged (USD)"),
        _("Received (USD)"),
        _("Outstanding (USD)"),
        _("Currency"),
        _("Pledged"),
        _("Received"),
        _("Outstanding"),
        _("Note"),
    ]
    for pledge in statement.open_pledges:
        yield [
            str(pledge.institution),
            pledge.years,
            pledge.amount_usd,
            pledge.received_usd,
            pledge.outstanding_usd,
            pledge.currency,
            pledge.amount,
            pledge.received,
            pledge.outstanding,
            _("Partly paid in another currency, counted at its recorded US-dollar value.")
            if pledge.converted
            else "",
        ]
    yield [
        _("Total open pledges"),
        "",
        statement.open_pledges_total,
        statement.open_pledges_received,
        statement.open_pledges_outstanding,
    ]
    yield from _records_rows(statement)


def _records_rows(statement):
    """The records behind the lines, so that a ministry can reconcile its own
    payments: each line's records add up to the line above."""
    period = {"start": statement.start, "end": statement.end}
    yield []
    yield [
        _("Records"),
        _("Line"),
        _("Date"),
        _("Amount"),
        _("Currency"),
        _("Rate (USD)"),
        _("Value (USD)"),
        _("Reverses the record of"),
    ]
    for record in selectors.contribution_records(**period):
        yield [
            str(record.institution),
            str(record.get_kind_display()),
            record.received_on,
            record.signed_amount,
            record.currency,
            record.rate or "",
            record.value,
            record.reverses.received_on if record.reverses_id else "",
        ]
    for record in selectors.expense_records(**period):
        yield [
            record.description,
            str(BudgetLine(record.budget_line).label),
            record.spent_on,
            record.value,
            "USD",
            "",
            record.value,
            record.reverses.spent_on if record.reverses_id else "",
        ]


def statement_response(statement, fmt):
    filename = "rial-fund-statement" + (
        "" if statement.start is None else f"-{statement.start.year}"
    )
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(statement_rows(statement))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        return xlsx_response(
            statement_rows(statement), filename=filename, sheet_title=_("Statement")
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
