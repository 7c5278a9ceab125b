"""Reads of the fund: the statement and what the pages, exports, alerts and
newsletter need. Every figure is an aggregate computed by the database; the
statement runs the same few queries whatever the number of records."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import DecimalField, F, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import get_language

from . import closing
from .enums import BudgetLine, ContributionKind, PledgeStatus
from .models import Allocation, ClosedYear, Contribution, Expense, Pledge, signed

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def money(value):
    """To the cent, whatever the database returned: SQLite sums decimals as
    floats, so a total that is nothing may come back as -2e-16, which must
    read 0.00, never -0.00."""
    return Decimal(value).quantize(CENT) + ZERO


def _total(expression, where=None, **filter_kwargs):
    condition = Q(**filter_kwargs) if filter_kwargs else None
    if where is not None:
        condition = where if condition is None else where & condition
    return Coalesce(
        Sum(expression, filter=condition),
        Value(ZERO),
        output_field=DecimalField(max_digits=16, decimal_places=2),
    )


def _in_period(field, start, end):
    conditions = {}
    if start:
        conditions[f"{field}__gte"] = start
    if end:
        conditions[f"{field}__lte"] = end
    return conditions


@dataclass
class Statement:
    start: datetime.date | None
    end: datetime.date
    opening_balance: Decimal
    financial_by_contributor: list
    in_kind_by_contributor: list
    financial_total: Decimal
    in_kind_total: Decimal
    expenses_by_line: list
    expenses_total: Decimal
    allocations: list
    open_pledges: list
    open_pledges_total: Decimal
    open_pledges_received: Decimal
    open_pledges_outstanding: Decimal
    minimum: Decimal
    by_year: list = field(default_factory=list)
    closed: object = None  # the ClosedYear whose frozen statement this is

    @property
    def total_resources(self):
        return self.financial_total + self.in_kind_total

    @property
    def balance(self):
        """The balance at the end of the period."""
        return self.opening_balance + self.total_resources - self.expenses_total

    @property
    def shortfall(self):
        """How far the balance is below the minimum annual budget (0 if not)."""
        return max(self.minimum - self.balance, ZERO)


def localized(row, prefix):
    """A translated name from a values() row, in the reader's language."""
    language = (get_language() or "en")[:2]
    return row.get(f"{prefix}_{language}") or row.get(f"{prefix}_en") or ""


def _by_contributor(contributions, kind):
    rows = (
        contributions.filter(kind=kind)
        .values(
            "institution_id",
            "institution__name_en",
            "institution__name_es",
            "institution__acronym",
            "institution__member_state__iso_code",
            "institution__member_state__name_en",
            "institution__member_state__name_es",
        )
        .annotate(total=_total(signed("amount_usd")))
        .order_by("-total", "institution__name_en")
    )
    rounded = [{**row, "total": money(row["total"])} for row in rows]
    # Rounded first: a contributor whose records cancel out is not listed,
    # whatever the database's arithmetic left over.
    return [
        {
            **row,
            "name": localized(row, "institution__name"),
            "state": localized(row, "institution__member_state__name"),
        }
        for row in rounded
        if row["total"]
    ]


def fund_statement(*, start=None, end=None):
    """The fund's statement from ``start`` (None: since the first record) to
    ``end`` (default today), both included."""
    end = end or timezone.localdate()
    contributions = Contribution.objects.effective().filter(**_in_period("received_on", start, end))
    expenses = Expense.objects.effective().filter(**_in_period("spent_on", start, end))

    opening = ZERO
    if start:
        before = Contribution.objects.effective().aggregate(
            total=_total(signed("amount_usd"), received_on__lt=start)
        )["total"]
        spent_before = Expense.objects.effective().aggregate(
            total=_total(signed("amount"), spent_on__lt=start)
        )["total"]
        opening = money(before - spent_before)

    totals = contributions.aggregate(
        financial=_total(signed("amount_usd"), kind=ContributionKind.FINANCIAL),
        in_kind=_total(signed("amount_usd"), kind=ContributionKind.IN_KIND),
    )
    lines = dict(
        expenses.values_list("budget_line").annotate(total=_total(signed("amount"))).order_by()
    )
    expenses_by_line = [(line, money(lines.get(line.value, ZERO))) for line in BudgetLine]
    pledges = pledges_open_at(end)
    return Statement(
        start=start,
        end=end,
        opening_balance=opening,
        financial_by_contributor=_by_contributor(contributions, ContributionKind.FINANCIAL),
        in_kind_by_contributor=_by_contributor(contributions, ContributionKind.IN_KIND),
        financial_total=money(totals["financial"]),
        in_kind_total=money(totals["in_kind"]),
        expenses_by_line=expenses_by_line,
        expenses_total=sum((total for _line, total in expenses_by_line), ZERO),
        allocations=list(allocations_with_use(end=end)),
        open_pledges=pledges,
        open_pledges_total=sum((pledge.amount_usd for pledge in pledges), ZERO),
        open_pledges_received=sum((pledge.received_usd for pledge in pledges), ZERO),
        open_pledges_outstanding=sum((pledge.outstanding_usd for pledge in pledges), ZERO),
        minimum=settings.FUND_MINIMUM_ANNUAL_BUDGET,
        by_year=contributions_by_year(start=start, end=end),
    )


