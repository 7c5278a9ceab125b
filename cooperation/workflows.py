"""A cooperation request's lifecycle, as one table (``core.workflow``):

    draft → submitted → accepted → under review → selected → approved
              ↓                    ↓    ↑    ↓                 ↓
      declined by the provider    waitlisted  not selected   carried out
                                                                 ↓
    (draft … waitlisted) → withdrawn         closed ← final report submitted

Each move belongs to one side (the requester, the provider, the
Secretariat, or the portal itself for the opening of the review), is logged
with its actor and comment in the activity log (which the request's page
shows as its history), and emails both ministries after commit. The services
in ``services.py`` are the only callers of ``transition()``."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from core.mail import email_people
from core.versions import CONTENT_CODES
from core.workflow import Transition, Workflow
from evaluations.services import final_report_answers_record
from fund.enums import BudgetLine as FundBudgetLine
from fund.services import allocation_record
from network.selectors import focal_points_of, secretariat_recipients

from . import rules
from .enums import RequestStatus as Status
from .models import Call, Evidence, FinalReport, Request

# Where a proposal waits for the Secretariat's decision, and may be scored.
AWAITING_DECISION = (Status.UNDER_REVIEW, Status.WAITLISTED)

# The decisions, each a move of its own from AWAITING_DECISION.
DECISION_MOVES = {
    Status.SELECTED: "select",
    Status.WAITLISTED: "waitlist",
    Status.REJECTED: "reject",
}

NOT_NOW = gettext_lazy("This request is “%(status)s”; that step is not possible now.")


def is_party(user, request):
    return rules.is_requester(user, request) or rules.is_provider(user, request)


def _party_or_staff(user, request):
    return is_party(user, request) or rules.is_cooperation_staff(user)


def _the_portal_itself(user, request):
    # No person makes this move: the review opens when the provider accepts.
    return user is None


def _can_review(user, request):
    return rules.can_review_request(user)


def _can_decide(user, request):
    return rules.can_decide_request(user)


def _can_close(user, request):
    return rules.is_cooperation_staff(user)


def _usd(amount):
    """An amount as the reader's language writes it (the decimal separator)."""
    return number_format(amount, 2)


