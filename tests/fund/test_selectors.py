"""The statement reconciles to the cent: every figure the database computes is
checked against the same figure summed in Python from the records."""

import csv
import datetime
import io
from collections import defaultdict
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from fund import selectors, services
from fund.enums import BudgetLine, ContributionKind, PledgeState, PledgeStatus
from fund.models import Contribution, Expense
from tests.factories import FocalPointFactory, InstitutionFactory, SecretariatStaffFactory
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    InKindContributionFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
FIRST_DAY, LAST_DAY = datetime.date(2011, 1, 1), datetime.date(2016, 12, 31)
CONTRIBUTORS = 4


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


# The property: random books, and the statement agrees with Python.


def cents(low, high):
    return st.integers(min_value=low, max_value=high).map(lambda n: Decimal(n) / 100)


@st.composite
def corrections(draw, *, foreign=False):
    """What happens to a record after it is recorded: nothing, a void, or one
    or two reversals (each partial or of the rest, possibly voided later)."""
    fate = draw(st.sampled_from(["keep", "void", "reverse"]))
    if fate != "reverse":
        return {"fate": fate}
    reversals = []
    for index in range(draw(st.integers(min_value=1, max_value=2))):
        reversals.append(
            {
                # A share of what remains (None: all of it), in thousandths.
                "share": draw(st.one_of(st.none(), st.integers(min_value=1, max_value=999))),
                "days_later": draw(st.integers(min_value=1, max_value=800)),
                "voided": draw(st.booleans()),
                # Only the last reversal of a record in another currency may
                # say its own USD value: the others take their share of it.
                "own_usd_value": foreign and index == 1 and draw(st.booleans()),
            }
        )
    return {"fate": fate, "reversals": reversals}


@st.composite
def contributions(draw):
    currency = draw(st.sampled_from(["USD", "EUR", "BRL"]))
    amount = draw(cents(1_000, 50_000_000))
    if currency == "USD":
        amount_usd = amount
    else:
        rate = draw(st.sampled_from([Decimal("0.17"), Decimal("0.31"), Decimal("1.08")]))
        amount_usd = (amount * rate).quantize(CENT)
    return {
        "contributor": draw(st.integers(min_value=0, max_value=CONTRIBUTORS - 1)),
        "kind": draw(st.sampled_from(ContributionKind.values)),
        "currency": currency,
        "amount": amount,
        "amount_usd": amount_usd,
        "received_on": draw(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)),
        **draw(corrections(foreign=currency != "USD")),
    }


@st.composite
def expenses(draw):
    return {
        "budget_line": draw(st.sampled_from(BudgetLine.values)),
        "amount": draw(cents(1_000, 20_000_000)),
        "spent_on": draw(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)),
        **draw(corrections()),
    }


def reversal_amount(remaining, share):
    """``share`` thousandths of ``remaining``, leaving at least a dollar; or
    all of it (None)."""
    if share is None or remaining < 2:
        return None
    return min(max((remaining * share / 1000).quantize(CENT), Decimal("1.00")), remaining - 1)