def contribution_records(*, start=None, end=None, kind=None, institution_id=None):
    """The contributions behind a line of the statement (all of the period's
    without ``kind``/``institution_id``), each with ``value`` (its USD value
    as it counts: negative for a reversal) and ``rate`` (USD per unit of its
    currency; None in USD). Their values add up to the line."""
    records = Contribution.objects.effective().filter(**_in_period("received_on", start, end))
    if kind is not None:
        records = records.filter(kind=kind)
    if institution_id is not None:
        records = records.filter(institution_id=institution_id)
    records = list(
        records.select_related("institution__member_state", "reverses").order_by(
            "institution__name_en", "institution_id", "kind", "received_on", "pk"
        )
    )
    for record in records:
        sign = -1 if record.is_reversal else 1
        record.signed_amount = sign * record.amount
        record.value = sign * record.amount_usd
        record.rate = (
            None
            if record.currency == "USD"
            else (record.amount_usd / record.amount).quantize(
                Decimal("0.000001"), rounding=ROUND_HALF_UP
            )
        )
    return records


def expense_records(*, start=None, end=None, budget_line=None):
    """The expenses behind a budget line of the statement (all of the
    period's without ``budget_line``), each with ``value`` as it counts."""
    records = Expense.objects.effective().filter(**_in_period("spent_on", start, end))
    if budget_line is not None:
        records = records.filter(budget_line=budget_line)
    records = list(records.select_related("reverses").order_by("budget_line", "spent_on", "pk"))
    for record in records:
        record.value = -record.amount if record.is_reversal else record.amount
    return records


def statement_of_period(*, start=None, end=None):
    """The statement the pages, exports and API serve: a closed year's is the
    one frozen when it was closed; any other period's is computed."""
    whole_year = start is not None and (start, end) == (
        datetime.date(start.year, 1, 1),
        datetime.date(start.year, 12, 31),
    )
    closed = ClosedYear.objects.filter(year=start.year).first() if whole_year else None
    if closed is not None:
        return closing.thaw(closed.statement, closed=closed)
    return fund_statement(start=start, end=end)


def allocations_with_use(*, end=None):
    """Allocations in force, each with ``used`` and ``remaining`` (USD); with
    ``end``, as they stood that day: decided by then, used by then."""
    allocations = Allocation.objects.effective()
    used = Q(expenses__voided=False)
    if end:
        allocations = allocations.filter(decided_on__lte=end)
        used &= Q(expenses__spent_on__lte=end)
    return (
        allocations.annotate(used=_total(signed("amount", via="expenses__"), where=used))
        .annotate(remaining=F("ceiling") - F("used"))
        .order_by("-decided_on", "pk")
    )


def allocation_remaining(allocation):
    used = allocation.expenses.effective().aggregate(total=_total(signed("amount")))["total"]
    return money(allocation.ceiling - used)


def open_pledges(*, on=None):
    """Pledges still expected on ``on`` (default today); one whose last year
    is over has lapsed (lapsed_pledges)."""
    return Pledge.objects.open_on(on or timezone.localdate()).order_by("year_to", "pk")


def lapsed_pledges(*, on=None):
    """Open pledges whose last year ended before ``on`` (default today)
    without being received in full."""
    return Pledge.objects.lapsed_on(on or timezone.localdate()).order_by("year_to", "pk")


def pledges_open_at(end):
    """The pledges still expected at the end of ``end``, as they stood then
    (with what was received of them by then, see pledges_with_receipts):
    announced by then, their last year not over, not withdrawn by then, and
    not yet received in full. What is recorded later with a later date
    changes nothing: the statement of a past year reads the same ever after.
    A pledge withdrawn on a day nobody recorded counts as withdrawn from the
    start."""
    pledges = (
        Pledge.objects.effective()
        .filter(announced_on__lte=end, year_to__gte=end.year)
        .exclude(status=PledgeStatus.WITHDRAWN, withdrawn_on__isnull=True)
        .exclude(withdrawn_on__lte=end)
        .select_related("institution__member_state")
        .order_by("year_to", "pk")
    )
    return [pledge for pledge in pledges_with_receipts(pledges, end=end) if pledge.outstanding]


def pledges_with_receipts(pledges, *, end=None):
    """``pledges`` (a queryset) as a list, each with what was received of it
    by ``end`` (default: everything recorded), settled in its own currency:

    - ``received``: in the pledge's currency. A contribution in that currency
      counts at its amount; one in another currency at its recorded USD value,
      brought to the pledge's currency at the pledge's own rate (its amount
      over its USD value); ``converted`` says whether any did;
    - ``outstanding``: what is still to come, in the pledge's currency;
    - ``outstanding_usd`` and ``received_usd``: the same in USD at the
      pledge's rate, so that pledged = received + outstanding in either
      currency.
    """
    in_time = Q(contributions__voided=False)
    if end:
        in_time &= Q(contributions__received_on__lte=end)
    same_currency = Q(contributions__currency=F("currency"))
    rows = pledges.annotate(
        received_same=_total(
            signed("amount", via="contributions__"), where=in_time & same_currency
        ),
        received_other_usd=_total(
            signed("amount_usd", via="contributions__"), where=in_time & ~same_currency
        ),
    )
    return [_settle(pledge) for pledge in rows]


