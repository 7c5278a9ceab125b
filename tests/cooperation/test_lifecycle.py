"""The request's lifecycle through the services: each step by its side, in
order, recorded, with emails; the reminders of reports, once per due date."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cooperation import services
from cooperation.enums import RequestStatus
from cooperation.models import Request
from core.models import EmailDelivery
from fund.models import Allocation
from tests.conftest import moves_logged
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import FocalPointFactory, SecretariatStaffFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus
SCORES = {"relevance": 5, "opportunity": 4, "clarity": 4, "commitment": 5}


@pytest.fixture
def parties():
    """A draft request, its two ministries' focal points and Secretariat staff."""
    request = RequestFactory()
    return SimpleNamespace(
        request=request,
        requester=FocalPointFactory(institution=request.requester),
        provider=FocalPointFactory(institution=request.provider),
        staff=SecretariatStaffFactory(),
    )


def through_review(request, requester, provider, staff):
    services.request_submit(request=request, user=requester)
    services.request_accept(request=request, user=provider, comment="Glad to share.")
    services.review_save(request=request, user=staff, comment="Sound plan.", **SCORES)
    return Request.objects.get(pk=request.pk)


def test_a_request_goes_through_every_state_by_the_right_people(parties):
    request, requester, provider, staff = (
        parties.request,
        parties.requester,
        parties.provider,
        parties.staff,
    )

    request = through_review(request, requester, provider, staff)
    assert request.status == Status.UNDER_REVIEW
    services.request_decide(request=request, user=staff, decision=Status.SELECTED, reason="Top 5.")
    services.request_approve(request=request, user=staff, amount="4500", decided_at="10th call")
    services.request_carried_out(
        request=request, user=requester, last_day=timezone.localdate() - datetime.timedelta(days=1)
    )
    result = request.results.get()
    services.final_report_submit(
        request=request,
        user=provider,
        what_was_done="Three mediators spent a week with ours.",
        lessons="Start with the protocol.",
        achieved={result.pk: "Protocol in force"},
    )
    services.request_close(request=request, user=staff, comment="Results verified.")
    services.follow_up_submit(
        request=request,
        user=requester,
        months=6,
        change_kinds=["process_redesign"],
        description="Our mediation unit follows the new protocol.",
    )

    request.refresh_from_db()
    assert request.status == Status.CLOSED
    assert moves_logged(request, "from_state", "to_state", "actor") == [
        (Status.DRAFT, Status.SUBMITTED, requester),
        (Status.SUBMITTED, Status.ACCEPTED, provider),
        (Status.ACCEPTED, Status.UNDER_REVIEW, None),
        (Status.UNDER_REVIEW, Status.SELECTED, staff),
        (Status.SELECTED, Status.APPROVED, staff),
        (Status.APPROVED, Status.CARRIED_OUT, requester),
        (Status.CARRIED_OUT, Status.REPORTED, provider),
        (Status.REPORTED, Status.CLOSED, staff),
    ]
    assert request.results.get().achieved == "Protocol in force"
    assert request.follow_ups.get().months == 6
    # Each transition told both ministries (the automatic one excepted).
    assert EmailDelivery.objects.filter(to=requester.email).count() == 7
    assert EmailDelivery.objects.filter(to=provider.email).count() == 7


def test_approval_creates_the_fund_allocation(parties):
    request, requester, provider, staff = (
        parties.request,
        parties.requester,
        parties.provider,
        parties.staff,
    )
    request = through_review(request, requester, provider, staff)
    services.request_decide(request=request, user=staff, decision=Status.SELECTED, reason="Top.")

    services.request_approve(request=request, user=staff, amount="4500", decided_at="10th call")

    request.refresh_from_db()
    allocation = Allocation.objects.get()
    assert request.allocation == allocation
    assert allocation.ceiling == Decimal("4500")
    assert request.reference in allocation.purpose
    assert request.amount_approved == Decimal("4500")


@pytest.mark.parametrize(
    "step",
    ["submit", "accept", "decline", "review", "decide", "approve", "carried_out", "close"],
)
def test_a_third_ministry_can_do_nothing(parties, step):
    request = parties.request
    stranger = FocalPointFactory()

    with pytest.raises(PermissionDenied):
        _do(step, request, stranger)
    assert Request.objects.get(pk=request.pk).status == Status.DRAFT