class Books:
    """What was recorded, as Python sees it: one line per record that counts
    or not, with its sign."""

    def __init__(self):
        self.contributions = []  # (contributor pk, kind, signed USD value, date, voided)
        self.expenses = []  # (budget line, signed amount, date, voided)

    def record_contribution(self, user, institutions, spec):
        institution = institutions[spec["contributor"]]
        extra = {}
        if spec["kind"] == ContributionKind.IN_KIND:
            extra = {"description": "Experts seconded", "valuation": "Their daily rates"}
        contribution = services.contribution_record(
            user=user,
            institution=institution,
            kind=spec["kind"],
            currency=spec["currency"],
            amount=spec["amount"],
            amount_usd=spec["amount_usd"],
            received_on=spec["received_on"],
            reference="Transfer",
            **extra,
        )
        line = [institution.pk, spec["kind"], spec["amount_usd"], spec["received_on"], False]
        self.contributions.append(line)
        if spec["fate"] == "void":
            services.entry_void(entry=contribution, user=user, reason="Recorded twice")
            line[-1] = True
        elif spec["fate"] == "reverse":
            self._reverse(user, contribution, spec, line)

    def record_expense(self, user, spec):
        expense = services.expense_record(
            user=user,
            spent_on=spec["spent_on"],
            amount=spec["amount"],
            budget_line=spec["budget_line"],
            description="Cooperation activity",
        )
        line = [spec["budget_line"], spec["amount"], spec["spent_on"], False]
        self.expenses.append(line)
        if spec["fate"] == "void":
            services.entry_void(entry=expense, user=user, reason="Paid twice")
            line[-1] = True
        elif spec["fate"] == "reverse":
            self._reverse(user, expense, spec, line)

    def _reverse(self, user, entry, spec, line):
        remaining, remaining_usd = entry.amount, getattr(entry, "amount_usd", None)
        own_usd_values = False
        for reversal_spec in spec["reversals"]:
            if remaining == 0:
                break
            amount = reversal_amount(remaining, reversal_spec["share"])
            own_usd_value = None
            if reversal_spec["own_usd_value"]:
                own_usd_values = True
                own_usd_value = max((remaining_usd / 2).quantize(CENT), CENT)
            reversal = services.entry_reverse(
                entry=entry,
                user=user,
                on=line[-2] + datetime.timedelta(days=reversal_spec["days_later"]),
                reference="Correction",
                amount=amount,
                amount_usd=own_usd_value,
            )
            reversal.refresh_from_db()
            assert reversal.amount == (amount or remaining)
            voided = reversal_spec["voided"]
            if voided:
                services.entry_void(entry=reversal, user=user, reason="Not returned after all")
            else:
                remaining -= reversal.amount
            if isinstance(entry, Contribution):
                if entry.currency == "USD":
                    assert reversal.amount_usd == reversal.amount
                elif own_usd_value is not None:
                    assert reversal.amount_usd == own_usd_value
                elif amount is None:  # the rest of the record takes the rest of its value
                    assert reversal.amount_usd == remaining_usd
                else:
                    expected = (entry.amount_usd * amount / entry.amount).quantize(CENT)
                    assert abs(reversal.amount_usd - expected) <= CENT
                if not voided:
                    remaining_usd -= reversal.amount_usd
                self.contributions.append(
                    [
                        entry.institution_id,
                        entry.kind,
                        -reversal.amount_usd,
                        reversal.received_on,
                        voided,
                    ]
                )
            else:
                self.expenses.append(
                    [entry.budget_line, -reversal.amount, reversal.spent_on, voided]
                )
        if isinstance(entry, Contribution) and remaining == 0 and not own_usd_values:
            assert remaining_usd == 0, "a record reversed in full counts for nothing"

    def expected(self, start=None, end=None):
        def counts(day, voided):
            return not voided and (start is None or day >= start) and (end is None or day <= end)

        def before(day, voided):
            return not voided and start is not None and day < start

        by_contributor = {kind: defaultdict(Decimal) for kind in ContributionKind.values}
        by_line = dict.fromkeys(BudgetLine.values, ZERO)
        opening = ZERO
        for contributor, kind, usd, day, voided in self.contributions:
            if counts(day, voided):
                by_contributor[kind][contributor] += usd
            if before(day, voided):
                opening += usd
        for line, amount, day, voided in self.expenses:
            if counts(day, voided):
                by_line[line] += amount
            if before(day, voided):
                opening -= amount
        totals = {kind: sum(rows.values(), ZERO) for kind, rows in by_contributor.items()}
        expenses_total = sum(by_line.values(), ZERO)
        return {
            "opening_balance": opening,
            "financial_total": totals[ContributionKind.FINANCIAL],
            "in_kind_total": totals[ContributionKind.IN_KIND],
            "total_resources": sum(totals.values(), ZERO),
            "expenses_total": expenses_total,
            "balance": opening + sum(totals.values(), ZERO) - expenses_total,
            "financial_by_contributor": {
                pk: total
                for pk, total in by_contributor[ContributionKind.FINANCIAL].items()
                if total
            },
            "in_kind_by_contributor": {
                pk: total for pk, total in by_contributor[ContributionKind.IN_KIND].items() if total
            },
            "expenses_by_line": by_line,
        }


def figures(statement):
    return {
        "opening_balance": statement.opening_balance,
        "financial_total": statement.financial_total,
        "in_kind_total": statement.in_kind_total,
        "total_resources": statement.total_resources,
        "expenses_total": statement.expenses_total,
        "balance": statement.balance,
        "financial_by_contributor": {
            row["institution_id"]: row["total"] for row in statement.financial_by_contributor
        },
        "in_kind_by_contributor": {
            row["institution_id"]: row["total"] for row in statement.in_kind_by_contributor
        },
        "expenses_by_line": {line.value: total for line, total in statement.expenses_by_line},
    }


