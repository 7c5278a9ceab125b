"""Ceilings under concurrent approvals: threads, each with its own database
connection, against PostgreSQL (CI). Registrations' capacity is tested in
tests/meetings/test_registration_concurrency.py."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db.models import Q, Sum

from cooperation import services as cooperation_services
from cooperation.enums import RequestStatus
from cooperation.models import Request, Review
from fund import services as fund_services
from fund.enums import BudgetLine
from fund.models import Allocation, Expense
from tests.conftest import run_in_threads
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import UserFactory
from tests.fund.factories import AllocationFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def bookkeeper():
    """Staff who keep the fund's books and decide requests. Given permissions
    directly: a transactional test's flush removes the groups migrations made."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            Q(
                content_type__app_label="fund",
                codename__in=["add_contribution", "add_expense", "add_allocation"],
            )
            | Q(content_type__app_label="cooperation", codename="change_request")
        )
    )
    return user


def test_concurrent_expenses_never_take_an_allocation_past_its_ceiling():
    staff = bookkeeper()
    allocation = AllocationFactory(ceiling=Decimal("10000.00"))

    def spend(i):
        fund_services.expense_record(
            user=staff,
            spent_on=datetime.date(2015, 5, 1),
            amount=Decimal("1000.00"),
            budget_line=BudgetLine.PLATFORM,
            allocation=allocation,
            description=f"Consultant, invoice {i}",
        )

    errors = run_in_threads(spend, 20)

    assert len(errors) == 10
    assert all(isinstance(error, ValidationError) for error in errors)
    spent = Expense.objects.filter(allocation=allocation).aggregate(total=Sum("amount"))["total"]
    assert spent == allocation.ceiling


def test_concurrent_approvals_never_exceed_a_calls_envelope():
    staff = bookkeeper()
    call = CallFactory(envelope=Decimal("20000"), max_fund_contribution=Decimal("5000"))
    requests = []
    for _n in range(6):
        request = RequestFactory(call=call, status=RequestStatus.SELECTED)
        Review.objects.create(
            request=request,
            reviewer=staff,
            relevance=4,
            opportunity=4,
            clarity=4,
            commitment=4,
            comment="Sound.",
        )
        requests.append(request)

    def approve(i):
        cooperation_services.request_approve(
            request=requests[i], user=staff, amount="5000", decided_at="11th call"
        )

    errors = run_in_threads(approve, len(requests))

    assert len(errors) == 2
    assert all("envelope" in str(error) for error in errors)
    approved = Request.objects.filter(call=call, status=RequestStatus.APPROVED)
    assert approved.count() == 4
    assert Allocation.objects.aggregate(total=Sum("ceiling"))["total"] == call.envelope
