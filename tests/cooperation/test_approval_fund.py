"""Approving a request creates its fund allocation, which the fund's statement
shows; the call's maximum per activity and its envelope hold; only staff who
may decide and keep the books approve."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cooperation import services
from cooperation.enums import RequestStatus
from cooperation.models import Request
from fund import selectors as fund_selectors
from fund.enums import BudgetLine as FundBudgetLine
from fund.models import Allocation
from tests.conftest import sign_in_with_second_factor
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus
CHANGELIST = reverse("admin:cooperation_request_changelist")


def selected(call=None, asked="5000"):
    request = RequestFactory(status=Status.SELECTED, call=call)
    request.budget_lines.update(fund_amount=Decimal(asked))
    return request


def approve_in_admin(client, requests, amount="", decided_at="Selection committee, 10th call"):
    return client.post(
        CHANGELIST,
        {
            "action": "approve",
            "_selected_action": [str(request.pk) for request in requests],
            "apply": "1",
            "amount": amount,
            "decided_at": decided_at,
        },
        follow=True,
    )


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def staff_client(client, staff):
    return sign_in_with_second_factor(client, staff)


def test_approving_creates_the_fund_allocation(staff):
    request = selected(call=CallFactory())

    services.request_approve(request=request, user=staff, amount="4500", decided_at="10th call")

    request.refresh_from_db()
    allocation = request.allocation
    assert request.status == Status.APPROVED
    assert request.amount_approved == Decimal("4500")
    assert allocation.ceiling == Decimal("4500")
    assert allocation.budget_line == FundBudgetLine.COOPERATION_ACTIVITIES
    assert allocation.purpose == f"{request.reference}: {request.title}"
    assert allocation.decided_at == "10th call"
    assert allocation.recorded_by == staff


def test_approved_request_shows_in_the_fund_statement(client, staff):
    request = selected()

    services.request_approve(request=request, user=staff, amount="4500", decided_at="10th call")

    statement = fund_selectors.fund_statement()
    allocation = Allocation.objects.get()
    assert [(row.pk, row.ceiling, row.remaining) for row in statement.allocations] == [
        (allocation.pk, Decimal("4500.00"), Decimal("4500.00"))
    ]
    assert fund_selectors.year_end_projection().committed == Decimal("4500.00")
    page = client.get(reverse("fund:statement")).content.decode()
    assert request.reference in page


def test_approving_in_the_admin_creates_the_allocation(staff_client):
    request = selected(asked="6200")

    response = approve_in_admin(staff_client, [request])

    request.refresh_from_db()
    assert response.status_code == 200
    assert texts(response) == ["1 request approved."]
    assert request.status == Status.APPROVED
    assert request.allocation.ceiling == Decimal("6200.00")


def test_approving_in_the_admin_asks_for_the_meeting_first(staff_client):
    request = selected()

    response = staff_client.post(
        CHANGELIST, {"action": "approve", "_selected_action": [str(request.pk)]}
    )

    assert response.status_code == 200
    assert "decided_at" in response.context["form"].fields
    assert Request.objects.get(pk=request.pk).status == Status.SELECTED


def test_approving_more_than_the_call_allows_per_activity_is_refused(staff):
    call = CallFactory(max_fund_contribution=Decimal("10000"))
    request = selected(call=call, asked="12000")

    with pytest.raises(ValidationError, match="per activity"):
        services.request_approve(request=request, user=staff, amount="12000", decided_at="x")

    assert Request.objects.get(pk=request.pk).status == Status.SELECTED
    assert not Allocation.objects.exists()


def test_approving_more_than_the_request_asks_is_refused(staff):
    request = selected(asked="5000")

    with pytest.raises(ValidationError):
        services.request_approve(request=request, user=staff, amount="5000.01", decided_at="x")


def test_approving_beyond_the_envelope_is_refused(staff_client, staff):
    call = CallFactory(envelope=Decimal("12000"), max_fund_contribution=Decimal("10000"))
    first, second = selected(call=call, asked="8000"), selected(call=call, asked="5000")
    services.request_approve(request=first, user=staff, amount="8000", decided_at="x")

    response = approve_in_admin(staff_client, [second])

    second.refresh_from_db()
    assert second.status == Status.SELECTED
    assert second.allocation is None
    [message] = texts(response)
    assert message.startswith(f"{second}: The call's envelope has 4000")
    assert Allocation.objects.count() == 1


def test_approving_within_what_the_envelope_has_left_succeeds(staff):
    call = CallFactory(envelope=Decimal("12000"), max_fund_contribution=Decimal("10000"))
    first, second = selected(call=call, asked="8000"), selected(call=call, asked="5000")
    services.request_approve(request=first, user=staff, amount="8000", decided_at="x")

    services.request_approve(request=second, user=staff, amount="4000", decided_at="x")

    assert Request.objects.get(pk=second.pk).amount_approved == Decimal("4000")


def test_approving_a_request_not_selected_is_refused(staff):
    request = RequestFactory(status=Status.WAITLISTED)

    with pytest.raises(ValidationError):
        services.request_approve(request=request, user=staff, amount="100", decided_at="x")


@pytest.mark.parametrize("who", ["focal point of the requester", "reviewer without the books"])
def test_approving_is_refused_to_those_who_may_not_decide(who):
    request = selected()
    if who == "focal point of the requester":
        user = FocalPointFactory(institution=request.requester)
    else:
        user = UserFactory(is_staff=True)
        user.user_permissions.add(*Permission.objects.filter(content_type__app_label="cooperation"))

    with pytest.raises(PermissionDenied):
        services.request_approve(request=request, user=user, amount="100", decided_at="x")

    assert not Allocation.objects.exists()


def test_approve_action_is_not_offered_to_staff_who_may_not_decide(client):
    # Cooperation staff who may review, but not keep the fund's books.
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="cooperation"))
    sign_in_with_second_factor(client, user)
    request = selected()

    changelist = client.get(CHANGELIST)
    response = approve_in_admin(client, [request])

    assert "approve" not in dict(changelist.context["action_form"].fields["action"].choices)
    assert Request.objects.get(pk=request.pk).status == Status.SELECTED
    assert not Allocation.objects.exists()
    assert response.status_code == 200


def test_the_allocation_takes_the_activitys_title_in_each_language(staff):
    request = selected()
    Request.objects.filter(pk=request.pk).update(
        title_en="Peru learns Argentina's observatory",
        title_es="Perú conoce el observatorio de Argentina",
    )
    request.refresh_from_db()

    services.request_approve(request=request, user=staff, amount="4500", decided_at="10th call")

    allocation = Allocation.objects.get()
    assert allocation.purpose_en == f"{request.reference}: Peru learns Argentina's observatory"
    assert allocation.purpose_es == f"{request.reference}: Perú conoce el observatorio de Argentina"