def assert_reconciles(statement, expected):
    assert figures(statement) == expected
    assert (
        statement.opening_balance + statement.total_resources - statement.expenses_total
        == statement.balance
    )
    for rows, total in (
        (statement.financial_by_contributor, statement.financial_total),
        (statement.in_kind_by_contributor, statement.in_kind_total),
    ):
        assert sum((row["total"] for row in rows), ZERO) == total
        assert len({row["institution_id"] for row in rows}) == len(rows)
    assert sum((total for _line, total in statement.expenses_by_line), ZERO) == (
        statement.expenses_total
    )
    assert [line for line, _total in statement.expenses_by_line] == list(BudgetLine)
    by_year = statement.by_year
    assert sum((row["financial"] for row in by_year), ZERO) == statement.financial_total
    assert sum((row["in_kind"] for row in by_year), ZERO) == statement.in_kind_total
    for value in (statement.balance, statement.financial_total, statement.expenses_total):
        assert value == value.quantize(CENT)


@pytest.mark.django_db
@hsettings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    contribution_specs=st.lists(contributions(), max_size=10),
    expense_specs=st.lists(expenses(), max_size=10),
    year=st.integers(min_value=2011, max_value=2016),
)
# Found on SQLite, which sums decimals as floats: 10.07 - 9.06 - 1.01 is
# -2.2e-16 there, and the contributor was listed at -0.00.
@example(
    contribution_specs=[
        {
            "contributor": 0,
            "kind": ContributionKind.FINANCIAL,
            "currency": "USD",
            "amount": Decimal("10.07"),
            "amount_usd": Decimal("10.07"),
            "received_on": datetime.date(2012, 3, 1),
            "fate": "reverse",
            "reversals": [
                {"share": 900, "days_later": 10, "voided": False, "own_usd_value": False},
                {"share": None, "days_later": 20, "voided": False, "own_usd_value": False},
            ],
        }
    ],
    expense_specs=[],
    year=2012,
)
def test_the_statement_reconciles_to_the_cent(staff, contribution_specs, expense_specs, year):
    with transaction.atomic():
        institutions = [InstitutionFactory() for _n in range(CONTRIBUTORS)]
        books = Books()
        for spec in contribution_specs:
            books.record_contribution(staff, institutions, spec)
        for spec in expense_specs:
            books.record_expense(staff, spec)

        since_the_start = selectors.fund_statement()
        assert since_the_start.start is None
        assert since_the_start.opening_balance == ZERO
        assert_reconciles(since_the_start, books.expected())

        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        in_the_year = selectors.fund_statement(start=start, end=end)
        assert_reconciles(in_the_year, books.expected(start, end))

        until_the_year = selectors.fund_statement(end=datetime.date(year - 1, 12, 31))
        assert_reconciles(until_the_year, books.expected(end=datetime.date(year - 1, 12, 31)))
        assert in_the_year.opening_balance == until_the_year.balance
        assert selectors.fund_statement(end=end).balance == in_the_year.balance

        transaction.set_rollback(True)


# The rules, one at a time


def statement_of(year=None):
    if year is None:
        return selectors.fund_statement()
    return selectors.fund_statement(
        start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
    )


def test_a_voided_record_does_not_count(staff):
    contribution = ContributionFactory(amount=Decimal("1000.00"))
    ContributionFactory(amount=Decimal("250.00"))
    expense = ExpenseFactory(amount=Decimal("300.00"))
    ExpenseFactory(amount=Decimal("100.00"))

    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")
    services.entry_void(entry=expense, user=staff, reason="Paid twice")

    statement = statement_of()
    assert statement.financial_total == Decimal("250.00")
    assert statement.expenses_total == Decimal("100.00")
    assert statement.balance == Decimal("150.00")
    assert [row["total"] for row in statement.financial_by_contributor] == [Decimal("250.00")]


