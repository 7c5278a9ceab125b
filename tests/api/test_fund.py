import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import InstitutionFactory, MemberStateFactory
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    InKindContributionFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db


def test_statement_has_the_figures_of_the_public_page(api, client):
    peru = InstitutionFactory(
        name_en="Ministry of Labor and Employment Promotion",
        member_state=MemberStateFactory(iso_code="PE", name_en="Peru"),
    )
    ContributionFactory(institution=peru, amount=Decimal("12000.00"))
    InKindContributionFactory(amount=Decimal("3000.00"))
    ExpenseFactory(amount=Decimal("2500.50"))
    AllocationFactory(purpose="Website", ceiling=Decimal("20000.00"))
    this_year = timezone.localdate().year
    PledgeFactory(
        institution=peru, amount=Decimal("5000.00"), year_from=this_year, year_to=this_year
    )

    data = api("fund-statement").json()
    page = client.get(reverse("fund:statement")).context["statement"]

    assert data["currency"] == "USD"
    assert data["start"] is None
    assert Decimal(data["balance"]) == page.balance == Decimal("12499.50")
    assert data["financial_total"] == "12000.00"
    assert data["in_kind_total"] == "3000.00"
    assert data["expenses_total"] == "2500.50"
    assert data["financial_by_contributor"] == [
        {
            "name": "Ministry of Labor and Employment Promotion",
            "acronym": "",
            "member_state": "PE",
            "member_state_name": "Peru",
            "total": "12000.00",
        }
    ]
    assert {"budget_line": "platform", "label": "Platform and website", "total": "2500.50"} in (
        data["expenses_by_line"]
    )
    assert [allocation["purpose"] for allocation in data["allocations"]] == ["Website"]
    assert data["open_pledges"] == [
        {
            "institution": "Ministry of Labor and Employment Promotion",
            "institution_display_name": "Ministry of Labor and Employment Promotion (Peru)",
            "member_state": "PE",
            "years": str(this_year),
            "amount_usd": "5000.00",
            "received_usd": "0.00",
            "outstanding_usd": "5000.00",
            "currency": "USD",
            "amount": "5000.00",
            "received": "0.00",
            "outstanding": "5000.00",
            "converted": False,
        }
    ]
    assert (data["open_pledges_total"], data["open_pledges_outstanding"]) == ("5000.00", "5000.00")
    assert Decimal(data["shortfall"]) == page.shortfall


def test_statement_of_a_year_has_an_opening_balance(api):
    ContributionFactory(amount=Decimal("1000.00"), received_on=datetime.date(2014, 6, 1))
    ContributionFactory(amount=Decimal("500.00"), received_on=datetime.date(2015, 6, 1))
    ExpenseFactory(amount=Decimal("200.00"), spent_on=datetime.date(2015, 7, 1))

    data = api("fund-statement", year=2015).json()

    assert data["start"] == "2015-01-01"
    assert data["end"] == "2015-12-31"
    assert data["opening_balance"] == "1000.00"
    assert data["balance"] == "1300.00"


@pytest.mark.parametrize("year", ["abc", "1800", "\x00"])
def test_a_year_outside_the_fund_s_records_is_400(api, year):
    ContributionFactory()

    response = api("fund-statement", year=year)

    assert response.status_code == 400
    assert list(response.json()) == ["year"]


def test_statement_runs_a_fixed_number_of_queries(count_queries):
    url = "/api/v1/fund/statement/"
    ContributionFactory.create_batch(2)
    with_two = count_queries(url)
    ContributionFactory.create_batch(10)
    PledgeFactory.create_batch(3)
    AllocationFactory.create_batch(3)

    assert count_queries(url) == with_two
