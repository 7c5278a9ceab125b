"""REGISTRATION_WORKFLOW (meetings/workflows.py): each move of a registration
tried in every state, by the person it belongs to, through the services, the
registrant's and the focal point's pages and the registration admin; the
waiting list's own moves refused to every person; every move in the
activity log with its actor, and gone with the personal data."""

import datetime

import pytest
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.models import ActivityLog
from core.workflow import TransitionError, next_steps, transition
from meetings import links, services
from meetings.enums import Approval
from meetings.enums import RegistrationStatus as Status
from meetings.models import Registration
from meetings.workflows import REGISTRATION_WORKFLOW
from tests.conftest import (
    assert_move_follows_table,
    assert_refused_as_the_table_says,
    moves_logged,
    refusals,
)
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.portfolio.test_admin import message_texts

pytestmark = pytest.mark.django_db

OWN_MOVES = ("offer", "promote", "expire")

# Each move a person makes, through its service, by the person it belongs to
# (the registration's delegation's focal point endorses, the Secretariat approves
# and declines, the registrant withdraws and accepts an offer from their link).
SERVICES = {
    "endorse": lambda r, p: services.registration_endorse(registration=r, by=p["focal_point"]),
    "approve": lambda r, p: services.registration_approve(registration=r, by=p["staff"]),
    "accept_offer": lambda r, p: services.offer_accept(registration=r),
    "decline": lambda r, p: services.registration_decline(
        registration=r, by=p["staff"], note="No seat left."
    ),
    "withdraw": lambda r, p: services.registration_withdraw(registration=r),
}


def registration_in(state, approval=Approval.SECRETARIAT):
    """A registration in ``state`` for a meeting approved as ``approval``,
    with the people who act on it."""
    registration = RegistrationFactory(status=state, meeting=MeetingFactory(approval=approval))
    people = {
        "focal_point": FocalPointFactory(institution=registration.institution),
        "staff": SecretariatStaffFactory(),
    }
    return registration, people


def test_every_move_of_the_table_has_its_service_or_is_the_portals_own():
    assert {*SERVICES, "confirm", *OWN_MOVES} == set(REGISTRATION_WORKFLOW.transitions)