def test_a_reversal_counts_negatively_in_the_period_of_its_own_date(staff):
    contribution = ContributionFactory(
        amount=Decimal("1000.00"), received_on=datetime.date(2014, 11, 3)
    )
    expense = ExpenseFactory(
        amount=Decimal("400.00"),
        budget_line=BudgetLine.MEETINGS,
        spent_on=datetime.date(2014, 12, 1),
    )
    services.entry_reverse(
        entry=contribution,
        user=staff,
        on=datetime.date(2015, 2, 10),
        reference="Returned",
        amount=Decimal("300.00"),
    )
    services.entry_reverse(
        entry=expense,
        user=staff,
        on=datetime.date(2015, 3, 10),
        reference="Refund",
        amount=Decimal("50.00"),
    )

    in_2014, in_2015, since_the_start = statement_of(2014), statement_of(2015), statement_of()

    assert (in_2014.financial_total, in_2014.expenses_total) == (
        Decimal("1000.00"),
        Decimal("400.00"),
    )
    assert in_2014.balance == Decimal("600.00")
    assert (in_2015.opening_balance, in_2015.financial_total) == (
        Decimal("600.00"),
        Decimal("-300.00"),
    )
    assert in_2015.expenses_total == Decimal("-50.00")
    assert dict(in_2015.expenses_by_line)[BudgetLine.MEETINGS] == Decimal("-50.00")
    assert [row["total"] for row in in_2015.financial_by_contributor] == [Decimal("-300.00")]
    assert in_2015.balance == Decimal("350.00")
    assert since_the_start.financial_total == Decimal("700.00")
    assert since_the_start.expenses_total == Decimal("350.00")
    assert since_the_start.balance == in_2015.balance


def test_an_amount_in_another_currency_counts_at_its_usd_value():
    ContributionFactory(currency="EUR", amount=Decimal("1000.00"), amount_usd=Decimal("1085.40"))
    InKindContributionFactory(
        currency="BRL", amount=Decimal("5000.00"), amount_usd=Decimal("1612.90")
    )

    statement = statement_of()

    assert statement.financial_total == Decimal("1085.40")
    assert statement.in_kind_total == Decimal("1612.90")
    assert statement.total_resources == Decimal("2698.30")


def test_contributors_are_summed_across_records_and_ordered_by_total():
    small, large = InstitutionFactory(), InstitutionFactory()
    ContributionFactory(institution=small, amount=Decimal("100.10"))
    ContributionFactory(institution=large, amount=Decimal("300.00"))
    ContributionFactory(institution=small, amount=Decimal("0.20"))
    ContributionFactory(institution=large, amount=Decimal("0.05"))

    rows = statement_of().financial_by_contributor

    assert [(row["institution_id"], row["total"]) for row in rows] == [
        (large.pk, Decimal("300.05")),
        (small.pk, Decimal("100.30")),
    ]


def test_allocations_with_use_are_net_of_voided_expenses_and_reversals(staff):
    platform = AllocationFactory(ceiling=Decimal("20000.00"), budget_line=BudgetLine.PLATFORM)
    untouched = AllocationFactory(ceiling=Decimal("5000.00"), budget_line=BudgetLine.PUBLICATIONS)
    withdrawn = AllocationFactory(ceiling=Decimal("9999.00"))
    services.entry_void(entry=withdrawn, user=staff, reason="Decision withdrawn")
    fields = {"allocation": platform, "budget_line": BudgetLine.PLATFORM}
    spent = ExpenseFactory(amount=Decimal("8000.00"), **fields)
    ExpenseFactory(amount=Decimal("1234.56"), **fields)
    voided = ExpenseFactory(amount=Decimal("5000.00"), **fields)
    ExpenseFactory(amount=Decimal("777.00"), budget_line=BudgetLine.PLATFORM)  # no allocation
    services.entry_void(entry=voided, user=staff, reason="Paid twice")
    reversal = services.entry_reverse(
        entry=spent, user=staff, on=datetime.date(2015, 6, 1), reference="R", amount=Decimal("1000")
    )
    voided_reversal = services.entry_reverse(
        entry=spent, user=staff, on=datetime.date(2015, 6, 1), reference="R", amount=Decimal("500")
    )
    services.entry_void(entry=voided_reversal, user=staff, reason="Not refunded")

    allocations = {a.pk: (a.used, a.remaining) for a in selectors.allocations_with_use()}

    assert reversal.allocation == platform
    assert allocations == {
        platform.pk: (Decimal("8234.56"), Decimal("11765.44")),
        untouched.pk: (ZERO, Decimal("5000.00")),
    }
    assert selectors.allocation_remaining(platform) == Decimal("11765.44")
    assert selectors.allocation_remaining(untouched) == Decimal("5000.00")


