"""Approve and Decline on a registration's own admin page: allowed for the
Secretariat, refused to staff without the right to manage registrations,
refused with a message when the registration's state does not allow it."""

import pytest
from django.contrib import messages
from django.urls import reverse

from meetings.enums import Approval
from meetings.enums import RegistrationStatus as Status
from tests.conftest import sign_in_with_second_factor
from tests.factories import SecretariatStaffFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.meetings.test_admin import message_texts, staff_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    return sign_in_with_second_factor(client, SecretariatStaffFactory())


def awaiting():
    """A registration the Secretariat has to approve."""
    return RegistrationFactory(meeting=MeetingFactory(approval=Approval.SECRETARIAT))


def step_url(registration, step):
    return reverse("admin:meetings_registration_step", args=[registration.pk, step])


def test_registration_page_offers_approve_and_decline(staff_client):
    registration = awaiting()

    html = staff_client.get(
        reverse("admin:meetings_registration_change", args=[registration.pk])
    ).content.decode()

    assert step_url(registration, "approve") in html
    assert step_url(registration, "decline") in html


def test_approve_step_approves(staff_client, django_capture_on_commit_callbacks):
    registration = awaiting()

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(registration, "approve"))

    assert message_texts(response, messages.SUCCESS) == ["The registration is approved."]
    registration.refresh_from_db()
    assert registration.status == Status.APPROVED


def test_approve_step_is_refused_without_the_right_to_manage(client):
    registration = awaiting()
    viewer = staff_with(client, "view_meeting")

    assert viewer.post(step_url(registration, "approve")).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_approve_step_on_a_declined_registration_says_why(staff_client):
    registration = RegistrationFactory(status=Status.DECLINED)

    response = staff_client.post(step_url(registration, "approve"))

    assert message_texts(response, messages.ERROR) == [
        "A registration that is “Declined” cannot be approved."
    ]
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED


def test_decline_step_declines_with_the_reason(staff_client, django_capture_on_commit_callbacks):
    registration = awaiting()

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(registration, "decline"), {"note": "No places."})

    assert message_texts(response, messages.SUCCESS) == ["The registration is declined."]
    registration.refresh_from_db()
    assert registration.status == Status.DECLINED


def test_decline_step_is_refused_without_the_right_to_manage(client):
    registration = awaiting()
    viewer = staff_with(client, "view_meeting")

    assert viewer.post(step_url(registration, "decline"), {"note": ""}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_decline_step_on_a_withdrawn_registration_says_why(staff_client):
    registration = RegistrationFactory(status=Status.WITHDRAWN)

    response = staff_client.post(step_url(registration, "decline"), {"note": ""})

    assert message_texts(response, messages.ERROR) == ["This registration is “Withdrawn” already."]
