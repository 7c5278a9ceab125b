"""REQUEST_WORKFLOW (cooperation/workflows.py): each move of a cooperation
request tried in every state, by the side it belongs to, through the
services, the focal points' pages and the request admin; every move in the
activity log with its actor, and told to both ministries once."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from cooperation import rules, services
from cooperation.enums import RequestStatus as Status
from cooperation.models import Request, Review
from cooperation.workflows import DECISION_MOVES, REQUEST_WORKFLOW
from core.models import EmailDelivery
from core.workflow import next_steps, transition
from tests.conftest import assert_move_follows_table, moves_logged, refusals
from tests.cooperation.lifecycle import advance, parties
from tests.factories import FocalPointFactory
from tests.portfolio.test_admin import message_texts

pytestmark = pytest.mark.django_db

SCORES = {"relevance": 4, "opportunity": 4, "clarity": 4, "commitment": 4}
YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def _report(p):
    return services.final_report_submit(
        request=p.request,
        user=p.requester,
        what_was_done="A week of visits.",
        lessons="Start earlier.",
        achieved={result.pk: "Protocol adopted" for result in p.request.results.all()},
    )


def _decide(decision):
    return lambda p: services.request_decide(
        request=p.request, user=p.staff, decision=decision, reason="Strong proposal."
    )


# Each move through its service, by the side it belongs to.
SERVICES = {
    "submit": lambda p: services.request_submit(request=p.request, user=p.requester),
    "accept": lambda p: services.request_accept(request=p.request, user=p.provider),
    "decline": lambda p: services.request_decline(
        request=p.request, user=p.provider, comment="No capacity."
    ),
    **{name: _decide(decision) for decision, name in DECISION_MOVES.items()},
    "approve": lambda p: services.request_approve(
        request=p.request, user=p.staff, amount=Decimal("4000"), decided_at="Committee"
    ),
    "carry_out": lambda p: services.request_carried_out(
        request=p.request, user=p.requester, last_day=YESTERDAY
    ),
    "report": _report,
    "close": lambda p: services.request_close(request=p.request, user=p.staff),
    "withdraw": lambda p: services.request_withdraw(request=p.request, user=p.requester),
}


def in_state(state):
    """Two ministries, a request between them in ``state``, scored."""
    p = parties(status=state)
    Review.objects.create(request=p.request, reviewer=p.staff, comment="Relevant.", **SCORES)
    return p


def test_every_move_of_the_table_has_its_service_but_the_opening_of_the_review():
    assert set(SERVICES) | {"review"} == set(REQUEST_WORKFLOW.transitions)


@pytest.mark.parametrize("state", Status.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    p = in_state(state)

    assert_move_follows_table(REQUEST_WORKFLOW, p.request, name, lambda: SERVICES[name](p))


@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_refused_to_everyone_it_does_not_belong_to(name):
    move = REQUEST_WORKFLOW[name]
    p = in_state(move.sources[0])
    others = [
        person
        for person in (p.requester, p.provider, p.staff, FocalPointFactory())
        if not move.allowed(person, p.request)
    ]

    for person in others:
        with pytest.raises(PermissionDenied, match=str(move.refused)):
            transition(p.request, name, user=person, comment="Because.", **_details(name))

    assert others
    assert Request.objects.get().status == move.sources[0]
    assert moves_logged(p.request) == []


def _details(name):
    return {
        "approve": {"amount": Decimal("4000"), "decided_at": "Committee"},
        "carry_out": {"last_day": YESTERDAY},
        "report": {"what_was_done": "", "lessons": "", "achieved": {}},
    }.get(name, {})


def test_the_review_opens_by_itself_when_the_provider_accepts_and_by_nobody_else():
    p = in_state(Status.ACCEPTED)

    for person in (p.requester, p.provider, p.staff):
        with pytest.raises(PermissionDenied):
            transition(p.request, "review", user=person)
        assert "review" not in [move.name for move in next_steps(person, p.request)]


def test_every_state_change_of_a_request_is_logged_with_its_actor():
    p = parties()

    advance(p, Status.CLOSED)

    assert moves_logged(p.request) == [
        ("submit", p.requester, "draft", "submitted"),
        ("accept", p.provider, "submitted", "accepted"),
        ("review", None, "accepted", "under_review"),
        ("select", p.staff, "under_review", "selected"),
        ("approve", p.staff, "selected", "approved"),
        ("carry_out", p.requester, "approved", "carried_out"),
        ("report", p.requester, "carried_out", "reported"),
        ("close", p.staff, "reported", "closed"),
    ]


def test_a_decisions_reasons_are_kept_in_the_log():
    p = in_state(Status.UNDER_REVIEW)

    services.request_decide(
        request=p.request, user=p.staff, decision=Status.WAITLISTED, reason="Envelope spent."
    )
    services.request_decide(
        request=p.refresh(), user=p.staff, decision=Status.SELECTED, reason="Funds freed."
    )

    assert moves_logged(p.request, "action", "comment") == [
        ("waitlist", "Envelope spent."),
        ("select", "Funds freed."),
    ]


def test_a_move_is_told_once_whatever_the_emails_before_the_log_were_keyed_by():
    p = in_state(Status.WAITLISTED)
    people = (p.requester, p.provider)
    # Before the activity log, a move's key ended in the count of the
    # request's events, its creation counted where one was recorded: the
    # keys of every count are taken already.
    for person in people:
        for count in range(12):
            EmailDelivery.objects.create(
                key=f"cooperation:request:{p.request.pk}:waitlisted:{count}:{person.pk}",
                to=person.email,
                subject="Sent before",
                body="",
            )

    services.request_decide(
        request=p.request, user=p.staff, decision=Status.WAITLISTED, reason="Envelope spent."
    )
    ((when,),) = moves_logged(p.request, "created_at")
    REQUEST_WORKFLOW["waitlist"].notify(p.refresh(), user=p.staff, comment="", when=when)

    told = EmailDelivery.objects.exclude(subject="Sent before")
    assert sorted(told.values_list("to", flat=True)) == sorted(person.email for person in people)


# The focal points' pages: each step refused, with the table's message, in
# every state its move does not start from.

VIEWS = {
    "submit": ("request_submit", "requester", {}),
    "withdraw": ("request_withdraw", "requester", {"comment": ""}),
    "accept": ("request_accept", "provider", {"comment": ""}),
    "decline": ("request_decline", "provider", {"comment": "No capacity."}),
    "carry_out": ("request_carried_out", "requester", {"last_day": YESTERDAY.isoformat()}),
    "report": ("request_report", "requester", {}),
}


@pytest.mark.parametrize(("state", "name"), refusals(REQUEST_WORKFLOW, *VIEWS))
def test_each_step_page_refuses_a_move_its_state_does_not_allow(client, state, name):
    view, side, data = VIEWS[name]
    p = in_state(state)
    person = getattr(p, side)
    client.force_login(person)

    response = client.post(reverse(f"cooperation:{view}", args=[p.request.reference]), data)

    if rules.can_view_request(person, p.request):
        assert response.status_code == 302
        label = Status(state).label
        assert message_texts(response) == [
            f"This request is “{label}”; that step is not possible now."
        ]
    else:
        assert response.status_code == 404  # nobody learns that another's draft exists
    assert Request.objects.get().status == state
    assert moves_logged(p.request) == []


def test_request_page_offers_the_steps_next_steps_allows(client):
    p = in_state(Status.SUBMITTED)
    client.force_login(p.provider)

    steps = client.get(p.request.get_absolute_url()).context["steps"]

    assert {name for name, shown in steps.items() if shown} == {"answer"}


# The admin: the Secretariat's steps, refused with the table's message.

ADMIN_STEPS = {
    "decide": ("select", {"decision": Status.SELECTED, "reason": "Strong."}),
    "approve": ("approve", {"amount": "4000", "decided_at": "Committee"}),
    "close": ("close", {"comment": ""}),
}


@pytest.mark.parametrize(
    ("state", "step"),
    [
        (state, step)
        for step, (name, _data) in ADMIN_STEPS.items()
        for state in Status.values
        if state not in REQUEST_WORKFLOW[name].sources
    ],
)
def test_each_admin_step_refuses_a_move_its_state_does_not_allow(staff_client, state, step):
    p = in_state(state)
    _name, data = ADMIN_STEPS[step]

    response = staff_client.post(
        reverse("admin:cooperation_request_step", args=[p.request.pk, step]), data
    )

    label = Status(state).label
    assert message_texts(response, messages.ERROR) == [
        f"This request is “{label}”; that step is not possible now."
    ]
    assert Request.objects.get().status == state
    assert moves_logged(p.request) == []


def test_admin_action_writes_the_log_with_the_acting_staff_member(
    staff_client, django_capture_on_commit_callbacks
):
    p = in_state(Status.REPORTED)

    with django_capture_on_commit_callbacks(execute=False):
        staff_client.post(
            reverse("admin:cooperation_request_changelist"),
            {"action": "close", "_selected_action": [p.request.pk], "apply": "1", "comment": ""},
        )

    assert moves_logged(p.request) == [("close", staff_client.staff, "reported", "closed")]


def test_request_change_page_shows_the_activity_log(staff_client):
    p = in_state(Status.SUBMITTED)
    services.request_decline(request=p.request, user=p.provider, comment="No capacity.")

    page = staff_client.get(
        reverse("admin:cooperation_request_change", args=[p.request.pk])
    ).content.decode()

    assert "Activity log" in page
    assert "Submitted to the provider → Declined by the provider" in page
    assert "No capacity." in page