def test_open_pledges_exclude_fulfilled_withdrawn_and_voided(staff):
    institution = InstitutionFactory()
    open_late = PledgeFactory(institution=institution, year_from=2015, year_to=2016)
    open_early = PledgeFactory(institution=institution, year_from=2014, year_to=2015)
    partly_paid = PledgeFactory(institution=institution, amount=Decimal("5000.00"))
    ContributionFactory(institution=institution, pledge=partly_paid, amount=Decimal("4999.99"))
    fulfilled = PledgeFactory(institution=institution, status=PledgeStatus.FULFILLED)
    ContributionFactory(institution=institution, pledge=fulfilled, amount=fulfilled.amount)
    withdrawn = PledgeFactory(institution=institution)
    services.pledge_withdraw(pledge=withdrawn, user=staff, on=datetime.date(2015, 6, 1))
    voided = PledgeFactory(institution=institution)
    services.entry_void(entry=voided, user=staff, reason="Announced twice")
    paid = services.pledge_record(
        user=staff,
        institution=institution,
        amount=Decimal("100.00"),
        amount_usd=Decimal("100.00"),
        year_from=2015,
        year_to=2015,
        announced_on=datetime.date(2015, 4, 29),
    )
    services.contribution_record(
        user=staff,
        institution=institution,
        amount=Decimal("100.00"),
        amount_usd=Decimal("100.00"),
        received_on=datetime.date(2015, 5, 1),
        pledge=paid,
    )

    assert list(selectors.open_pledges(on=datetime.date(2015, 6, 1))) == [
        open_early,
        partly_paid,
        open_late,
    ]
    statement = statement_of(2015)
    assert statement.open_pledges == [open_early, partly_paid, open_late]
    assert statement.open_pledges_total == Decimal("15000.00")


def test_an_open_pledge_whose_last_year_is_over_has_lapsed(staff):
    """A 2015 pledge never paid reads as lapsed from 2016 on, not as open:
    neither in the open pledges nor in today's statement."""
    lapsed = PledgeFactory(year_from=2015, year_to=2015)
    running = PledgeFactory(year_from=2015, year_to=2016)
    fulfilled = PledgeFactory(status=PledgeStatus.FULFILLED)
    ContributionFactory(
        institution=fulfilled.institution, pledge=fulfilled, amount=fulfilled.amount
    )
    withdrawn = PledgeFactory(status=PledgeStatus.WITHDRAWN)
    last_day, next_year = datetime.date(2015, 12, 31), datetime.date(2016, 1, 1)

    assert lapsed.state_on(last_day) == PledgeState.OPEN
    assert lapsed.state_on(next_year) == PledgeState.LAPSED
    assert running.state_on(next_year) == PledgeState.OPEN
    assert fulfilled.state_on(next_year) == PledgeState.FULFILLED
    assert withdrawn.state_on(next_year) == PledgeState.WITHDRAWN
    assert list(selectors.open_pledges(on=next_year)) == [running]
    assert list(selectors.lapsed_pledges(on=next_year)) == [lapsed]
    assert statement_of(2015).open_pledges == [lapsed, running]
    assert statement_of(2016).open_pledges == [running]
    # Today (after 2016): nothing is still expected of either.
    assert statement_of().open_pledges == []
    assert list(selectors.lapsed_pledges()) == [lapsed, running]


def test_a_late_payment_fulfils_a_lapsed_pledge(staff):
    pledge = PledgeFactory(amount=Decimal("5000.00"), year_from=2015, year_to=2015)
    services.contribution_record(
        user=staff,
        institution=pledge.institution,
        amount=Decimal("5000.00"),
        amount_usd=Decimal("5000.00"),
        received_on=datetime.date(2017, 3, 1),
        pledge=pledge,
    )

    pledge.refresh_from_db()
    assert pledge.state_on(datetime.date(2017, 3, 1)) == PledgeState.FULFILLED
    assert list(selectors.lapsed_pledges()) == []


