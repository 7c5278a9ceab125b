"""Decide, Approve and Close on a cooperation request's own admin page: each
allowed for the Secretariat, refused to other staff roles, refused with a
message when the request's state does not allow it."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse

from cooperation.enums import RequestStatus as Status
from cooperation.models import Request, Review
from rial_portal.roles import EDITOR
from tests.conftest import sign_in_with_second_factor
from tests.cooperation.factories import RequestFactory
from tests.factories import SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SCORES = {"relevance": 5, "opportunity": 4, "clarity": 3, "commitment": 5}


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


@pytest.fixture
def staff_client(client, staff):
    return sign_in_with_second_factor(client, staff)


@pytest.fixture
def editor_client(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    return sign_in_with_second_factor(client, user)


def step_url(request, step):
    return reverse("admin:cooperation_request_step", args=[request.pk, step])


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def status_of(request):
    return Request.objects.get(pk=request.pk).status


def test_request_page_offers_the_step_its_state_allows(staff_client):
    under_review = RequestFactory(status=Status.UNDER_REVIEW)
    selected = RequestFactory(status=Status.SELECTED)

    under_review_page = staff_client.get(
        reverse("admin:cooperation_request_change", args=[under_review.pk])
    ).content.decode()
    selected_page = staff_client.get(
        reverse("admin:cooperation_request_change", args=[selected.pk])
    ).content.decode()

    assert step_url(under_review, "decide") in under_review_page
    assert step_url(under_review, "approve") not in under_review_page
    assert step_url(selected, "approve") in selected_page


def test_decide_step_records_the_decision(staff_client, staff):
    request = RequestFactory(status=Status.UNDER_REVIEW)
    Review.objects.create(request=request, reviewer=staff, comment="Good.", **SCORES)

    response = staff_client.post(
        step_url(request, "decide"), {"decision": Status.SELECTED, "reason": "Top."}
    )

    assert texts(response) == ["The decision is recorded."]
    assert status_of(request) == Status.SELECTED


def test_decide_step_is_refused_to_another_role(editor_client):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    response = editor_client.post(
        step_url(request, "decide"), {"decision": Status.SELECTED, "reason": "Top."}
    )

    assert response.status_code == 403
    assert status_of(request) == Status.UNDER_REVIEW


def test_decide_step_on_a_draft_says_why(staff_client):
    request = RequestFactory(status=Status.DRAFT)

    response = staff_client.post(
        step_url(request, "decide"), {"decision": Status.SELECTED, "reason": "Top."}
    )

    assert texts(response) == ["This request is “Draft”; that step is not possible now."]
    assert status_of(request) == Status.DRAFT


def test_approve_step_approves_what_the_request_asks(staff_client):
    request = RequestFactory(status=Status.SELECTED)

    response = staff_client.post(
        step_url(request, "approve"), {"amount": "", "decided_at": "Steering committee"}
    )

    assert texts(response) == ["The request is approved."]
    request.refresh_from_db()
    assert request.status == Status.APPROVED
    assert request.amount_approved == request.amount_requested()


def test_approve_step_is_refused_to_another_role(editor_client):
    request = RequestFactory(status=Status.SELECTED)

    response = editor_client.post(
        step_url(request, "approve"), {"amount": "", "decided_at": "Steering committee"}
    )

    assert response.status_code == 403
    assert status_of(request) == Status.SELECTED


def test_approve_step_on_a_request_under_review_says_why(staff_client):
    request = RequestFactory(status=Status.UNDER_REVIEW)

    response = staff_client.post(
        step_url(request, "approve"), {"amount": "", "decided_at": "Steering committee"}
    )

    assert texts(response) == [
        "This request is “Under review by the Secretariat”; that step is not possible now."
    ]
    assert status_of(request) == Status.UNDER_REVIEW


def test_close_step_closes_a_reported_request(staff_client):
    request = RequestFactory(status=Status.REPORTED)

    response = staff_client.post(step_url(request, "close"), {"comment": "Checked."})

    assert texts(response) == ["The request is closed."]
    assert status_of(request) == Status.CLOSED


def test_close_step_is_refused_to_another_role(editor_client):
    request = RequestFactory(status=Status.REPORTED)

    assert editor_client.post(step_url(request, "close"), {"comment": ""}).status_code == 403
    assert status_of(request) == Status.REPORTED


def test_close_step_on_an_approved_request_says_why(staff_client):
    request = RequestFactory(status=Status.APPROVED)

    response = staff_client.post(step_url(request, "close"), {"comment": ""})

    assert texts(response) == ["This request is “Approved”; that step is not possible now."]
    assert status_of(request) == Status.APPROVED
