"""Places under concurrent requests: the meeting's row lock serializes the
decisions, so capacity is never exceeded. Real threads, each with its own
database connection, against PostgreSQL (CI)."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.models import EmailDelivery
from meetings import links, services
from meetings.enums import RegistrationStatus
from meetings.models import Registration
from tests.conftest import run_in_threads
from tests.factories import InstitutionFactory, UserFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

CONCURRENT = 50
PLACES = 10


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_registrations_for_ten_places():
    meeting = MeetingFactory(capacity=PLACES)
    institution = InstitutionFactory()
    users = [UserFactory(email=f"delegate{i}@example.org") for i in range(CONCURRENT)]
    url = reverse("meetings:register", args=[meeting.slug])
    statuses = []

    def register(i):
        client = Client()
        client.force_login(users[i])
        response = client.post(
            url,
            {
                "full_name": f"Delegate {i}",
                "institution": institution.pk,
                "member_state": institution.member_state_id,
                "role": "delegate",
                "email": users[i].email,
                "language": "en",
            },
        )
        statuses.append(response.status_code)

    errors = run_in_threads(register, CONCURRENT)

    assert errors == []
    assert statuses == [302] * CONCURRENT
    by_status = {
        status: Registration.objects.filter(meeting=meeting, status=status).count()
        for status in RegistrationStatus.values
    }
    assert by_status[RegistrationStatus.SUBMITTED] == PLACES
    assert by_status[RegistrationStatus.WAITLISTED] == CONCURRENT - PLACES
    assert sum(by_status.values()) == CONCURRENT
    positions = sorted(
        r.waitlist_position()
        for r in Registration.objects.filter(status=RegistrationStatus.WAITLISTED)
    )
    assert positions == list(range(1, CONCURRENT - PLACES + 1))


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_the_same_address_posted_concurrently_registers_once():
    meeting = MeetingFactory(capacity=PLACES)
    institution = InstitutionFactory()
    url = reverse("meetings:register", args=[meeting.slug])
    statuses = []

    def register(i):
        response = Client().post(
            url,
            {
                "full_name": "Same Person",
                "institution": institution.pk,
                "role": "delegate",
                "email": "same@example.org",
                "language": "en",
            },
        )
        statuses.append(response.status_code)

    errors = run_in_threads(register, 10)

    assert errors == []
    assert Registration.objects.filter(meeting=meeting).count() == 1
    # One went through to the "check your email" page; the others got the form
    # back with the message.
    assert sorted(statuses) == [200] * 9 + [302]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_ten_concurrent_requests_for_a_new_link_send_one_that_works():
    """The registration's row lock serializes them: one email, whose link is
    the registration's current one."""
    meeting = MeetingFactory()
    registration = services.registration_confirm(
        registration=services.registration_create(
            meeting=meeting,
            registration=RegistrationFactory.build(
                meeting=meeting, email="ana@example.org", institution=InstitutionFactory()
            ),
        )
    )

    errors = run_in_threads(
        lambda i: Client().post(
            reverse("meetings:registration_link_request"), {"email": "ana@example.org"}
        ),
        10,
    )

    assert errors == []
    email = EmailDelivery.objects.get(key__contains=f":{registration.pk}:new-link:")
    # The token signs a timestamp, so the emailed link is read back rather than
    # compared with one signed now, which differs once a second has passed.
    token = re.search(r"/meetings/registration/([^/\s]+)/", email.body).group(1)
    assert links.registration_from_token(token, purpose="manage") == registration
