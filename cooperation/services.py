"""The lifecycle of a cooperation request, and the reminders of its deadlines.

draft → submitted (requester) → accepted or declined (provider) → under
review (Secretariat: scores) → selected / waitlisted / rejected → approved
(a fund allocation is created) → carried out → final report → follow-ups →
closed. Each step is a move of the table in ``workflows.py``, made through
``core.workflow.transition``: it belongs to one side, is refused out of
order, is logged (who, when, comment) and emails the parties after commit.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import email_people
from core.workflow import transition
from network.enums import Notice
from network.models import User
from network.selectors import focal_points_of

from . import rules
from .enums import FOLLOW_UP_MONTHS, NeedStatus, RequestStatus
from .models import Call, FollowUp, Need, Request, Review
from .workflows import AWAITING_DECISION, DECISION_MOVES, evidence_add

Status = RequestStatus


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def _locked(request, *expected):
    """The request's row, locked, after checking it is in one of ``expected``:
    for the changes that are not moves of its table (scores, a draft's text,
    follow-ups)."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    if expected and request.status not in expected:
        raise ValidationError(
            _("This request is “%(status)s”; that step is not possible now.")
            % {"status": request.get_status_display()}
        )
    return request


# The requester's side ---------------------------------------------------------


def request_submit(*, request, user, now=None):
    """The requester sends the draft to the provider. Within a call, only
    while the call is open (``now``: the server's clock unless given)."""
    return transition(request, "submit", user=user, now=now)


def request_withdraw(*, request, user, comment=""):
    return transition(request, "withdraw", user=user, comment=comment)


# The provider's side ----------------------------------------------------------


@transaction.atomic
def request_accept(*, request, user, comment=""):
    """The provider agrees; the Secretariat's review starts at once."""
    request = transition(request, "accept", user=user, comment=comment)
    return transition(request, "review", user=None)


def request_decline(*, request, user, comment):
    return transition(request, "decline", user=user, comment=comment)


# The Secretariat's side -------------------------------------------------------


@transaction.atomic
def review_save(*, request, user, comment, **scores):
    """A reviewer's scores (1 to 5 per criterion) and comment; saving again
    changes their review."""
    _require(rules.can_review_request(user), _("Only the Secretariat reviews."))
    _locked(request, *AWAITING_DECISION)
    review = Review.objects.filter(request=request, reviewer=user).first() or Review(
        request=request, reviewer=user
    )
    for name, value in scores.items():
        setattr(review, name, value)
    review.comment = comment
    review.full_clean()
    review.save()
    return review


DECISIONS = tuple(DECISION_MOVES)


def request_decide(*, request, user, decision, reason):
    """Selected, waitlisted or rejected, with the reasons the parties read."""
    if decision not in DECISION_MOVES:
        _require(rules.can_review_request(user), _("Only the Secretariat decides."))
        raise ValidationError(_("Choose selected, waitlisted or rejected."))
    return transition(request, DECISION_MOVES[decision], user=user, comment=reason)


def request_approve(*, request, user, amount, decided_at, now=None):
    """Approve a selected request for ``amount`` USD from the fund: the fund's
    allocation is created in the same transaction, within the call's envelope."""
    return transition(request, "approve", user=user, amount=amount, decided_at=decided_at, now=now)


def request_close(*, request, user, comment=""):
    return transition(request, "close", user=user, comment=comment)


# Carrying it out and reporting ------------------------------------------------


def request_carried_out(*, request, user, last_day):
    """The activity took place; the final report is due some days later."""
    return transition(request, "carry_out", user=user, last_day=last_day)


def final_report_submit(
    *, request, user, what_was_done, lessons, achieved, evidence=(), evaluation=None
):
    """``achieved``: {expected result pk: value reached}, for every result;
    ``evidence``: uploaded files showing the activity took place;
    ``evaluation``: (questionnaire, answers) of the final reports'
    questionnaire (evaluations), recorded with the report or not at all."""
    return transition(
        request,
        "report",
        user=user,
        what_was_done=what_was_done,
        lessons=lessons,
        achieved=achieved,
        evidence=evidence,
        evaluation=evaluation,
    )


