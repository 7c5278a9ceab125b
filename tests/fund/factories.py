import datetime
from decimal import Decimal

import factory

from fund.enums import BudgetLine, ContributionKind
from fund.models import Allocation, Contribution, Expense, Pledge
from tests.factories import InstitutionFactory


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    institution = factory.SubFactory(InstitutionFactory)
    kind = ContributionKind.FINANCIAL
    amount = Decimal("1000.00")
    currency = "USD"
    amount_usd = factory.LazyAttribute(lambda o: o.amount)
    received_on = datetime.date(2015, 3, 1)


class InKindContributionFactory(ContributionFactory):
    kind = ContributionKind.IN_KIND
    description = "Venue and interpretation for a workshop"
    valuation = "Invoiced cost"


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    institution = factory.SubFactory(InstitutionFactory)
    amount = Decimal("5000.00")
    currency = "USD"
    amount_usd = factory.LazyAttribute(lambda o: o.amount)
    year_from = 2015
    year_to = 2015
    announced_on = datetime.date(2015, 4, 29)


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    purpose = factory.Sequence(lambda n: f"Purpose {n}")
    budget_line = BudgetLine.PLATFORM
    ceiling = Decimal("20000.00")
    decided_on = datetime.date(2015, 4, 29)
    decided_at = "Cartagena meeting"


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    spent_on = datetime.date(2015, 5, 1)
    amount = Decimal("500.00")
    budget_line = BudgetLine.PLATFORM
    description = "Web developer"