def _closing_moment(moment):
    """A call's closing moment in the portal's time zone, as the reader's
    language writes it, with the zone's name."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}"


def _submitted(request, *, user, comment, when, now=None):
    """Within a call, only while the call is open (the server's clock decides)."""
    now = now or when
    request.full_clean()
    if request.call_id and not request.call.is_open(now):
        raise ValidationError(
            _("The call “%(call)s” closed on %(date)s; proposals are no longer accepted.")
            % {"call": request.call, "date": _closing_moment(request.call.closes_at)}
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
    return ()


def _decided(request, *, user, comment, when):
    if not request.reviews.exists():
        raise ValidationError(_("Score the proposal before deciding."))
    return ()


def _approved(request, *, user, comment, when, amount, decided_at, now=None):
    """The fund's allocation is created with the approval, within the call's
    envelope (the call's row locked, so that two approvals never share it)."""
    now = now or when
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
    request.allocation = allocation_record(
        user=user,
        **purposes,
        budget_line=FundBudgetLine.COOPERATION_ACTIVITIES,
        ceiling=amount,
        decided_on=timezone.localdate(now),
        decided_at=decided_at,
    )
    request.amount_approved = amount
    return ("amount_approved", "allocation")


def _carried_out(request, *, user, comment, when, last_day):
    """The final report is due some days after the activity's last day."""
    if last_day > timezone.localdate():
        raise ValidationError(_("The activity cannot have ended in the future."))
    request.carried_out_on = last_day
    request.report_due_on = last_day + datetime.timedelta(days=settings.COOPERATION_REPORT_DUE_DAYS)
    return ("carried_out_on", "report_due_on")


def _reported(
    request,
    *,
    user,
    comment,
    when,
    what_was_done,
    lessons,
    achieved,
    evidence=(),
    evaluation=None,
):
    """``achieved``: {expected result pk: value reached}, for every result;
    ``evidence``: uploaded files showing the activity took place;
    ``evaluation``: (questionnaire, answers) when the final reports'
    questionnaire was answered with it."""
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
    evidence_add(request, evidence, user=user)
    if evaluation is not None:
        questionnaire, answers = evaluation
        final_report_answers_record(questionnaire=questionnaire, request=request, answers=answers)
    return ()


def evidence_add(request, files, *, user, follow_up=None):
    for file in files:
        Evidence.objects.create(
            request=request,
            follow_up=follow_up,
            title=file.name[:200],
            file=file,
            uploaded_by=user,
        )


def _tell_parties(request, *, user, comment, when):
    """Both ministries' focal points (and, for the steps that need the
    Secretariat, its staff)."""
    people = {person.pk: person for person in focal_points_of(request.requester)}
    people.update({person.pk: person for person in focal_points_of(request.provider)})
    people = list(people.values())
    if request.status in (Status.ACCEPTED, Status.REPORTED):
        people += list(secretariat_recipients())
    email_people(
        people=people,
        # One key per move, by its time: a request moved to the same state
        # again is told again. The keys before the activity log ended in the
        # count of the request's events, a number, which no time equals, so
        # no new move's email is taken for one sent before.
        key=f"cooperation:request:{request.pk}:{request.status}:{when.isoformat()}",
        template="cooperation/email/request_status",
        context={"request": request, "comment": comment},
    )


def _move(name, sources, target, label, allowed, refused, **kwargs):
    return Transition(
        name=name,
        sources=tuple(sources),
        target=target,
        label=label,
        allowed=allowed,
        refused=refused,
        wrong_state=NOT_NOW,
        notify=kwargs.pop("notify", _tell_parties),
        **kwargs,
    )


def _decision(target):
    return _move(
        DECISION_MOVES[target],
        AWAITING_DECISION,
        target,
        target.label,
        _can_review,
        gettext_lazy("Only the Secretariat decides."),
        apply=_decided,
        comment_required=True,
        comment_missing=gettext_lazy("Give the reasons for the decision."),
    )


REQUEST_WORKFLOW = Workflow(
    Request,
    transitions=[
        _move(
            "submit",
            [Status.DRAFT],
            Status.SUBMITTED,
            gettext_lazy("Submit to the providing ministry"),
            rules.is_requester,
            gettext_lazy("Only the requesting ministry submits."),
            apply=_submitted,
        ),
        _move(
            "accept",
            [Status.SUBMITTED],
            Status.ACCEPTED,
            gettext_lazy("Accept"),
            rules.is_provider,
            gettext_lazy("Only the providing ministry accepts."),
        ),
        _move(
            "decline",
            [Status.SUBMITTED],
            Status.PROVIDER_DECLINED,
            gettext_lazy("Decline"),
            rules.is_provider,
            gettext_lazy("Only the providing ministry declines."),
            comment_required=True,
            comment_missing=gettext_lazy("Say why the request is declined."),
        ),
        # The parties heard of the acceptance: the opening of the review tells nobody.
        _move(
            "review",
            [Status.ACCEPTED],
            Status.UNDER_REVIEW,
            Status.UNDER_REVIEW.label,
            _the_portal_itself,
            gettext_lazy("Only the Secretariat reviews."),
            notify=None,
        ),
        *(_decision(target) for target in DECISION_MOVES),
        _move(
            "approve",
            [Status.SELECTED],
            Status.APPROVED,
            gettext_lazy("Approve"),
            _can_decide,
            gettext_lazy("Only the Secretariat approves."),
            apply=_approved,
        ),
        _move(
            "carry_out",
            [Status.APPROVED],
            Status.CARRIED_OUT,
            gettext_lazy("Mark as carried out"),
            _party_or_staff,
            gettext_lazy("Only the two ministries or the Secretariat record that it took place."),
            apply=_carried_out,
        ),
        _move(
            "report",
            [Status.CARRIED_OUT],
            Status.REPORTED,
            gettext_lazy("Submit the final report"),
            is_party,
            gettext_lazy("Only the two ministries report."),
            apply=_reported,
        ),
        _move(
            "close",
            [Status.REPORTED],
            Status.CLOSED,
            gettext_lazy("Close"),
            _can_close,
            gettext_lazy("Only the Secretariat closes a request."),
        ),
        _move(
            "withdraw",
            [
                Status.DRAFT,
                Status.SUBMITTED,
                Status.ACCEPTED,
                Status.UNDER_REVIEW,
                Status.SELECTED,
                Status.WAITLISTED,
            ],
            Status.WITHDRAWN,
            gettext_lazy("Withdraw the request"),
            rules.is_requester,
            gettext_lazy("Only the requesting ministry withdraws."),
        ),
    ],
)