@transaction.atomic
def follow_up_submit(*, request, user, months, change_kinds, description, evidence=()):
    """What changed in the beneficiary ministry, 6 or 12 months after."""
    _require(rules.is_requester(user, request), _("The beneficiary ministry reports follow-ups."))
    request = _locked(request, Status.REPORTED, Status.CLOSED)
    if months not in FOLLOW_UP_MONTHS:
        raise ValidationError(_("A follow-up is at 6 or 12 months."))
    if request.follow_ups.filter(months=months).exists():
        raise ValidationError(_("This follow-up was submitted already."))
    follow_up = FollowUp(
        request=request,
        months=months,
        change_kinds=change_kinds,
        description=description,
        submitted_by=user,
    )
    follow_up.full_clean()
    follow_up.save()
    evidence_add(request, evidence, user=user, follow_up=follow_up)
    return follow_up


# Drafts and needs -------------------------------------------------------------


@transaction.atomic
def request_draft_save(*, user, form, results, budget_lines):
    """Save a draft from its validated form and formsets (expected results,
    budget lines) together, if it is still a draft: the requester may have
    submitted it from another tab meanwhile."""
    draft = form.instance
    if draft.pk is None:
        _require(rules.can_create_request(user), _("Only a ministry's focal points request."))
    else:
        _require(rules.is_requester(user, draft), _("Only the requesting ministry edits."))
        _locked(draft, Status.DRAFT)
    draft = form.save()
    for formset in (results, budget_lines):
        formset.instance = draft
        formset.save()
    return draft


def need_withdraw(*, need, user):
    _require(rules.can_edit_need(user, need), _("Only the ministry's focal points withdraw it."))
    Need.objects.filter(pk=need.pk, status=NeedStatus.OPEN).update(status=NeedStatus.WITHDRAWN)


# Reminders --------------------------------------------------------------------


def reports_remind(*, today=None):
    """Final reports and follow-ups due within REMINDER_DAYS and not sent:
    one reminder per (request, deadline kind, due date), whatever retries or
    beat runs happen (the email key). A moved due date is a new deadline and
    gets its own reminder. Returns the number of people emailed."""
    today = today or timezone.localdate()
    lead = datetime.timedelta(days=settings.COOPERATION_REMINDER_DAYS)
    count = 0
    due_reports = Request.objects.filter(
        status=Status.CARRIED_OUT, report_due_on__lte=today + lead
    ).select_related("requester__member_state", "provider__member_state")
    for request in due_reports:
        count += _remind(request, "final-report", request.report_due_on)
    with_follow_ups = Request.objects.filter(
        status__in=(Status.REPORTED, Status.CLOSED), carried_out_on__isnull=False
    ).select_related("requester__member_state", "provider__member_state")
    for request in with_follow_ups:
        done = set(request.follow_ups.values_list("months", flat=True))
        for months, due in request.follow_ups_due():
            if months not in done and due - lead <= today:
                count += _remind(request, f"follow-up-{months}", due)
    return count


def _remind(request, kind, due):
    people = list(focal_points_of(request.requester))
    if kind == "final-report":
        people += list(focal_points_of(request.provider))
    email_people(
        people=people,
        key=f"cooperation:request:{request.pk}:reminder:{kind}:{due.isoformat()}",
        template="cooperation/email/report_reminder",
        context={"request": request, "kind": kind, "due": due},
        notice=Notice.MEETING_REMINDERS,
    )
    return len(people)


def calls_remind(*, now=None):
    """Before an open call closes, once per focal point of each ministry."""
    now = now or timezone.now()
    count = 0
    for call in Call.objects.open(now):
        if now < call.closes_at - datetime.timedelta(days=call.reminder_days):
            continue
        people = list(
            User.objects.filter(is_active=True, is_focal_point=True, institution__kind="ministry")
        )
        email_people(
            people=people,
            key=f"cooperation:call:{call.pk}:closing:{call.closes_at.isoformat()}",
            template="cooperation/email/call_closing",
            context={"call": call},
            notice=Notice.MEETING_REMINDERS,
        )
        count += len(people)
    return count


def call_ranking(call):
    """The call's proposals under review or decided, best score first, each
    with the running total of what they ask and whether it fits the envelope:
    [(request, average score, running total, fits)]."""
    requests = (
        call.requests.filter(
            status__in=(Status.UNDER_REVIEW, Status.SELECTED, Status.WAITLISTED, Status.APPROVED)
        )
        .select_related("requester__member_state", "provider__member_state")
        .prefetch_related("reviews", "budget_lines")
    )
    scored = sorted(
        requests,
        key=lambda r: (r.average_score() is None, -(r.average_score() or 0), r.pk),
    )
    ranking, running = [], Decimal(0)
    for request in scored:
        asked = request.amount_approved or sum(
            (line.fund_amount for line in request.budget_lines.all()), Decimal(0)
        )
        running += asked
        ranking.append((request, request.average_score(), running, running <= call.envelope))
    return ranking
