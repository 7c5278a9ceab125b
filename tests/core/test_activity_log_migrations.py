"""The data migrations that copied the requests' and the registrations' past
events into the activity log: each event under the move of its table that
made it, with its actor, comment and time; a record's creation left out;
undone, the copies go. And the removal of the event tables: undone, each
table gets back the moves the log holds."""

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from cooperation.enums import RequestStatus
from core.models import ActivityLog
from meetings.enums import RegistrationStatus
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
request_events_removal = importlib.import_module(
    "cooperation.migrations.0004_remove_request_events"
)
registration_events_removal = importlib.import_module(
    "meetings.migrations.0006_remove_registration_events"
)

EARLIER = timezone.now() - datetime.timedelta(days=30)


@pytest.fixture(scope="module")
def apps(django_db_setup, django_db_blocker):
    """The models as the copies saw them, with the two event tables made
    again for this module's tests (outside their transactions: SQLite's
    schema editor runs in none). The log was the network app's then; its
    table has the core app's name now (core 0003)."""
    state = MigrationLoader(None).project_state(
        [
            ("cooperation", "0003_request_events_in_activity_log"),
            ("meetings", "0004_registration_events_in_activity_log"),
        ]
    )
    state.apps.get_model("network", "ActivityLog")._meta.db_table = ActivityLog._meta.db_table
    tables = [
        state.apps.get_model(label)
        for label in ("cooperation.RequestEvent", "meetings.RegistrationEvent")
    ]
    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        for table in tables:
            editor.create_model(table)
    yield state.apps
    with django_db_blocker.unblock(), connection.schema_editor() as editor:
        for table in tables:
            editor.delete_model(table)


def test_request_events_are_copied_under_their_moves(apps):
    RequestEvent = apps.get_model("cooperation", "RequestEvent")
    request = RequestFactory(status=RequestStatus.UNDER_REVIEW)
    focal_point = FocalPointFactory(institution=request.provider)
    for source, target, by, comment in [
        ("", RequestStatus.DRAFT, None, ""),
        (RequestStatus.DRAFT, RequestStatus.SUBMITTED, None, ""),
        (RequestStatus.SUBMITTED, RequestStatus.ACCEPTED, focal_point, "Gladly."),
        (RequestStatus.ACCEPTED, RequestStatus.UNDER_REVIEW, None, ""),
    ]:
        RequestEvent.objects.create(
            request_id=request.pk,
            from_status=source,
            to_status=target,
            by_id=getattr(by, "pk", None),
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


def test_registration_events_are_copied_under_their_moves_but_the_creation(apps):
    RegistrationEvent = apps.get_model("meetings", "RegistrationEvent")
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
            registration_id=registration.pk,
            from_status=source,
            to_status=target,
            by_id=getattr(by, "pk", None),
            note=note,
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


def test_undoing_the_request_events_removal_refills_them_from_the_log(apps):
    request = RequestFactory(status=RequestStatus.ACCEPTED)
    focal_point = FocalPointFactory(institution=request.provider)
    for action, source, target, actor in [
        ("submit", RequestStatus.DRAFT, RequestStatus.SUBMITTED, None),
        ("accept", RequestStatus.SUBMITTED, RequestStatus.ACCEPTED, focal_point),
    ]:
        ActivityLog.objects.create(
            content_object=request,
            actor=actor,
            action=action,
            from_state=source,
            to_state=target,
            comment="Gladly." if actor else "",
            created_at=EARLIER,
        )
    deleted = RequestFactory()
    ActivityLog.objects.create(
        content_object=deleted, action="submit", from_state="draft", to_state="submitted"
    )
    deleted.delete()

    request_events_removal.refill_events(apps, None)

    events = apps.get_model("cooperation", "RequestEvent").objects.order_by("at", "pk")
    assert list(
        events.values_list("request", "from_status", "to_status", "by", "comment", "at")
    ) == [
        (request.pk, "draft", "submitted", None, "", EARLIER),
        (request.pk, "submitted", "accepted", focal_point.pk, "Gladly.", EARLIER),
    ]


def test_undoing_the_registration_events_removal_refills_them_from_the_log(apps):
    registration = RegistrationFactory(status=RegistrationStatus.DECLINED)
    staff = SecretariatStaffFactory()
    ActivityLog.objects.create(
        content_object=registration,
        actor=staff,
        action="decline",
        from_state=RegistrationStatus.SUBMITTED,
        to_state=RegistrationStatus.DECLINED,
        comment="x" * 400,
        created_at=EARLIER,
    )

    registration_events_removal.refill_events(apps, None)

    events = apps.get_model("meetings", "RegistrationEvent").objects.all()
    # The event's note is shorter than the log's comment.
    assert list(
        events.values_list("registration", "from_status", "to_status", "by", "note", "at")
    ) == [(registration.pk, "submitted", "declined", staff.pk, "x" * 300, EARLIER)]