def test_steps_out_of_order_are_refused_and_change_nothing(parties):
    request, requester, provider, staff = (
        parties.request,
        parties.requester,
        parties.provider,
        parties.staff,
    )

    with pytest.raises(ValidationError):
        services.request_accept(request=request, user=provider)
    with pytest.raises(ValidationError):
        services.request_carried_out(request=request, user=requester, last_day=timezone.localdate())
    services.request_submit(request=request, user=requester)
    with pytest.raises(ValidationError):
        services.request_submit(request=request, user=requester)
    with pytest.raises(ValidationError):
        services.request_decide(request=request, user=staff, decision=Status.SELECTED, reason="x")
    with pytest.raises(ValidationError):
        services.request_approve(request=request, user=staff, amount="1", decided_at="x")

    request.refresh_from_db()
    assert request.status == Status.SUBMITTED
    assert len(moves_logged(request)) == 1


def test_the_provider_cannot_approve_its_own_request_and_the_requester_cannot_accept(parties):
    request, requester, provider = (parties.request, parties.requester, parties.provider)
    services.request_submit(request=request, user=requester)

    with pytest.raises(PermissionDenied):
        services.request_accept(request=request, user=requester)
    with pytest.raises(PermissionDenied):
        services.request_withdraw(request=request, user=provider)


def test_declining_needs_a_reason(parties):
    request, requester, provider = (parties.request, parties.requester, parties.provider)
    services.request_submit(request=request, user=requester)

    with pytest.raises(ValidationError, match="why"):
        services.request_decline(request=request, user=provider, comment="  ")
    services.request_decline(request=request, user=provider, comment="No capacity this year.")

    assert Request.objects.get(pk=request.pk).status == Status.PROVIDER_DECLINED


def test_a_submission_after_the_calls_closing_time_is_refused(parties):
    request, requester = (parties.request, parties.requester)
    call = CallFactory()
    request.call = call
    request.save()

    with pytest.raises(ValidationError, match="closed"):
        services.request_submit(
            request=request, user=requester, now=call.closes_at + datetime.timedelta(seconds=1)
        )
    assert Request.objects.get(pk=request.pk).status == Status.DRAFT
    services.request_submit(
        request=request, user=requester, now=call.closes_at - datetime.timedelta(seconds=1)
    )
    assert Request.objects.get(pk=request.pk).status == Status.SUBMITTED


def test_a_request_over_the_calls_maximum_is_refused(parties):
    request, requester = (parties.request, parties.requester)
    request.call = CallFactory(max_fund_contribution=Decimal("1000"))
    request.save()

    with pytest.raises(ValidationError, match="at most"):
        services.request_submit(request=request, user=requester)


def test_approvals_stay_within_the_calls_envelope():
    call = CallFactory(envelope=Decimal("8000"))
    staff = SecretariatStaffFactory()
    approved = []
    for _n in range(2):
        request = RequestFactory(call=call)
        requester = FocalPointFactory(institution=request.requester)
        provider = FocalPointFactory(institution=request.provider)
        request = through_review(request, requester, provider, staff)
        services.request_decide(request=request, user=staff, decision=Status.SELECTED, reason="ok")
        approved.append(request)
    services.request_approve(request=approved[0], user=staff, amount="5000", decided_at="call")

    with pytest.raises(ValidationError, match="envelope has 3000"):
        services.request_approve(request=approved[1], user=staff, amount="5000", decided_at="call")
    services.request_approve(request=approved[1], user=staff, amount="3000", decided_at="call")

    assert Allocation.objects.count() == 2


def test_an_unreviewed_proposal_cannot_be_decided(parties):
    request, requester, provider, staff = (
        parties.request,
        parties.requester,
        parties.provider,
        parties.staff,
    )
    services.request_submit(request=request, user=requester)
    services.request_accept(request=request, user=provider)

    with pytest.raises(ValidationError, match="Score"):
        services.request_decide(request=request, user=staff, decision=Status.REJECTED, reason="x")


def test_a_final_report_needs_every_indicators_value(parties):
    request, requester = (parties.request, parties.requester)
    request.status = Status.CARRIED_OUT
    request.save()

    with pytest.raises(ValidationError, match="Protocol adopted"):
        services.final_report_submit(
            request=request, user=requester, what_was_done="x", lessons="y", achieved={}
        )
    assert Request.objects.get(pk=request.pk).status == Status.CARRIED_OUT


