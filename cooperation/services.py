"""The lifecycle of a cooperation request, and the reminders of its deadlines.

draft → submitted (requester) → accepted or declined (provider) → under
review (Secretariat: scores) → selected / waitlisted / rejected → approved
(a fund allocation is created) → carried out → final report → follow-ups →
closed. Each step belongs to one side and is refused out of order; each is
recorded (who, when, comment) and emails the parties after commit.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from fund.enums import BudgetLine as FundBudgetLine
from fund.services import allocation_record
from network.enums import Notice
from network.mail import email_people
from network.models import User
from network.selectors import focal_points_of, secretariat_recipients
from network.versions import CONTENT_CODES

from . import rules
from .enums import FOLLOW_UP_MONTHS, NeedStatus, RequestStatus
from .models import Call, Evidence, FinalReport, FollowUp, Need, Request, RequestEvent, Review

Status = RequestStatus

# Statuses from which the requester may still withdraw.
WITHDRAWABLE = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.ACCEPTED,
    Status.UNDER_REVIEW,
    Status.SELECTED,
    Status.WAITLISTED,
)


def _usd(amount):
    """An amount as the reader's language writes it (the decimal separator)."""
    return number_format(amount, 2)


def _closing_moment(moment):
    """A call's closing moment in the portal's time zone, as the reader's
    language writes it, with the zone's name."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}"


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


def _locked(request, *expected):
    """The request's row, locked, after checking it is in one of ``expected``."""
    request = Request.objects.select_for_update().get(pk=request.pk)
    if expected and request.status not in expected:
        raise ValidationError(
            _("This request is “%(status)s”; that step is not possible now.")
            % {"status": request.get_status_display()}
        )
    return request


def _move(request, to_status, *, by, comment="", notify=True, **fields):
    from_status = request.status
    request.status = to_status
    for name, value in fields.items():
        setattr(request, name, value)
    request.save(update_fields=["status", "updated_at", *fields])
    RequestEvent.objects.create(
        request=request, from_status=from_status, to_status=to_status, by=by, comment=comment
    )
    if notify:
        _tell_parties(request, to_status, comment)


def _parties(request):
    people = {user.pk: user for user in focal_points_of(request.requester)}
    people.update({user.pk: user for user in focal_points_of(request.provider)})
    return list(people.values())


def _tell_parties(request, status, comment):
    """Each transition emails both ministries' focal points (and, for the
    ones that need the Secretariat, its staff); sent after commit."""
    people = _parties(request)
    if status in (Status.ACCEPTED, Status.REPORTED):
        people += list(secretariat_recipients())
    email_people(
        people=people,
        key=f"cooperation:request:{request.pk}:{status}:{request.events.count()}",
        template="cooperation/email/request_status",
        context={"request": request, "comment": comment},
    )


# The requester's side ---------------------------------------------------------


@transaction.atomic
def request_submit(*, request, user, now=None):
    """The requester sends the draft to the provider. Within a call, only
    while the call is open (the server's clock decides)."""
    now = now or timezone.now()
    _require(rules.is_requester(user, request), _("Only the requesting ministry submits."))
    request = _locked(request, Status.DRAFT)
    request.full_clean()
    if request.call_id and not request.call.is_open(now):
        raise ValidationError(
            _("The call “%(call)s” closed on %(date)s; proposals are no longer accepted.")
            % {
                "call": request.call,
                "date": _closing_moment(request.call.closes_at),
            }
        )
    if not request.results.exists():
        raise ValidationError(_("Add at least one expected result with its indicator."))
    if not request.budget_lines.exists():
        raise ValidationError(_("Add the budget."))
    asked = request.amount_requested()
    if request.call_id and asked > request.call.max_fund_contribution:
        raise ValidationError(
            _("The call finances at most %(max)s USD per activity; this asks %(asked)s.")
            % {"max": _usd(request.call.max_fund_contribution), "asked": _usd(asked)}
        )
    _move(request, Status.SUBMITTED, by=user)
    return request


@transaction.atomic
def request_withdraw(*, request, user, comment=""):
    _require(rules.is_requester(user, request), _("Only the requesting ministry withdraws."))
    request = _locked(request, *WITHDRAWABLE)
    _move(request, Status.WITHDRAWN, by=user, comment=comment)
    return request


# The provider's side ----------------------------------------------------------


@transaction.atomic
def request_accept(*, request, user, comment=""):
    """The provider agrees; the request goes to the Secretariat's review."""
    _require(rules.is_provider(user, request), _("Only the providing ministry accepts."))
    request = _locked(request, Status.SUBMITTED)
    _move(request, Status.ACCEPTED, by=user, comment=comment)
    # The Secretariat's review starts at once; the parties heard of the acceptance.
    _move(request, Status.UNDER_REVIEW, by=None, notify=False)
    return request


@transaction.atomic
def request_decline(*, request, user, comment):
    _require(rules.is_provider(user, request), _("Only the providing ministry declines."))
    if not comment.strip():
        raise ValidationError(_("Say why the request is declined."))
    request = _locked(request, Status.SUBMITTED)
    _move(request, Status.PROVIDER_DECLINED, by=user, comment=comment)
    return request


# The Secretariat's side -------------------------------------------------------