def test_open_pledges_show_pledged_received_and_outstanding(staff, client):
    institution = InstitutionFactory(name_en="Ministry of Labor of Brazil")
    brl = PledgeFactory(
        institution=institution,
        currency="BRL",
        amount=Decimal("50000.00"),
        amount_usd=Decimal("10000.00"),
        year_from=2015,
        year_to=2015,
    )
    usd = PledgeFactory(institution=institution, amount=Decimal("3000.00"), year_to=2016)
    for pledge, currency, amount, amount_usd in (
        (brl, "BRL", "20000.00", "3800.00"),  # 40% of it, whatever the dollar did
        (brl, "USD", "1000.00", "1000.00"),  # 5,000 BRL at the pledge's rate
        (usd, "USD", "1200.00", "1200.00"),
    ):
        services.contribution_record(
            user=staff,
            institution=institution,
            pledge=pledge,
            currency=currency,
            amount=Decimal(amount),
            amount_usd=Decimal(amount_usd),
            received_on=datetime.date(2015, 5, 1),
        )

    statement = statement_of(2015)

    rows = [
        (p.currency, p.amount, p.received, p.outstanding, p.converted)
        for p in statement.open_pledges
    ]
    assert rows == [
        ("BRL", Decimal("50000.00"), Decimal("25000.00"), Decimal("25000.00"), True),
        ("USD", Decimal("3000.00"), Decimal("1200.00"), Decimal("1800.00"), False),
    ]
    assert [(p.amount_usd, p.received_usd, p.outstanding_usd) for p in statement.open_pledges] == [
        (Decimal("10000.00"), Decimal("5000.00"), Decimal("5000.00")),
        (Decimal("3000.00"), Decimal("1200.00"), Decimal("1800.00")),
    ]
    assert (
        statement.open_pledges_total,
        statement.open_pledges_received,
        statement.open_pledges_outstanding,
    ) == (Decimal("13000.00"), Decimal("6200.00"), Decimal("6800.00"))
    # The projection counts what the statement says is still to come.
    projection = selectors.year_end_projection(today=datetime.date(2015, 6, 1))
    assert projection.pledged_this_year == Decimal("5000.00")

    page = client.get("/fund/", {"year": 2015}).content.decode()
    assert "In BRL: 50,000.00 pledged, 25,000.00 received, 25,000.00 outstanding." in page
    assert "Partly paid in another currency, counted at its recorded US-dollar value." in page
    csv_rows = list(
        csv.reader(io.StringIO(client.get("/fund/statement.csv", {"year": 2015}).content.decode()))
    )
    # The statement's own rows: the records behind its lines come after them.
    csv_rows = csv_rows[: csv_rows.index(next(row for row in csv_rows if row[:1] == ["Records"]))]
    pledge_rows = [row[1:9] for row in csv_rows if row[:1] == [str(institution)] and len(row) > 3]
    assert pledge_rows == [
        ["2015", "10000.00", "5000.00", "5000.00", "BRL", "50000.00", "25000.00", "25000.00"],
        ["2015–2016", "3000.00", "1200.00", "1800.00", "USD", "3000.00", "1200.00", "1800.00"],
    ]
    assert ["Total open pledges", "", "13000.00", "6200.00", "6800.00"] in csv_rows


