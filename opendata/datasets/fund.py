"""The Voluntary Contribution Fund's ledger and its statement by year."""

import datetime
from dataclasses import dataclass

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from fund import selectors as fund_selectors
from fund.models import Contribution

from .base import BOOLEAN, DATE, INTEGER, NUMBER, STRING, Column, Dataset, attribute, iso


@dataclass
class LedgerLine:
    record_type: str
    date: datetime.date
    party: str
    member_state: str | None
    category: str
    amount: object
    currency: str
    rate_usd: object
    value_usd: object
    reverses: datetime.date | None


def _ledger():
    """The fund's books as its statement's pages show them, line by line."""
    for record in fund_selectors.contribution_records():
        yield LedgerLine(
            record_type="contribution",
            date=record.received_on,
            party=record.institution.name,
            member_state=iso(record.institution.member_state),
            category=record.kind,
            amount=record.signed_amount,
            currency=record.currency,
            rate_usd=record.rate,
            value_usd=record.value,
            reverses=record.reverses.received_on if record.reverses_id else None,
        )
    for record in fund_selectors.expense_records():
        yield LedgerLine(
            record_type="expense",
            date=record.spent_on,
            party=record.description,
            member_state=None,
            category=record.budget_line,
            amount=record.value,
            currency="USD",
            rate_usd=None,
            value_usd=record.value,
            reverses=record.reverses.spent_on if record.reverses_id else None,
        )


FUND_LEDGER = Dataset(
    slug="fund-ledger",
    title=_("The fund's ledger"),
    description=_(
        "Every contribution received and every expense of the Voluntary Contribution "
        "Fund, as published behind the lines of its statement. A reversing entry "
        "corrects an earlier record and counts negatively."
    ),
    rows=_ledger,
    columns=[
        Column(
            "record_type",
            STRING,
            _("contribution or expense."),
            attribute("record_type"),
        ),
        Column("date", DATE, _("When it was received or spent."), attribute("date")),
        Column(
            "party",
            STRING,
            _("The contributing institution, or what the expense paid for."),
            attribute("party"),
        ),
        Column(
            "member_state",
            STRING,
            _("The contributor's member state, by ISO code."),
            attribute("member_state"),
        ),
        Column(
            "category",
            STRING,
            _("A contribution's kind (financial, in_kind) or an expense's budget line."),
            attribute("category"),
        ),
        Column(
            "amount",
            NUMBER,
            _("The amount, in its currency (negative: a reversal)."),
            attribute("amount"),
        ),
        Column("currency", STRING, _("ISO 4217 currency code."), attribute("currency")),
        Column(
            "rate_usd",
            NUMBER,
            _("US dollars per unit of the currency (empty in US dollars)."),
            attribute("rate_usd"),
        ),
        Column(
            "value_usd",
            NUMBER,
            _("The value as it counts, in US dollars."),
            attribute("value_usd"),
        ),
        Column(
            "reverses",
            DATE,
            _("For a reversing entry, the date of the record it corrects."),
            attribute("reverses"),
        ),
    ],
)


def _statements_by_year():
    first = Contribution.objects.effective().aggregate(first=Min("received_on"))["first"]
    if first is None:
        return
    for year in range(first.year, timezone.localdate().year + 1):
        statement = fund_selectors.statement_of_period(
            start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
        )
        statement.year = year
        yield statement


FUND_STATEMENT = Dataset(
    slug="fund-statement",
    title=_("The fund's statement by year"),
    description=_(
        "The Voluntary Contribution Fund's statement for each year since its first "
        "contribution, in US dollars: a closed year's figures are those frozen when "
        "it was closed."
    ),
    rows=_statements_by_year,
    columns=[
        Column("year", INTEGER, _("The year."), attribute("year")),
        Column("opening_balance", NUMBER, _("Balance on 1 January."), attribute("opening_balance")),
        Column(
            "financial_contributions",
            NUMBER,
            _("Financial contributions received."),
            attribute("financial_total"),
        ),
        Column(
            "in_kind_contributions",
            NUMBER,
            _("In-kind contributions, at their value."),
            attribute("in_kind_total"),
        ),
        Column("expenses", NUMBER, _("Expenses."), attribute("expenses_total")),
        Column("balance", NUMBER, _("Balance on 31 December."), attribute("balance")),
        Column(
            "minimum",
            NUMBER,
            _("The balance the fund should hold at each year end."),
            attribute("minimum"),
        ),
        Column(
            "shortfall",
            NUMBER,
            _("How far the balance is below the minimum (0 when it is not)."),
            attribute("shortfall"),
        ),
        Column(
            "open_pledges_outstanding",
            NUMBER,
            _("Pledged and still to come at the year's end."),
            attribute("open_pledges_outstanding"),
        ),
        Column(
            "closed",
            BOOLEAN,
            _("Whether the year is closed and its statement frozen."),
            lambda statement: statement.closed is not None,
        ),
    ],
)
