"""The data migrations that copied the requests' and the registrations' past
events into the activity log: each event under the move of its table that
made it, with its actor, comment and time; a record's creation left out;
undone, the copies go."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from cooperation.enums import RequestStatus
from cooperation.models import RequestEvent
from meetings.enums import RegistrationStatus
from meetings.models import RegistrationEvent
from network.models import ActivityLog
from tests.conftest import moves_logged
from tests.cooperation.factories import RequestFactory
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.meetings.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

requests_copy = importlib.import_module(
    "cooperation.migrations.0003_request_events_in_activity_log"
)
registrations_copy = importlib.import_module(
    "meetings.migrations.0004_registration_events_in_activity_log"
)

EARLIER = timezone.now() - datetime.timedelta(days=30)


def test_request_events_are_copied_under_their_moves():
    request = RequestFactory(status=RequestStatus.UNDER_REVIEW)
    focal_point = FocalPointFactory(institution=request.provider)
    for source, target, by, comment in [
        ("", RequestStatus.DRAFT, None, ""),
        (RequestStatus.DRAFT, RequestStatus.SUBMITTED, None, ""),
        (RequestStatus.SUBMITTED, RequestStatus.ACCEPTED, focal_point, "Gladly."),
        (RequestStatus.ACCEPTED, RequestStatus.UNDER_REVIEW, None, ""),
    ]:
        RequestEvent.objects.create(
            request=request,
            from_status=source,
            to_status=target,
            by=by,
            comment=comment,
            at=EARLIER,
        )

    requests_copy.copy_events(apps, None)

    assert moves_logged(request, "action", "actor", "to_state", "comment", "created_at") == [
        ("submit", None, "submitted", "", EARLIER),
        ("accept", focal_point, "accepted", "Gladly.", EARLIER),
        ("review", None, "under_review", "", EARLIER),
    ]
    requests_copy.remove_copies(apps, None)
    assert not ActivityLog.objects.exists()


def test_registration_events_are_copied_under_their_moves_but_the_creation():
    registration = RegistrationFactory(status=RegistrationStatus.WITHDRAWN)
    staff = SecretariatStaffFactory()
    for source, target, by, note in [
        ("", RegistrationStatus.PENDING_CONFIRMATION, None, ""),
        (RegistrationStatus.PENDING_CONFIRMATION, RegistrationStatus.WAITLISTED, None, ""),
        (RegistrationStatus.WAITLISTED, RegistrationStatus.OFFERED, None, ""),
        (RegistrationStatus.OFFERED, RegistrationStatus.SUBMITTED, None, ""),
        (RegistrationStatus.SUBMITTED, RegistrationStatus.APPROVED, staff, "Checked."),
        (RegistrationStatus.APPROVED, RegistrationStatus.WITHDRAWN, None, ""),
    ]:
        RegistrationEvent.objects.create(
            registration=registration, from_status=source, to_status=target, by=by, note=note
        )

    registrations_copy.copy_events(apps, None)

    assert moves_logged(registration, "action", "actor", "comment") == [
        ("confirm", None, ""),
        ("offer", None, ""),
        ("accept_offer", None, ""),
        ("approve", staff, "Checked."),
        ("withdraw", None, ""),
    ]
    registrations_copy.remove_copies(apps, None)
    assert not ActivityLog.objects.exists()


@pytest.mark.parametrize(
    ("source", "target", "move"),
    [
        ("waitlisted", "submitted", "promote"),
        ("offered", "offer_expired", "expire"),
        ("submitted", "endorsed", "endorse"),
        ("endorsed", "approved", "approve"),
        ("submitted", "declined", "decline"),
    ],
)
def test_each_registration_event_names_the_move_that_made_it(source, target, move):
    assert registrations_copy.move_of(source, target) == move