def test_a_past_year_s_statement_reads_the_same_after_later_records(staff, client):
    """The 2015 statement shows the allocations and pledges as they stood on
    31 December 2015, and nothing recorded later with a later date changes
    it: not on the page, the CSV or the API."""
    day = datetime.date(2015, 6, 1)
    ContributionFactory(amount=Decimal("30000.00"), received_on=day)
    website = AllocationFactory(purpose="Website", ceiling=Decimal("20000.00"), decided_on=day)
    ExpenseFactory(allocation=website, amount=Decimal("4000.00"), spent_on=day)
    institution = InstitutionFactory()
    fields = {"institution": institution, "year_from": 2015, "year_to": 2016}
    partly_paid = PledgeFactory(amount=Decimal("10000.00"), **fields)
    ContributionFactory(
        institution=institution, pledge=partly_paid, amount=Decimal("2500.00"), received_on=day
    )
    withdrawn_later = PledgeFactory(amount=Decimal("3000.00"), **fields)

    def the_2015_statement():
        statement = statement_of(2015)
        return (
            [(a.purpose, a.ceiling, a.used, a.remaining) for a in statement.allocations],
            [(p.pk, p.received, p.outstanding) for p in statement.open_pledges],
            statement.open_pledges_outstanding,
            statement.balance,
            client.get("/fund/statement.csv", {"year": 2015}).content,
            client.get("/api/v1/fund/statement/", {"year": 2015}).json(),
        )

    before = the_2015_statement()
    assert before[:4] == (
        [("Website", Decimal("20000.00"), Decimal("4000.00"), Decimal("16000.00"))],
        [
            (partly_paid.pk, Decimal("2500.00"), Decimal("7500.00")),
            (withdrawn_later.pk, ZERO, Decimal("3000.00")),
        ],
        Decimal("10500.00"),
        Decimal("28500.00"),
    )

    # 2016: a new allocation, more spent on the old one, the pledge paid in
    # full, the other withdrawn, and a part of 2015's money returned.
    later = datetime.date(2016, 3, 1)
    services.allocation_record(
        user=staff,
        purpose="Newsletter",
        budget_line=BudgetLine.PUBLICATIONS,
        ceiling=Decimal("5000.00"),
        decided_on=later,
        decided_at="Planning meeting",
    )
    services.expense_record(
        user=staff,
        allocation=website,
        budget_line=website.budget_line,
        amount=Decimal("6000.00"),
        spent_on=later,
        description="Web developer",
    )
    services.contribution_record(
        user=staff,
        institution=institution,
        pledge=partly_paid,
        amount=Decimal("7500.00"),
        amount_usd=Decimal("7500.00"),
        received_on=later,
    )
    services.pledge_withdraw(pledge=withdrawn_later, user=staff, on=later)
    services.entry_reverse(
        entry=Contribution.objects.get(amount=Decimal("30000.00")),
        user=staff,
        on=later,
        reference="Returned",
        amount=Decimal("1000.00"),
    )

    assert the_2015_statement() == before
    in_2016 = statement_of(2016)
    assert [(a.purpose, a.used, a.remaining) for a in in_2016.allocations] == [
        ("Newsletter", ZERO, Decimal("5000.00")),
        ("Website", Decimal("10000.00"), Decimal("10000.00")),
    ]
    assert in_2016.open_pledges == []


@pytest.fixture
def hand_made_books(staff):
    """Resources 60,000.00 and spending 11,500.00 in force: a balance of
    48,500.00; 25,000.00 still to come of this year's pledges; 18,000.00 that
    allocations still commit."""
    mexico = InstitutionFactory()
    pledge = PledgeFactory(
        institution=mexico, amount=Decimal("40000.00"), year_from=2014, year_to=2015
    )
    PledgeFactory(institution=mexico, amount=Decimal("7000.00"), year_from=2016, year_to=2016)
    PledgeFactory(institution=mexico, amount=Decimal("3000.00"), status=PledgeStatus.FULFILLED)
    PledgeFactory(institution=mexico, amount=Decimal("2000.00"), status=PledgeStatus.WITHDRAWN)
    PledgeFactory(
        institution=mexico, amount=Decimal("1000.00"), voided=True, void_reason="Announced twice"
    )
    # Resources: 36,000 + 11,000 - 2,000 + 15,000 (part of the pledge) = 60,000.
    first = ContributionFactory(amount=Decimal("36000.00"), received_on=datetime.date(2014, 3, 1))
    ContributionFactory(
        currency="EUR",
        amount=Decimal("10000.00"),
        amount_usd=Decimal("11000.00"),
        received_on=datetime.date(2015, 2, 1),
    )
    ContributionFactory(amount=Decimal("99999.00"), voided=True, void_reason="Recorded twice")
    services.entry_reverse(
        entry=first, user=staff, on=datetime.date(2015, 1, 5), reference="R", amount=Decimal("2000")
    )
    services.contribution_record(
        user=staff,
        institution=mexico,
        amount=Decimal("15000.00"),
        amount_usd=Decimal("15000.00"),
        received_on=datetime.date(2015, 5, 2),
        pledge=pledge,
    )
    # Spending: 8,000 - 1,000 on the platform, 3,000 without allocation,
    # 1,500 past a small allocation's ceiling (recorded before the rule).
    platform = AllocationFactory(ceiling=Decimal("20000.00"), budget_line=BudgetLine.PLATFORM)
    AllocationFactory(ceiling=Decimal("5000.00"), budget_line=BudgetLine.PUBLICATIONS)
    AllocationFactory(ceiling=Decimal("100000.00"), voided=True, void_reason="Withdrawn")
    overspent = AllocationFactory(ceiling=Decimal("1000.00"), budget_line=BudgetLine.MEETINGS)
    spent = ExpenseFactory(
        amount=Decimal("8000.00"), budget_line=BudgetLine.PLATFORM, allocation=platform
    )
    services.entry_reverse(
        entry=spent, user=staff, on=datetime.date(2015, 5, 5), reference="R", amount=Decimal("1000")
    )
    ExpenseFactory(
        amount=Decimal("4000.00"),
        budget_line=BudgetLine.PLATFORM,
        allocation=platform,
        voided=True,
        void_reason="Paid twice",
    )
    ExpenseFactory(amount=Decimal("3000.00"), budget_line=BudgetLine.STAFF)
    ExpenseFactory(amount=Decimal("1500.00"), budget_line=BudgetLine.MEETINGS, allocation=overspent)