@pytest.mark.parametrize("state", Status.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    # Approval by the Secretariat alone, but endorsing where the meeting asks for it.
    approval = Approval.ENDORSEMENT if name == "endorse" else Approval.SECRETARIAT
    registration, people = registration_in(state, approval)

    assert_move_follows_table(
        REGISTRATION_WORKFLOW, registration, name, lambda: SERVICES[name](registration, people)
    )


@pytest.mark.parametrize("state", Status.values)
def test_endorsing_is_refused_where_the_meeting_asks_for_no_endorsement(state):
    registration, people = registration_in(state, Approval.SECRETARIAT)

    assert_move_follows_table(
        REGISTRATION_WORKFLOW,
        registration,
        "endorse",
        lambda: SERVICES["endorse"](registration, people),
    )
    assert Registration.objects.get().status == state


def test_approving_a_submitted_registration_waits_for_its_endorsement():
    registration, people = registration_in(Status.SUBMITTED, Approval.ENDORSEMENT)

    with pytest.raises(ValidationError) as refusal:
        SERVICES["approve"](registration, people)

    assert refusal.value.messages == ["The delegation's focal point has not endorsed it yet."]
    assert moves_logged(registration) == []


@pytest.mark.parametrize("state", Status.values)
def test_confirming_again_changes_and_logs_nothing(state):
    registration, _people = registration_in(state)

    services.registration_confirm(registration=registration)

    if state == Status.PENDING_CONFIRMATION:
        assert moves_logged(registration, "action") == [("confirm",)]
    else:
        assert Registration.objects.get().status == state
        assert moves_logged(registration) == []


@pytest.mark.parametrize("name", ["endorse", "approve", "decline"])
def test_each_decision_is_refused_to_everyone_it_does_not_belong_to(name):
    move = REGISTRATION_WORKFLOW[name]
    registration, people = registration_in(move.sources[0], Approval.ENDORSEMENT)
    others = [
        person
        for person in (*people.values(), FocalPointFactory())
        if not move.allowed(person, registration)
    ]

    for person in others:
        with pytest.raises(PermissionDenied):
            transition(registration, name, user=person)

    assert others
    assert moves_logged(registration) == []


@pytest.mark.parametrize("name", OWN_MOVES)
def test_the_waiting_lists_own_moves_are_refused_to_every_person(name):
    move = REGISTRATION_WORKFLOW[name]
    registration, people = registration_in(move.sources[0])

    for person in people.values():
        with pytest.raises(PermissionDenied, match=r"The waiting list moves by itself\."):
            transition(registration, name, user=person)
        assert name not in [step.name for step in next_steps(person, registration)]
    assert moves_logged(registration) == []


@pytest.mark.parametrize("name", OWN_MOVES)
@pytest.mark.parametrize("state", Status.values)
def test_the_waiting_lists_own_moves_start_only_from_their_sources(name, state):
    move = REGISTRATION_WORKFLOW[name]
    registration, _people = registration_in(state)
    details = {"expires": timezone.now() + datetime.timedelta(hours=48)} if name == "offer" else {}

    if state in move.sources:
        transition(registration, name, user=None, **details)
        assert moves_logged(registration, "action", "actor") == [(name, None)]
    else:
        with pytest.raises(TransitionError):
            transition(registration, name, user=None, **details)
        assert moves_logged(registration) == []


def test_a_freed_place_is_logged_as_given_by_the_portal_itself():
    meeting = MeetingFactory(capacity=1)
    holder = RegistrationFactory(meeting=meeting)
    waiting = RegistrationFactory(
        meeting=meeting, status=Status.WAITLISTED, waitlisted_at=timezone.now()
    )
    staff = SecretariatStaffFactory()

    services.registration_decline(registration=holder, by=staff, note="Not a delegate.")

    assert moves_logged(holder, "action", "actor", "comment") == [
        ("decline", staff, "Not a delegate.")
    ]
    assert moves_logged(waiting) == [("promote", None, "waitlisted", "submitted")]


def test_every_state_change_of_a_registration_is_logged_with_its_actor():
    meeting = MeetingFactory(approval=Approval.ENDORSEMENT)
    registration = RegistrationFactory(meeting=meeting, status=Status.PENDING_CONFIRMATION)
    focal_point = FocalPointFactory(institution=registration.institution)
    staff = SecretariatStaffFactory()

    services.registration_confirm(registration=registration)
    services.registration_endorse(registration=registration, by=focal_point)
    services.registration_approve(registration=registration, by=staff)
    services.registration_withdraw(registration=registration)

    assert moves_logged(registration) == [
        ("confirm", None, "pending_confirmation", "submitted"),
        ("endorse", focal_point, "submitted", "endorsed"),
        ("approve", staff, "endorsed", "approved"),
        ("withdraw", None, "approved", "withdrawn"),
    ]


def test_purging_a_meetings_registrations_purges_their_log():
    meeting = MeetingFactory(
        start_date=timezone.localdate() - datetime.timedelta(days=400),
        end_date=timezone.localdate() - datetime.timedelta(days=399),
    )
    registration = RegistrationFactory(meeting=meeting)
    services.registration_approve(registration=registration, by=SecretariatStaffFactory())
    other = RegistrationFactory()
    services.registration_withdraw(registration=other)

    services.registrations_purge()

    assert [entry.object_id for entry in ActivityLog.objects.all()] == [other.pk]


# The registrant's and the focal point's pages.


def manage_url(registration):
    return reverse(
        "meetings:registration_manage", kwargs={"token": links.manage_token(registration)}
    )


@pytest.mark.parametrize(
    ("state", "name"), refusals(REGISTRATION_WORKFLOW, "accept_offer", "withdraw")
)
def test_registrants_page_refuses_a_move_its_state_does_not_allow(client, state, name):
    registration, _people = registration_in(state)
    action = {"accept_offer": "accept", "withdraw": "withdraw"}[name]

    response = client.post(manage_url(registration), {"action": action})

    shown = message_texts(response)
    assert_refused_as_the_table_says(REGISTRATION_WORKFLOW, registration, name, shown)


def test_registrants_page_offers_what_the_table_allows(client):
    offered, _people = registration_in(Status.OFFERED)
    withdrawn, _people = registration_in(Status.WITHDRAWN)

    assert client.get(manage_url(offered)).context["steps"] == {"accept_offer", "withdraw"}
    assert client.get(manage_url(withdrawn)).context["steps"] == set()


@pytest.mark.parametrize(("state", "name"), refusals(REGISTRATION_WORKFLOW, "endorse", "decline"))
def test_delegation_page_refuses_a_move_its_state_does_not_allow(client, state, name):
    registration, people = registration_in(state, Approval.ENDORSEMENT)
    client.force_login(people["focal_point"])

    response = client.post(
        reverse("meetings:delegation_decide", args=[registration.pk]), {"action": name}
    )

    shown = message_texts(response)
    assert_refused_as_the_table_says(REGISTRATION_WORKFLOW, registration, name, shown)


# The admin.


@pytest.mark.parametrize(("state", "name"), refusals(REGISTRATION_WORKFLOW, "approve", "decline"))
def test_each_admin_step_refuses_a_move_its_state_does_not_allow(staff_client, state, name):
    registration, _people = registration_in(state)

    response = staff_client.post(
        reverse("admin:meetings_registration_step", args=[registration.pk, name]), {"note": ""}
    )

    shown = message_texts(response, messages.ERROR)
    assert_refused_as_the_table_says(REGISTRATION_WORKFLOW, registration, name, shown)


def test_admin_action_writes_the_log_with_the_acting_staff_member(staff_client):
    registration, _people = registration_in(Status.SUBMITTED)

    staff_client.post(
        reverse("admin:meetings_registration_changelist"),
        {"action": "approve", "_selected_action": [registration.pk]},
    )

    assert moves_logged(registration) == [("approve", staff_client.staff, "submitted", "approved")]