@transaction.atomic
def review_save(*, request, user, comment, **scores):
    """A reviewer's scores (1 to 5 per criterion) and comment; saving again
    changes their review."""
    _require(rules.can_review_request(user), _("Only the Secretariat reviews."))
    _locked(request, Status.UNDER_REVIEW, Status.WAITLISTED)
    review = Review.objects.filter(request=request, reviewer=user).first() or Review(
        request=request, reviewer=user
    )
    for name, value in scores.items():
        setattr(review, name, value)
    review.comment = comment
    review.full_clean()
    review.save()
    return review


DECISIONS = (Status.SELECTED, Status.WAITLISTED, Status.REJECTED)


@transaction.atomic
def request_decide(*, request, user, decision, reason):
    """Selected, waitlisted or rejected, with the reasons the parties read."""
    _require(rules.can_review_request(user), _("Only the Secretariat decides."))
    if decision not in DECISIONS:
        raise ValidationError(_("Choose selected, waitlisted or rejected."))
    if not reason.strip():
        raise ValidationError(_("Give the reasons for the decision."))
    request = _locked(request, Status.UNDER_REVIEW, Status.WAITLISTED)
    if not request.reviews.exists():
        raise ValidationError(_("Score the proposal before deciding."))
    _move(request, decision, by=user, comment=reason)
    return request


@transaction.atomic
def request_approve(*, request, user, amount, decided_at, now=None):
    """Approve a selected request for ``amount`` USD from the fund: the fund's
    allocation is created in the same transaction, within the call's envelope."""
    now = now or timezone.now()
    _require(rules.can_decide_request(user), _("Only the Secretariat approves."))
    request = _locked(request, Status.SELECTED)
    amount = Decimal(amount)
    if amount <= 0:
        raise ValidationError(_("The amount must be positive."))
    if amount > request.amount_requested():
        raise ValidationError(_("The amount is more than the request asks from the fund."))
    if request.call_id:
        call = Call.objects.select_for_update().get(pk=request.call_id)
        if amount > call.max_fund_contribution:
            raise ValidationError(_("The amount is more than the call allows per activity."))
        committed = call.requests.filter(amount_approved__isnull=False).aggregate(
            total=Sum("amount_approved")
        )["total"] or Decimal(0)
        if committed + amount > call.envelope:
            raise ValidationError(
                _("The call's envelope has %(left)s USD left; this needs %(amount)s.")
                % {"left": _usd(call.envelope - committed), "amount": _usd(amount)}
            )
    # The allocation's purpose is the activity's title, in each language it has.
    purposes = {
        build_localized_fieldname("purpose", code): f"{request.reference}: {title}"[:250]
        for code in CONTENT_CODES
        if (title := getattr(request, build_localized_fieldname("title", code)))
    }
    allocation = allocation_record(
        user=user,
        **purposes,
        budget_line=FundBudgetLine.COOPERATION_ACTIVITIES,
        ceiling=amount,
        decided_on=timezone.localdate(now),
        decided_at=decided_at,
    )
    _move(request, Status.APPROVED, by=user, amount_approved=amount, allocation=allocation)
    return request


@transaction.atomic
def request_close(*, request, user, comment=""):
    _require(rules.is_cooperation_staff(user), _("Only the Secretariat closes a request."))
    request = _locked(request, Status.REPORTED)
    _move(request, Status.CLOSED, by=user, comment=comment)
    return request


# Carrying it out and reporting ------------------------------------------------


def _is_party(user, request):
    return rules.is_requester(user, request) or rules.is_provider(user, request)


@transaction.atomic
def request_carried_out(*, request, user, last_day):
    """The activity took place; the final report is due some days later."""
    _require(
        _is_party(user, request) or rules.is_cooperation_staff(user),
        _("Only the two ministries or the Secretariat record that it took place."),
    )
    request = _locked(request, Status.APPROVED)
    if last_day > timezone.localdate():
        raise ValidationError(_("The activity cannot have ended in the future."))
    due = last_day + datetime.timedelta(days=settings.COOPERATION_REPORT_DUE_DAYS)
    _move(request, Status.CARRIED_OUT, by=user, carried_out_on=last_day, report_due_on=due)
    return request


@transaction.atomic
def final_report_submit(*, request, user, what_was_done, lessons, achieved, evidence=()):
    """``achieved``: {expected result pk: value reached}, for every result;
    ``evidence``: uploaded files showing the activity took place."""
    _require(_is_party(user, request), _("Only the two ministries report."))
    request = _locked(request, Status.CARRIED_OUT)
    results = list(request.results.all())
    missing = [result.indicator for result in results if not str(achieved.get(result.pk, ""))]
    if missing:
        raise ValidationError(
            _("Give the value reached for each indicator: %(missing)s")
            % {"missing": "; ".join(missing)}
        )
    for result in results:
        result.achieved = str(achieved[result.pk])[:100]
        result.save(update_fields=["achieved"])
    FinalReport.objects.create(
        request=request, what_was_done=what_was_done, lessons=lessons, submitted_by=user
    )
    _evidence_add(request, evidence, user=user)
    _move(request, Status.REPORTED, by=user)
    return request


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
    _evidence_add(request, evidence, user=user, follow_up=follow_up)
    return follow_up


def _evidence_add(request, files, *, user, follow_up=None):
    for file in files:
        Evidence.objects.create(
            request=request,
            follow_up=follow_up,
            title=file.name[:200],
            file=file,
            uploaded_by=user,
        )


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