def test_year_end_projection_on_hand_made_books(hand_made_books):
    projection = selectors.year_end_projection(today=datetime.date(2015, 6, 1))

    assert projection.balance == Decimal("48500.00")
    assert projection.pledged_this_year == Decimal("25000.00")
    assert projection.committed == Decimal("18000.00")  # 13,000 + 5,000 + nothing past 1,000
    assert projection.projected_balance == Decimal("55500.00")
    assert selectors.fund_statement().balance == projection.balance


def test_year_end_projection_counts_the_pledges_of_its_own_year(hand_made_books):
    projection = selectors.year_end_projection(today=datetime.date(2016, 1, 4))

    assert projection.pledged_this_year == Decimal("7000.00")
    assert projection.projected_balance == Decimal("37500.00")


def test_year_end_projection_of_empty_books(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("120000.00")

    projection = selectors.year_end_projection(today=datetime.date(2015, 6, 1))

    assert (projection.balance, projection.pledged_this_year, projection.committed) == (
        ZERO,
        ZERO,
        ZERO,
    )
    assert projection.minimum == Decimal("120000.00")
    assert selectors.fund_below_minimum(today=datetime.date(2015, 6, 1))


@pytest.mark.parametrize(
    ("minimum", "below"),
    [
        (Decimal("1000.00"), False),
        (Decimal("1000.01"), True),
        (Decimal("999.99"), False),
        (Decimal("0"), False),
    ],
)
def test_fund_below_minimum_around_the_minimum(settings, minimum, below):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = minimum
    ContributionFactory(amount=Decimal("1500.00"))
    ExpenseFactory(amount=Decimal("200.00"))
    AllocationFactory(ceiling=Decimal("300.00"))  # projected: 1,500 - 200 - 300 = 1,000

    assert selectors.year_end_projection(today=datetime.date(2015, 6, 1)).projected_balance == (
        Decimal("1000.00")
    )
    assert selectors.fund_below_minimum(today=datetime.date(2015, 6, 1)) is below


# The demo books reproduce the seeds' 2015 report.


def test_the_demo_books_reproduce_the_2015_report():
    call_command("load_demo", stdout=io.StringIO())

    statement = selectors.fund_statement()

    assert statement.financial_total == Decimal("467815.00")
    contributors = {
        row["institution__member_state__iso_code"]: row["total"]
        for row in statement.financial_by_contributor
    }
    assert len(statement.financial_by_contributor) == 16
    assert contributors.pop("CA") == Decimal("200000.00")
    assert len(contributors) == 15
    assert sum(contributors.values(), ZERO) == Decimal("267815.00")
    assert statement.in_kind_total == Decimal("128000.00")
    assert statement.total_resources == Decimal("595815.00")
    assert statement.expenses_total == Decimal("538832.00")
    assert statement.balance == Decimal("56983.00")
    assert statement.minimum == Decimal("120000.00")
    assert statement.shortfall == Decimal("63017.00")
    assert Contribution.objects.count() == 21
    assert Expense.objects.count() == 14


def test_a_focal_points_dashboard_shows_its_pledges_open_and_lapsed():
    this_year = timezone.localdate().year
    focal_point = FocalPointFactory()
    lapsed = PledgeFactory(institution=focal_point.institution, year_from=2015, year_to=2015)
    running = PledgeFactory(
        institution=focal_point.institution, year_from=this_year, year_to=this_year
    )
    PledgeFactory(institution=focal_point.institution, status=PledgeStatus.FULFILLED)
    PledgeFactory()  # another institution's

    template, context = selectors.dashboard_section(focal_point)

    assert template == "fund/_section_dashboard.html"
    assert [(pledge, pledge.state) for pledge in context["pledges"]] == [
        (lapsed, PledgeState.LAPSED),
        (running, PledgeState.OPEN),
    ]
