"""The rules of the books: what the services accept, and what they refuse
without changing a single row."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone, translation

from core.models import EmailDelivery
from fund import selectors, services
from fund.enums import BudgetLine, ContributionKind, PledgeStatus
from fund.models import (
    Allocation,
    ClosedYear,
    Contribution,
    Expense,
    FundAlertState,
    LedgerDeletionRefused,
    Pledge,
)
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

LEDGER = (Pledge, Contribution, Allocation, Expense)
DAY = datetime.date(2015, 6, 1)


def snapshot():
    """Every row of the books, with every field, and the history counts."""
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in LEDGER}
    for model in LEDGER:
        rows[f"{model.__name__} history"] = model.history.count()
    rows["alert state"] = list(FundAlertState.objects.values())
    rows["emails"] = EmailDelivery.objects.count()
    return rows


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def institution():
    return InstitutionFactory()


def contribution_fields(institution, **overrides):
    return {
        "institution": institution,
        "kind": ContributionKind.FINANCIAL,
        "amount": Decimal("1000.00"),
        "currency": "USD",
        "amount_usd": Decimal("1000.00"),
        "received_on": DAY,
        "reference": "Transfer 1",
        **overrides,
    }


def expense_fields(allocation=None, **overrides):
    return {
        "spent_on": DAY,
        "amount": Decimal("500.00"),
        "budget_line": allocation.budget_line if allocation else BudgetLine.MEETINGS,
        "allocation": allocation,
        "description": "Interpretation",
        **overrides,
    }


@pytest.fixture
def contribution(staff, institution):
    return services.contribution_record(user=staff, **contribution_fields(institution))


@pytest.fixture
def allocation(staff):
    return services.allocation_record(
        user=staff,
        purpose="Redesign of the virtual platform",
        budget_line=BudgetLine.PLATFORM,
        ceiling=Decimal("20000.00"),
        decided_on=DAY,
        decided_at="Cartagena meeting",
    )


def refused(exception, call, *, field=None):
    """Run ``call``, which must raise ``exception`` and change nothing in the
    books; return the exception."""
    before = snapshot()
    with pytest.raises(exception) as raised:
        call()
    assert snapshot() == before
    if field is not None:
        assert field in raised.value.message_dict, raised.value
    return raised.value


# Entries from the future


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def test_a_contribution_dated_after_today_is_refused(staff, institution):
    error = refused(
        ValidationError,
        lambda: services.contribution_record(
            user=staff, **contribution_fields(institution, received_on=tomorrow())
        ),
        field="received_on",
    )

    assert "cannot be after today" in " ".join(error.message_dict["received_on"])
    assert selectors.year_end_projection().balance == Decimal("0.00")


def test_an_expense_dated_after_today_is_refused(staff, allocation):
    error = refused(
        ValidationError,
        lambda: services.expense_record(
            user=staff, **expense_fields(allocation, spent_on=tomorrow())
        ),
        field="spent_on",
    )

    assert "cannot be after today" in " ".join(error.message_dict["spent_on"])
    assert selectors.allocation_remaining(allocation) == Decimal("20000.00")


def test_a_reversal_dated_after_today_is_refused(staff, institution):
    contribution = services.contribution_record(user=staff, **contribution_fields(institution))
    expense = services.expense_record(user=staff, **expense_fields())

    for entry, field in ((contribution, "received_on"), (expense, "spent_on")):
        refused(
            ValidationError,
            lambda entry=entry: services.entry_reverse(
                entry=entry, user=staff, on=tomorrow(), reference="Returned"
            ),
            field=field,
        )


def test_entries_dated_today_are_recorded_and_a_pledge_may_look_ahead(staff, institution):
    today = timezone.localdate()

    services.contribution_record(user=staff, **contribution_fields(institution, received_on=today))
    services.expense_record(user=staff, **expense_fields(spent_on=today))
    pledge = services.pledge_record(
        user=staff,
        institution=institution,
        amount=Decimal("5000.00"),
        amount_usd=Decimal("5000.00"),
        year_from=today.year + 1,
        year_to=today.year + 2,
        announced_on=tomorrow(),
    )

    assert (Contribution.objects.count(), Expense.objects.count()) == (1, 1)
    assert pledge.status == PledgeStatus.OPEN


# Closing a year


def test_closing_a_year_freezes_its_statement_and_corrections_go_in_the_open_year(
    staff, institution, client
):
    contribution = services.contribution_record(user=staff, **contribution_fields(institution))
    expense = services.expense_record(user=staff, **expense_fields())
    services.pledge_record(
        user=staff,
        institution=institution,
        amount=Decimal("5000.00"),
        amount_usd=Decimal("5000.00"),
        year_from=2015,
        year_to=2015,
        announced_on=DAY,
    )
    AllocationFactory(decided_on=DAY)

    def the_2015_statement():
        csv_rows = client.get("/fund/statement.csv", {"year": 2015}).content.decode().splitlines()
        api = client.get("/api/v1/fund/statement/", {"year": 2015}).json()
        return csv_rows, api

    computed_csv, computed_api = the_2015_statement()
    assert computed_api["closed_at"] is None

    closed = services.year_close(year=2015, user=staff)

    assert closed.intact
    assert len(closed.checksum) == 64
    frozen_csv, frozen_api = the_2015_statement()
    # The frozen statement is the computed one, to the last figure, and says
    # when it was closed.
    assert frozen_api["closed_at"] is not None
    assert {**frozen_api, "closed_at": None} == computed_api
    assert frozen_csv[0] == computed_csv[0]
    assert frozen_csv[1].startswith("Closed on,")
    assert frozen_csv[2:] == computed_csv[1:]
    page = client.get("/fund/", {"year": 2015})
    assert page.context["statement"].closed == closed
    assert "This year was closed on" in page.content.decode()

    # Nothing dated in the closed year is recorded or voided…
    for call, field in (
        (
            lambda: services.contribution_record(user=staff, **contribution_fields(institution)),
            "received_on",
        ),
        (lambda: services.expense_record(user=staff, **expense_fields()), "spent_on"),
        (lambda: services.entry_void(entry=expense, user=staff, reason="Paid twice"), "reason"),
        (
            lambda: services.entry_reverse(
                entry=contribution, user=staff, on=DAY, reference="Returned"
            ),
            "received_on",
        ),
    ):
        error = refused(ValidationError, call, field=field)
        assert "closed" in " ".join(error.message_dict[field])

    # …a correction is an adjusting entry in the open year, and the closed
    # year's statement does not move.
    services.entry_reverse(
        entry=contribution,
        user=staff,
        on=datetime.date(2016, 2, 1),
        reference="Returned",
        amount=Decimal("100.00"),
    )
    assert the_2015_statement() == (frozen_csv, frozen_api)
    in_2016 = selectors.statement_of_period(
        start=datetime.date(2016, 1, 1), end=datetime.date(2016, 12, 31)
    )
    assert in_2016.closed is None
    assert in_2016.financial_total == Decimal("-100.00")

    # A year is closed once, once it is over; the checksum shows tampering.
    refused(ValidationError, lambda: services.year_close(year=2015, user=staff), field="year")
    this_year = timezone.localdate().year
    refused(ValidationError, lambda: services.year_close(year=this_year, user=staff), field="year")
    ClosedYear.objects.filter(pk=closed.pk).update(statement={**closed.statement, "en": {}})
    closed.refresh_from_db()
    assert not closed.intact


# Allocations and their ceiling


def test_an_expense_beyond_the_allocation_remaining_is_refused(staff, allocation):
    services.expense_record(user=staff, **expense_fields(allocation, amount=Decimal("15000.00")))

    error = refused(
        ValidationError,
        lambda: services.expense_record(
            user=staff, **expense_fields(allocation, amount=Decimal("5000.01"))
        ),
        field="amount",
    )

    assert "5000.00" in " ".join(error.message_dict["amount"])


def test_an_expense_of_exactly_the_remaining_amount_is_accepted(staff, allocation):
    services.expense_record(user=staff, **expense_fields(allocation, amount=Decimal("15000.00")))

    services.expense_record(user=staff, **expense_fields(allocation, amount=Decimal("5000.00")))

    assert selectors.allocation_remaining(allocation) == Decimal("0.00")
    refused(
        ValidationError,
        lambda: services.expense_record(
            user=staff, **expense_fields(allocation, amount=Decimal("0.01"))
        ),
        field="amount",
    )


def test_voided_and_reversed_expenses_give_back_to_the_allocation(staff, allocation):
    voided = services.expense_record(
        user=staff, **expense_fields(allocation, amount=Decimal("15000.00"))
    )
    services.entry_void(entry=voided, user=staff, reason="Paid twice")
    spent = services.expense_record(
        user=staff, **expense_fields(allocation, amount=Decimal("20000.00"))
    )
    services.entry_reverse(
        entry=spent, user=staff, on=DAY, reference="Refund", amount=Decimal("2500.00")
    )

    services.expense_record(user=staff, **expense_fields(allocation, amount=Decimal("2500.00")))

    assert selectors.allocation_remaining(allocation) == Decimal("0.00")


def test_an_expense_on_a_voided_allocation_is_refused(staff, allocation):
    services.entry_void(entry=allocation, user=staff, reason="Decision withdrawn")

    refused(
        ValidationError,
        lambda: services.expense_record(user=staff, **expense_fields(allocation)),
        field="allocation",
    )


def test_an_expense_on_another_budget_line_than_its_allocation_is_refused(staff, allocation):
    refused(
        ValidationError,
        lambda: services.expense_record(
            user=staff, **expense_fields(allocation, budget_line=BudgetLine.MEETINGS)
        ),
        field="budget_line",
    )


# Amounts and currencies


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("0.00"), Decimal("-1"), Decimal("-0.01")])
def test_zero_or_negative_amounts_are_refused_by_every_service(staff, institution, amount):
    refused(
        ValidationError,
        lambda: services.contribution_record(
            user=staff, **contribution_fields(institution, amount=amount, amount_usd=amount)
        ),
        field="amount",
    )
    refused(
        ValidationError,
        lambda: services.expense_record(user=staff, **expense_fields(amount=amount)),
        field="amount",
    )
    refused(
        ValidationError,
        lambda: services.pledge_record(
            user=staff,
            institution=institution,
            amount=amount,
            amount_usd=amount,
            year_from=2015,
            year_to=2015,
            announced_on=DAY,
        ),
        field="amount",
    )
    refused(
        ValidationError,
        lambda: services.allocation_record(
            user=staff,
            purpose="Publication",
            budget_line=BudgetLine.PUBLICATIONS,
            ceiling=amount,
            decided_on=DAY,
            decided_at="Cartagena meeting",
        ),
        field="ceiling",
    )


def test_an_expense_of_zero_on_an_allocation_is_refused(staff, allocation):
    refused(
        ValidationError,
        lambda: services.expense_record(
            user=staff, **expense_fields(allocation, amount=Decimal("-5.00"))
        ),
        field="amount",
    )


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Contribution, {"amount": Decimal("-1"), "amount_usd": Decimal("-1")}),
        (Contribution, {"amount": Decimal("0"), "amount_usd": Decimal("0")}),
        (Contribution, {"currency": "EUR", "amount": Decimal("10"), "amount_usd": Decimal("-1")}),
        (Expense, {"amount": Decimal("-1")}),
        (Allocation, {"ceiling": Decimal("0")}),
        (Pledge, {"amount": Decimal("-1"), "amount_usd": Decimal("-1")}),
    ],
)
def test_the_database_refuses_amounts_that_are_not_positive(institution, model, fields):
    base = {
        Contribution: contribution_fields(institution),
        Expense: expense_fields(),
        Allocation: {
            "purpose": "Publication",
            "budget_line": BudgetLine.PUBLICATIONS,
            "ceiling": Decimal("100.00"),
            "decided_on": DAY,
            "decided_at": "Cartagena",
        },
        Pledge: {
            "institution": institution,
            "amount": Decimal("100.00"),
            "amount_usd": Decimal("100.00"),
            "year_from": 2015,
            "year_to": 2015,
            "announced_on": DAY,
        },
    }[model]

    def create():
        with transaction.atomic():
            model.objects.create(**{**base, **fields})

    refused(IntegrityError, create)


def test_the_database_refuses_a_usd_value_that_is_not_the_usd_amount(institution):
    def create():
        with transaction.atomic():
            Contribution.objects.create(
                **contribution_fields(institution, amount_usd=Decimal("999.99"))
            )

    refused(IntegrityError, create)


def test_a_usd_value_that_is_not_the_usd_amount_is_refused_by_the_service(staff, institution):
    refused(
        ValidationError,
        lambda: services.contribution_record(
            user=staff, **contribution_fields(institution, amount_usd=Decimal("999.99"))
        ),
    )


def test_another_currency_keeps_its_own_usd_value(staff, institution):
    contribution = services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, currency="EUR", amount=Decimal("1000.00"), amount_usd=Decimal("1085.40")
        ),
    )

    contribution.refresh_from_db()
    assert (contribution.amount, contribution.amount_usd) == (Decimal("1000"), Decimal("1085.40"))


@pytest.mark.parametrize("currency", ["usd", "Usd", "US", "US$", "DOLLARS"])
def test_a_currency_that_is_not_three_capital_letters_is_refused(staff, institution, currency):
    refused(
        ValidationError,
        lambda: services.contribution_record(
            user=staff, **contribution_fields(institution, currency=currency)
        ),
        field="currency",
    )


def test_the_database_refuses_a_lower_case_currency(institution):
    def create():
        with transaction.atomic():
            Contribution.objects.create(**contribution_fields(institution, currency="usd"))

    refused(IntegrityError, create)


# Nothing is deleted


def test_deleting_a_record_is_refused(contribution):
    refused(LedgerDeletionRefused, contribution.delete)

    assert Contribution.objects.filter(pk=contribution.pk).exists()


@pytest.mark.parametrize("model", LEDGER)
def test_deleting_through_a_queryset_is_refused(model, staff, institution):
    ContributionFactory(institution=institution)
    ExpenseFactory()
    AllocationFactory()
    PledgeFactory(institution=institution)

    refused(LedgerDeletionRefused, lambda: model.objects.all().delete())
    refused(LedgerDeletionRefused, lambda: model.objects.filter(pk__gt=0).delete())

    assert model.objects.count() == 1


def test_deleting_through_a_related_manager_is_refused(contribution, institution):
    refused(LedgerDeletionRefused, lambda: institution.contributions.all().delete())

    assert Contribution.objects.filter(pk=contribution.pk).exists()


@pytest.mark.postgresql
@pytest.mark.parametrize("model", LEDGER)
def test_the_database_refuses_a_raw_delete(model, institution):
    ContributionFactory(institution=institution)
    ExpenseFactory()
    AllocationFactory()
    PledgeFactory(institution=institution)

    def delete():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {model._meta.db_table}")

    error = refused(DatabaseError, delete)

    assert "never deleted" in str(error)
    assert model.objects.count() == 1


# Voids


@pytest.mark.parametrize("reason", ["", "   ", "\n\t", None])
def test_a_void_needs_a_reason(contribution, staff, reason):
    refused(
        ValidationError,
        lambda: services.entry_void(entry=contribution, user=staff, reason=reason),
        field="reason",
    )


def test_a_void_keeps_the_record_with_its_reason_and_who_voided_it(contribution, staff):
    services.entry_void(entry=contribution, user=staff, reason="  Recorded twice  ")

    contribution.refresh_from_db()
    assert contribution.voided
    assert contribution.void_reason == "Recorded twice"
    assert contribution.voided_by == staff
    assert contribution.voided_at is not None
    assert contribution.amount == Decimal("1000.00")


def test_voiding_twice_is_refused(contribution, staff):
    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")

    refused(
        ValidationError,
        lambda: services.entry_void(entry=contribution, user=staff, reason="Again"),
    )


def test_voiding_twice_is_refused_even_through_a_stale_instance(contribution, staff):
    stale = Contribution.objects.get(pk=contribution.pk)
    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")

    refused(ValidationError, lambda: services.entry_void(entry=stale, user=staff, reason="Again"))


def test_voiding_an_allocation_with_effective_expenses_is_refused(staff, allocation):
    expense = services.expense_record(user=staff, **expense_fields(allocation))

    refused(
        ValidationError,
        lambda: services.entry_void(entry=allocation, user=staff, reason="Withdrawn"),
    )

    services.entry_void(entry=expense, user=staff, reason="Wrong allocation")
    services.entry_void(entry=allocation, user=staff, reason="Withdrawn")
    allocation.refresh_from_db()
    assert allocation.voided


def test_voiding_a_contribution_with_an_effective_reversal_is_refused(contribution, staff):
    reversal = services.entry_reverse(
        entry=contribution, user=staff, on=DAY, reference="Returned", amount=Decimal("100.00")
    )

    refused(
        ValidationError,
        lambda: services.entry_void(entry=contribution, user=staff, reason="Recorded twice"),
    )

    services.entry_void(entry=reversal, user=staff, reason="Not returned after all")
    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")
    contribution.refresh_from_db()
    assert contribution.voided


def test_voiding_a_pledge_with_contributions_is_refused(staff, institution):
    pledge = PledgeFactory(institution=institution)
    services.contribution_record(
        user=staff, **contribution_fields(institution, pledge=pledge, amount_usd=Decimal("1000"))
    )

    refused(
        ValidationError,
        lambda: services.entry_void(entry=pledge, user=staff, reason="Withdrawn"),
    )


# Reversals


def test_a_reversal_of_more_than_the_record_is_refused(contribution, staff):
    refused(
        ValidationError,
        lambda: services.entry_reverse(
            entry=contribution,
            user=staff,
            on=DAY,
            reference="Returned",
            amount=Decimal("1000.01"),
        ),
        field="amount",
    )


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-10.00")])
def test_a_reversal_of_nothing_is_refused(contribution, staff, amount):
    refused(
        ValidationError,
        lambda: services.entry_reverse(
            entry=contribution, user=staff, on=DAY, reference="Returned", amount=amount
        ),
        field="amount",
    )


def test_partial_reversals_up_to_the_rest_are_accepted(contribution, staff):
    later = DAY + datetime.timedelta(days=30)
    services.entry_reverse(
        entry=contribution, user=staff, on=later, reference="R1", amount=Decimal("400.00")
    )

    error = refused(
        ValidationError,
        lambda: services.entry_reverse(
            entry=contribution, user=staff, on=later, reference="R2", amount=Decimal("600.01")
        ),
        field="amount",
    )
    assert "600.00" in " ".join(error.message_dict["amount"])

    rest = services.entry_reverse(entry=contribution, user=staff, on=later, reference="R2")

    assert rest.amount == Decimal("600.00")
    assert rest.amount_usd == Decimal("600.00")
    assert rest.reverses == contribution
    assert rest.recorded_by == staff
    assert (rest.institution, rest.kind, rest.received_on) == (
        contribution.institution,
        contribution.kind,
        later,
    )
    assert selectors.fund_statement().financial_total == Decimal("0.00")
    refused(
        ValidationError,
        lambda: services.entry_reverse(
            entry=contribution, user=staff, on=later, reference="R3", amount=Decimal("0.01")
        ),
        field="amount",
    )


def test_a_voided_reversal_gives_its_amount_back_to_reverse(contribution, staff):
    reversal = services.entry_reverse(entry=contribution, user=staff, on=DAY, reference="R1")
    services.entry_void(entry=reversal, user=staff, reason="The transfer was not returned")

    again = services.entry_reverse(entry=contribution, user=staff, on=DAY, reference="R2")

    assert again.amount == Decimal("1000.00")


def test_reversing_a_reversal_is_refused(contribution, staff):
    reversal = services.entry_reverse(
        entry=contribution, user=staff, on=DAY, reference="R1", amount=Decimal("10.00")
    )

    refused(
        ValidationError,
        lambda: services.entry_reverse(entry=reversal, user=staff, on=DAY, reference="R2"),
    )


def test_reversing_a_voided_record_is_refused(contribution, staff):
    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")

    refused(
        ValidationError,
        lambda: services.entry_reverse(entry=contribution, user=staff, on=DAY, reference="R"),
    )


def test_only_contributions_and_expenses_are_reversed(staff, allocation, institution):
    pledge = PledgeFactory(institution=institution)

    for entry in (allocation, pledge):
        refused(
            ValidationError,
            lambda entry=entry: services.entry_reverse(
                entry=entry, user=staff, on=DAY, reference="R"
            ),
        )


def test_partial_reversals_of_a_contribution_in_another_currency_take_its_usd_value_to_zero(
    staff, institution
):
    contribution = services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, currency="BRL", amount=Decimal("100.00"), amount_usd=Decimal("33.34")
        ),
    )

    reversals = [
        services.entry_reverse(
            entry=contribution, user=staff, on=DAY, reference=f"R{n}", amount=Decimal("33.33")
        )
        for n in (1, 2)
    ]
    reversals.append(services.entry_reverse(entry=contribution, user=staff, on=DAY, reference="R3"))

    for reversal in reversals:
        reversal.refresh_from_db()
        assert reversal.amount_usd == reversal.amount_usd.quantize(Decimal("0.01"))
    assert sum(reversal.amount for reversal in reversals) == Decimal("100.00")
    assert sum(reversal.amount_usd for reversal in reversals) == Decimal("33.34")
    assert selectors.fund_statement().financial_total == Decimal("0.00")


def test_a_reversal_in_another_currency_may_say_its_own_usd_value(staff, institution):
    contribution = services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, currency="EUR", amount=Decimal("1000.00"), amount_usd=Decimal("1100.00")
        ),
    )

    reversal = services.entry_reverse(
        entry=contribution,
        user=staff,
        on=DAY,
        reference="Returned",
        amount=Decimal("500.00"),
        amount_usd=Decimal("530.00"),
    )

    assert reversal.amount_usd == Decimal("530.00")
    assert selectors.fund_statement().financial_total == Decimal("570.00")


def test_an_expense_reversal_keeps_its_line_and_allocation(staff, allocation):
    expense = services.expense_record(user=staff, **expense_fields(allocation))

    reversal = services.entry_reverse(
        entry=expense, user=staff, on=DAY, reference="Refund", amount=Decimal("200.00")
    )

    assert (reversal.budget_line, reversal.allocation, reversal.spent_on) == (
        BudgetLine.PLATFORM,
        allocation,
        DAY,
    )
    assert selectors.allocation_remaining(allocation) == Decimal("19700.00")


# Pledges


@pytest.fixture
def pledge(staff, institution):
    return services.pledge_record(
        user=staff,
        institution=institution,
        amount=Decimal("5000.00"),
        currency="USD",
        amount_usd=Decimal("5000.00"),
        year_from=2015,
        year_to=2015,
        announced_on=DAY,
    )


def test_a_contribution_for_the_full_pledge_fulfils_it_and_voiding_it_reopens_it(
    staff, institution, pledge
):
    assert pledge.status == PledgeStatus.OPEN
    contribution = services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, pledge=pledge, amount=Decimal("5000.00"), amount_usd=Decimal("5000.00")
        ),
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.FULFILLED
    assert list(selectors.open_pledges(on=DAY)) == []

    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.OPEN
    assert list(selectors.open_pledges(on=DAY)) == [pledge]


def test_a_pledge_is_fulfilled_by_several_contributions_and_reopened_by_a_reversal(
    staff, institution, pledge
):
    fields = contribution_fields(institution, pledge=pledge, amount=Decimal("2500.00"))
    fields["amount_usd"] = fields["amount"]
    services.contribution_record(user=staff, **fields)
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.OPEN

    second = services.contribution_record(user=staff, **fields)
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.FULFILLED

    services.entry_reverse(
        entry=second, user=staff, on=DAY, reference="Returned", amount=Decimal("0.01")
    )
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.OPEN


def brl_pledge(staff, institution, amount, amount_usd):
    return services.pledge_record(
        user=staff,
        institution=institution,
        amount=amount,
        currency="BRL",
        amount_usd=amount_usd,
        year_from=2015,
        year_to=2015,
        announced_on=DAY,
    )


def test_a_pledge_paid_in_full_in_its_own_currency_is_fulfilled_whatever_the_rate(
    staff, institution
):
    pledge = brl_pledge(staff, institution, Decimal("100000.00"), Decimal("19000.00"))

    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution,
            pledge=pledge,
            currency="BRL",
            amount=Decimal("100000.00"),
            amount_usd=Decimal("18500.00"),  # the real fell meanwhile
        ),
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.FULFILLED
    assert list(selectors.open_pledges(on=DAY)) == []


def test_a_pledge_paid_short_in_its_own_currency_stays_open_whatever_the_rate(staff, institution):
    pledge = brl_pledge(staff, institution, Decimal("50000.00"), Decimal("9500.00"))

    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution,
            pledge=pledge,
            currency="BRL",
            amount=Decimal("49000.00"),
            amount_usd=Decimal("9800.00"),  # more dollars than pledged: the real rose
        ),
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.OPEN
    (settled,) = selectors.pledges_with_receipts(selectors.open_pledges(on=DAY))
    assert (settled.received, settled.outstanding, settled.converted) == (
        Decimal("49000.00"),
        Decimal("1000.00"),
        False,
    )
    assert (settled.received_usd, settled.outstanding_usd) == (
        Decimal("9310.00"),
        Decimal("190.00"),
    )


def test_a_payment_in_another_currency_counts_at_its_recorded_conversion(staff, institution):
    # 100,000 BRL pledged at 19,000 USD: 5.263… reais a dollar.
    pledge = brl_pledge(staff, institution, Decimal("100000.00"), Decimal("19000.00"))
    fields = contribution_fields(institution, pledge=pledge)

    services.contribution_record(
        user=staff, **{**fields, "amount": Decimal("9500.00"), "amount_usd": Decimal("9500.00")}
    )
    (settled,) = selectors.pledges_with_receipts(selectors.open_pledges(on=DAY))
    assert (settled.received, settled.outstanding, settled.converted) == (
        Decimal("50000.00"),
        Decimal("50000.00"),
        True,
    )

    services.contribution_record(
        user=staff,
        **{
            **fields,
            "currency": "BRL",
            "amount": Decimal("50000.00"),
            "amount_usd": Decimal("9000.00"),
        },
    )
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.FULFILLED


def test_a_usd_pledge_paid_in_another_currency_counts_its_usd_value(staff, institution, pledge):
    fields = contribution_fields(institution, pledge=pledge, currency="EUR")

    services.contribution_record(
        user=staff, **{**fields, "amount": Decimal("4500.00"), "amount_usd": Decimal("4999.99")}
    )
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.OPEN

    services.contribution_record(
        user=staff, **{**fields, "amount": Decimal("0.01"), "amount_usd": Decimal("0.01")}
    )
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.FULFILLED


def test_a_contribution_against_another_institutions_pledge_is_refused(staff, pledge):
    refused(
        ValidationError,
        lambda: services.contribution_record(
            user=staff, **contribution_fields(InstitutionFactory(), pledge=pledge)
        ),
        field="pledge",
    )


def test_a_pledge_is_withdrawn_on_a_day_between_its_announcement_and_today(staff, pledge):
    for day in (DAY - datetime.timedelta(days=1), tomorrow()):
        refused(
            ValidationError,
            lambda day=day: services.pledge_withdraw(pledge=pledge, user=staff, on=day),
            field="on",
        )

    services.pledge_withdraw(pledge=pledge, user=staff, on=DAY)

    pledge.refresh_from_db()
    assert (pledge.status, pledge.withdrawn_on) == (PledgeStatus.WITHDRAWN, DAY)


def test_a_withdrawn_pledge_stays_withdrawn(staff, institution, pledge):
    services.pledge_withdraw(pledge=pledge, user=staff)
    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, pledge=pledge, amount=Decimal("5000.00"), amount_usd=Decimal("5000.00")
        ),
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.WITHDRAWN


# Rights


OUTSIDERS = {
    "focal point": lambda: FocalPointFactory(),
    "staff without the group": lambda: UserFactory(is_staff=True),
    "inactive Secretariat staff": lambda: SecretariatStaffFactory(is_active=False),
}


def every_service(institution, allocation, contribution, expense, pledge):
    return {
        "pledge_record": lambda user: services.pledge_record(
            user=user,
            institution=institution,
            amount=Decimal("10.00"),
            amount_usd=Decimal("10.00"),
            year_from=2015,
            year_to=2015,
            announced_on=DAY,
        ),
        "contribution_record": lambda user: services.contribution_record(
            user=user, **contribution_fields(institution)
        ),
        "allocation_record": lambda user: services.allocation_record(
            user=user,
            purpose="Publication",
            budget_line=BudgetLine.PUBLICATIONS,
            ceiling=Decimal("100.00"),
            decided_on=DAY,
            decided_at="Cartagena",
        ),
        "expense_record": lambda user: services.expense_record(
            user=user, **expense_fields(allocation)
        ),
        "expense_record without allocation": lambda user: services.expense_record(
            user=user, **expense_fields()
        ),
        "entry_void": lambda user: services.entry_void(
            entry=contribution, user=user, reason="Recorded twice"
        ),
        "entry_reverse": lambda user: services.entry_reverse(
            entry=expense, user=user, on=DAY, reference="Refund"
        ),
        "pledge_withdraw": lambda user: services.pledge_withdraw(pledge=pledge, user=user),
    }


SERVICES = list(every_service(*[None] * 5))


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("outsider", list(OUTSIDERS))
def test_every_service_refuses_a_user_without_the_rights(
    outsider, service, staff, institution, allocation, contribution, pledge
):
    user = OUTSIDERS[outsider]()
    expense = services.expense_record(user=staff, **expense_fields(allocation))
    call = every_service(institution, allocation, contribution, expense, pledge)[service]

    refused(PermissionDenied, lambda: call(user))

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.OPEN


def test_anonymous_users_are_refused(institution):
    from django.contrib.auth.models import AnonymousUser

    refused(
        PermissionDenied,
        lambda: services.contribution_record(
            user=AnonymousUser(), **contribution_fields(institution)
        ),
    )


# History


def test_recording_and_voiding_a_contribution_leaves_two_history_rows(contribution, staff):
    services.entry_void(entry=contribution, user=staff, reason="Recorded twice")

    history = contribution.history.order_by("history_date", "history_id")
    assert history.count() == 2
    first, latest = history
    assert not first.voided
    assert latest.voided
    assert latest.void_reason == "Recorded twice"
    assert contribution.history.latest().voided


# Alerts


@pytest.fixture
def minimum(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("120000.00")
    return settings.FUND_MINIMUM_ANNUAL_BUDGET


def minimum_alerts():
    return EmailDelivery.objects.filter(key__startswith="fund-below-minimum:")


def test_the_minimum_alert_goes_to_each_secretariat_member_once_per_crossing(
    minimum, staff, institution
):
    other = SecretariatStaffFactory()
    SecretariatStaffFactory(is_active=False)
    FocalPointFactory()
    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, amount=Decimal("100000.00"), amount_usd=Decimal("100000.00")
        ),
    )
    today = datetime.date(2015, 3, 2)

    services.fund_send_alerts(today=today)

    assert sorted(minimum_alerts().values_list("to", flat=True)) == sorted(
        [staff.email, other.email]
    )
    state = FundAlertState.objects.get()
    assert (state.below_minimum, state.crossed_on) == (True, today)

    services.fund_send_alerts(today=today + datetime.timedelta(days=1))
    assert minimum_alerts().count() == 2

    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, amount=Decimal("50000.00"), amount_usd=Decimal("50000.00")
        ),
    )
    services.fund_send_alerts(today=today + datetime.timedelta(days=2))
    assert minimum_alerts().count() == 2
    assert not FundAlertState.objects.get().below_minimum

    services.expense_record(user=staff, **expense_fields(amount=Decimal("40000.00")))
    again = today + datetime.timedelta(days=3)
    services.fund_send_alerts(today=again)

    assert minimum_alerts().count() == 4
    assert sorted(
        minimum_alerts().filter(key__contains=again.isoformat()).values_list("to", flat=True)
    ) == sorted([staff.email, other.email])
    assert FundAlertState.objects.get().crossed_on == again


def test_no_minimum_alert_while_the_projection_is_above_the_minimum(minimum, staff, institution):
    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, amount=Decimal("120000.00"), amount_usd=Decimal("120000.00")
        ),
    )

    services.fund_send_alerts(today=datetime.date(2015, 3, 2))

    assert not minimum_alerts().exists()


@pytest.fixture
def pledge_this_year(staff, institution):
    return services.pledge_record(
        user=staff,
        institution=institution,
        amount=Decimal("5000.00"),
        amount_usd=Decimal("5000.00"),
        year_from=2014,
        year_to=2015,
        announced_on=DAY,
    )


def pledge_reminders():
    return EmailDelivery.objects.filter(key__startswith="pledge-reminder:")


def test_an_open_pledge_ending_this_year_is_reminded_once_near_year_end(
    settings, staff, institution, pledge_this_year
):
    days = settings.FUND_PLEDGE_REMINDER_DAYS
    assert 0 < days < 300
    focal_point = FocalPointFactory(institution=institution)
    FocalPointFactory(institution=institution, is_active=False)
    FocalPointFactory()  # another institution's
    year_end = datetime.date(2015, 12, 31)

    services.fund_send_alerts(today=year_end - datetime.timedelta(days=days + 1))
    services.fund_send_alerts(today=datetime.date(2015, 1, 2))
    assert not pledge_reminders().exists()

    services.fund_send_alerts(today=year_end - datetime.timedelta(days=days))
    assert list(pledge_reminders().values_list("to", flat=True)) == [focal_point.email]
    assert str(pledge_this_year.pk) in pledge_reminders().get().key

    services.fund_send_alerts(today=year_end - datetime.timedelta(days=days // 2))
    services.fund_send_alerts(today=year_end)
    assert pledge_reminders().count() == 1


def test_no_reminder_for_a_pledge_fulfilled_withdrawn_voided_or_ending_later(
    settings, staff, institution
):
    FocalPointFactory(institution=institution)
    fields = {
        "institution": institution,
        "amount": Decimal("100.00"),
        "amount_usd": Decimal("100.00"),
        "year_from": 2015,
        "announced_on": DAY,
    }
    fulfilled = services.pledge_record(user=staff, year_to=2015, **fields)
    services.contribution_record(
        user=staff,
        **contribution_fields(
            institution, pledge=fulfilled, amount=Decimal("100.00"), amount_usd=Decimal("100.00")
        ),
    )
    withdrawn = services.pledge_record(user=staff, year_to=2015, **fields)
    services.pledge_withdraw(pledge=withdrawn, user=staff)
    voided = services.pledge_record(user=staff, year_to=2015, **fields)
    services.entry_void(entry=voided, user=staff, reason="Announced twice")
    services.pledge_record(user=staff, year_to=2016, **fields)

    services.fund_send_alerts(today=datetime.date(2015, 12, 31))

    assert not pledge_reminders().exists()


def test_voiding_a_reversal_that_would_overspend_its_allocation_is_refused():
    staff = SecretariatStaffFactory()
    allocation = AllocationFactory(ceiling=Decimal("1000.00"))
    expense = services.expense_record(
        user=staff,
        spent_on=datetime.date(2015, 5, 1),
        amount=Decimal("800.00"),
        budget_line=allocation.budget_line,
        allocation=allocation,
        description="Developer",
    )
    reversal = services.entry_reverse(
        entry=expense, user=staff, on=datetime.date(2015, 6, 1), reference="R"
    )
    services.expense_record(
        user=staff,
        spent_on=datetime.date(2015, 7, 1),
        amount=Decimal("900.00"),
        budget_line=allocation.budget_line,
        allocation=allocation,
        description="Designer",
    )

    with pytest.raises(ValidationError):
        services.entry_void(entry=reversal, user=staff, reason="Entered by mistake")

    reversal.refresh_from_db()
    assert not reversal.voided


def test_pledge_reminder_respects_a_muted_notice(staff, institution, pledge_this_year):
    FocalPointFactory(institution=institution, muted_notices=["pledge_reminders"])
    listening = FocalPointFactory(institution=institution)

    services.fund_send_alerts(today=datetime.date(2015, 12, 31))

    assert list(pledge_reminders().values_list("to", flat=True)) == [listening.email]


def test_staff_working_in_spanish_record_an_allocation_in_spanish(staff):
    with translation.override("es"):
        allocation = services.allocation_record(
            user=staff,
            purpose="Rediseño de la plataforma virtual",
            budget_line=BudgetLine.PLATFORM,
            ceiling=Decimal("20000.00"),
            decided_on=DAY,
            decided_at="Reunión de Cartagena",
        )

    allocation.refresh_from_db()
    assert allocation.purpose_es == "Rediseño de la plataforma virtual"
    # An English reader gets the only version there is.
    assert allocation.purpose == "Rediseño de la plataforma virtual"
