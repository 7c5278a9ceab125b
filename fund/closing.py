"""A closed year's statement, frozen: the figures of fund_statement as plain
JSON (amounts as strings, to the cent), in every language of the interface,
so that the page of a closed year reads in the reader's language without
asking the books again."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.utils import translation

from .enums import BudgetLine

ROW_AMOUNTS = ("total", "financial", "in_kind")
STATEMENT_AMOUNTS = (
    "opening_balance",
    "financial_total",
    "in_kind_total",
    "expenses_total",
    "open_pledges_total",
    "open_pledges_received",
    "open_pledges_outstanding",
    "minimum",
)
ALLOCATION_FIELDS = ("purpose", "budget_line", "decided_on", "decided_at", "ceiling", "used")
ALLOCATION_AMOUNTS = ("ceiling", "used", "remaining")
PLEDGE_FIELDS = (
    "years",
    "currency",
    "amount",
    "received",
    "outstanding",
    "amount_usd",
    "received_usd",
    "outstanding_usd",
    "converted",
)
PLEDGE_AMOUNTS = tuple(
    name for name in PLEDGE_FIELDS if name not in ("years", "currency", "converted")
)


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _rows(rows):
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def freeze(statement_in):
    """{language: the statement as plain data} for every interface
    language; ``statement_in(language)`` computes the statement in it."""
    frozen = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            statement = statement_in(language)
            frozen[language] = {
                "start": _plain(statement.start),
                "end": _plain(statement.end),
                **{name: _plain(getattr(statement, name)) for name in STATEMENT_AMOUNTS},
                "financial_by_contributor": _rows(statement.financial_by_contributor),
                "in_kind_by_contributor": _rows(statement.in_kind_by_contributor),
                "expenses_by_line": [
                    [line.value, _plain(total)] for line, total in statement.expenses_by_line
                ],
                "allocations": [
                    {
                        **{name: _plain(getattr(a, name)) for name in ALLOCATION_FIELDS},
                        "remaining": _plain(a.remaining),
                    }
                    for a in statement.allocations
                ],
                "open_pledges": [
                    {
                        **{name: _plain(getattr(p, name)) for name in PLEDGE_FIELDS},
                        "institution": {
                            "name": p.institution.name,
                            "display": str(p.institution),
                            "iso_code": getattr(p.institution.member_state, "iso_code", None),
                        },
                    }
                    for p in statement.open_pledges
                ],
                "by_year": _rows(statement.by_year),
            }
    return frozen


class FrozenInstitution:
    """An institution as the frozen statement names it (the API and the
    templates read ``name``, ``member_state.iso_code`` and ``str()``)."""

    def __init__(self, data):
        self.name = data["name"]
        self.display = data["display"]
        self.member_state = SimpleNamespace(iso_code=data["iso_code"])

    def __str__(self):
        return self.display


def _amounts(row, names):
    return {**row, **{name: Decimal(row[name]) for name in names if name in row}}


def thaw(frozen, *, closed):
    """The Statement of ``frozen`` in the active language (or English),
    marked as closed by ``closed`` (a ClosedYear)."""
    from .selectors import Statement  # selectors reads closed years through here

    language = (translation.get_language() or "en")[:2]
    data = frozen.get(language) or frozen["en"]
    return Statement(
        start=datetime.date.fromisoformat(data["start"]),
        end=datetime.date.fromisoformat(data["end"]),
        **{name: Decimal(data[name]) for name in STATEMENT_AMOUNTS},
        financial_by_contributor=[
            _amounts(row, ROW_AMOUNTS) for row in data["financial_by_contributor"]
        ],
        in_kind_by_contributor=[
            _amounts(row, ROW_AMOUNTS) for row in data["in_kind_by_contributor"]
        ],
        expenses_by_line=[
            (BudgetLine(line), Decimal(total)) for line, total in data["expenses_by_line"]
        ],
        allocations=[
            SimpleNamespace(
                **{
                    **_amounts(row, ALLOCATION_AMOUNTS),
                    "decided_on": datetime.date.fromisoformat(row["decided_on"]),
                }
            )
            for row in data["allocations"]
        ],
        open_pledges=[
            SimpleNamespace(
                **{
                    **_amounts(row, PLEDGE_AMOUNTS),
                    "institution": FrozenInstitution(row["institution"]),
                }
            )
            for row in data["open_pledges"]
        ],
        by_year=[_amounts(row, ROW_AMOUNTS) for row in data["by_year"]],
        closed=closed,
    )