# Reminders --------------------------------------------------------------------


def test_a_missing_final_report_gets_one_reminder_per_due_date(parties, settings):
    settings.COOPERATION_REMINDER_DAYS = 14
    request, requester, provider = (parties.request, parties.requester, parties.provider)
    due = datetime.date(2026, 3, 31)
    Request.objects.filter(pk=request.pk).update(
        status=Status.CARRIED_OUT, carried_out_on=datetime.date(2026, 1, 30), report_due_on=due
    )

    assert services.reports_remind(today=due - datetime.timedelta(days=15)) == 0
    for day in range(14, -3, -1):
        services.reports_remind(today=due - datetime.timedelta(days=day))

    reminders = EmailDelivery.objects.filter(key__contains=":reminder:final-report:")
    assert sorted(d.to for d in reminders) == sorted([requester.email, provider.email])

    # The Secretariat moves the due date: a new deadline, a new reminder.
    Request.objects.filter(pk=request.pk).update(report_due_on=due + datetime.timedelta(days=30))
    services.reports_remind(today=due + datetime.timedelta(days=20))
    services.reports_remind(today=due + datetime.timedelta(days=21))
    assert EmailDelivery.objects.filter(key__contains=":reminder:final-report:").count() == 4


def test_a_submitted_report_stops_the_reminders(parties):
    request = parties.request
    Request.objects.filter(pk=request.pk).update(
        status=Status.REPORTED,
        carried_out_on=timezone.localdate() - datetime.timedelta(days=10),
        report_due_on=timezone.localdate(),
    )

    services.reports_remind()

    assert not EmailDelivery.objects.filter(key__contains=":reminder:final-report:").exists()


def test_follow_ups_are_reminded_once_each_until_submitted(parties):
    request, requester = (parties.request, parties.requester)
    carried_out = datetime.date(2025, 1, 15)
    Request.objects.filter(pk=request.pk).update(status=Status.CLOSED, carried_out_on=carried_out)

    services.reports_remind(today=datetime.date(2025, 7, 10))
    services.reports_remind(today=datetime.date(2025, 7, 11))
    six = EmailDelivery.objects.filter(key__contains=":reminder:follow-up-6:")
    assert [d.to for d in six] == [requester.email]

    services.follow_up_submit(
        request=request, user=requester, months=6, change_kinds=["new_program"], description="x"
    )
    services.reports_remind(today=datetime.date(2026, 1, 10))
    assert EmailDelivery.objects.filter(key__contains=":reminder:follow-up-12:").count() == 1


def test_calls_closing_soon_remind_each_ministrys_focal_points_once():
    call = CallFactory(closes_at=timezone.now() + datetime.timedelta(days=3), reminder_days=7)
    focal_point = FocalPointFactory()

    services.calls_remind()
    services.calls_remind()

    reminders = EmailDelivery.objects.filter(key__startswith=f"cooperation:call:{call.pk}:")
    assert [d.to for d in reminders] == [focal_point.email]


def _do(step, request, user):
    today = timezone.localdate()
    return {
        "submit": lambda: services.request_submit(request=request, user=user),
        "accept": lambda: services.request_accept(request=request, user=user),
        "decline": lambda: services.request_decline(request=request, user=user, comment="no"),
        "review": lambda: services.review_save(request=request, user=user, comment="x", **SCORES),
        "decide": lambda: services.request_decide(
            request=request, user=user, decision=Status.SELECTED, reason="x"
        ),
        "approve": lambda: services.request_approve(
            request=request, user=user, amount="1", decided_at="x"
        ),
        "carried_out": lambda: services.request_carried_out(
            request=request, user=user, last_day=today
        ),
        "close": lambda: services.request_close(request=request, user=user),
    }[step]()


def test_references_are_numbered_per_year_and_skip_a_taken_number():
    first = RequestFactory()
    year = first.reference.split("-")[1]
    # The next number taken meanwhile, as by a request saved at the same moment.
    RequestFactory(reference=f"RIAL-{year}-003")

    third = RequestFactory()

    assert first.reference == f"RIAL-{year}-001"
    assert third.reference == f"RIAL-{year}-004"