def _settle(pledge):
    other = money(pledge.received_other_usd)
    pledge.converted = other != ZERO
    in_currency = other * pledge.amount / pledge.amount_usd
    pledge.received = money(pledge.received_same) + in_currency.quantize(
        CENT, rounding=ROUND_HALF_UP
    )
    pledge.outstanding = max(pledge.amount - pledge.received, ZERO)
    pledge.outstanding_usd = (pledge.outstanding * pledge.amount_usd / pledge.amount).quantize(
        CENT, rounding=ROUND_HALF_UP
    )
    pledge.received_usd = pledge.amount_usd - pledge.outstanding_usd
    return pledge


def pledge_received(pledge):
    """What was received of ``pledge`` in its own currency (see
    pledges_with_receipts)."""
    (settled,) = pledges_with_receipts(Pledge.objects.filter(pk=pledge.pk))
    return settled.received


def contributions_by_year(*, start=None, end=None):
    """[{"year", "iso", "financial", "in_kind"}, …] per year and contributor's
    member state ("" for contributors without one): the transparency table."""
    rows = (
        Contribution.objects.effective()
        .filter(**_in_period("received_on", start, end))
        .annotate(year=ExtractYear("received_on"))
        .values(
            "year",
            "institution__member_state__iso_code",
            "institution__member_state__name_en",
            "institution__member_state__name_es",
        )
        .annotate(
            financial=_total(signed("amount_usd"), kind=ContributionKind.FINANCIAL),
            in_kind=_total(signed("amount_usd"), kind=ContributionKind.IN_KIND),
        )
        .order_by("year", "institution__member_state__iso_code")
    )
    return [
        {
            "year": row["year"],
            "iso": row["institution__member_state__iso_code"] or "",
            "state": localized(row, "institution__member_state__name"),
            "financial": money(row["financial"]),
            "in_kind": money(row["in_kind"]),
        }
        for row in rows
    ]


@dataclass
class Projection:
    balance: Decimal
    pledged_this_year: Decimal
    committed: Decimal
    minimum: Decimal

    @property
    def projected_balance(self):
        """Today's balance, plus what is pledged for this year, less what
        approved allocations still commit."""
        return self.balance + self.pledged_this_year - self.committed

    @property
    def below_minimum(self):
        return self.projected_balance < self.minimum

    @property
    def shortfall(self):
        """How far the projected balance falls short of the minimum (0 if not)."""
        return max(self.minimum - self.projected_balance, ZERO)


def year_end_projection(*, today=None):
    today = today or timezone.localdate()
    resources = Contribution.objects.effective().aggregate(total=_total(signed("amount_usd")))
    spent = Expense.objects.effective().aggregate(total=_total(signed("amount")))
    # What is still to come of this year's pledges, as the statement shows
    # it: a part already received is in the balance.
    pledges = pledges_with_receipts(open_pledges(on=today).filter(year_to=today.year))
    pledged = sum((pledge.outstanding_usd for pledge in pledges), ZERO)
    committed = sum((max(a.remaining, ZERO) for a in allocations_with_use()), ZERO)
    return Projection(
        balance=money(resources["total"] - spent["total"]),
        pledged_this_year=money(pledged),
        committed=committed,
        minimum=settings.FUND_MINIMUM_ANNUAL_BUDGET,
    )


def fund_below_minimum(*, today=None):
    """For the newsletter's call for contributions."""
    return year_end_projection(today=today).below_minimum


def member_state_section(member_state):
    """The fund block of a member state's page: what its institutions
    contributed, by year (nothing shown when they gave nothing)."""
    rows = (
        Contribution.objects.effective()
        .filter(institution__member_state=member_state)
        .annotate(year=ExtractYear("received_on"))
        .values("year")
        .annotate(
            financial=_total(signed("amount_usd"), kind=ContributionKind.FINANCIAL),
            in_kind=_total(signed("amount_usd"), kind=ContributionKind.IN_KIND),
        )
        .order_by("year")
    )
    years = [
        {
            "year": row["year"],
            "financial": money(row["financial"]),
            "in_kind": money(row["in_kind"]),
        }
        for row in rows
    ]
    if not years:
        return None
    return "fund/_section_member_state.html", {"years": years}


def dashboard_section(user):
    """A focal point's view of their institution's pledges not received:
    those still open, and those whose last year ended (lapsed)."""
    if not (user.is_authenticated and user.institution_id):
        return None
    today = timezone.localdate()
    pledges = list(
        Pledge.objects.effective()
        .filter(status=PledgeStatus.OPEN, institution_id=user.institution_id)
        .order_by("year_to", "pk")
    )
    if not pledges:
        return None
    for pledge in pledges:
        pledge.state = pledge.state_on(today)
    return "fund/_section_dashboard.html", {"pledges": pledges}
