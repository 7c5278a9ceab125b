"""Reads of cooperation for the focal points' pages and their dashboard."""

from urllib.parse import urlencode

from django.db.models import Case, IntegerField, Min, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.sections import Deadline
from core.workflow import activity_of
from network.rules import is_focal_point
from portfolio import rules as portfolio_rules

from . import rules
from .enums import FOLLOW_UP_MONTHS, NeedStatus, Priority, RequestStatus
from .models import Call, Evidence, FinalReport, FollowUp, Need, Request

Status = RequestStatus
DEADLINES_LIMIT = 10


def needs_for_list(*, user, topic=None, institution=None):
    """Open needs the reader may see, the most pressing first."""
    needs = Need.objects.visible_to(user).filter(status=NeedStatus.OPEN)
    if topic is not None:
        needs = needs.filter(topic=topic)
    if institution is not None:
        needs = needs.filter(institution=institution)
    urgency = Case(
        *(When(priority=priority, then=Value(rank)) for rank, priority in enumerate(Priority)),
        output_field=IntegerField(),
    )
    return needs.select_related("institution__member_state", "topic").order_by(
        urgency, "-created_at", "pk"
    )


def request_for_page(reference):
    """The request at ``reference`` with what every page about it shows."""
    return (
        Request.objects.select_related(
            "requester__member_state",
            "provider__member_state",
            "program",
            "call",
            "need",
            "topic",
        )
        .filter(reference=reference)
        .first()
    )


def request_details(*, request, user, full):
    """What the request's page lists. ``full``: the parties' and staff's view
    (budget, timeline); otherwise the public one (results once closed)."""
    results_visible = full or request.results_are_public
    details = {
        "results": list(request.results.all()),
        "budget_lines": list(request.budget_lines.all()) if full else [],
        "totals": request.budget_totals() if full else None,
        "history": activity_of(request) if full else [],
        "reviews": (
            list(request.reviews.select_related("reviewer"))
            if rules.is_cooperation_staff(user)
            else []
        ),
        "final_report": None,
        "follow_ups": [],
        "report_evidence": [],
        # A draft program's title is its ministry's until it is published.
        "program": (
            request.program
            if request.program and portfolio_rules.can_view_program(user, request.program)
            else None
        ),
    }
    if results_visible:
        details["final_report"] = FinalReport.objects.filter(request=request).first()
        details["follow_ups"] = list(
            request.follow_ups.prefetch_related(
                Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at", "pk"))
            )
        )
        details["report_evidence"] = list(request.evidence.filter(follow_up__isnull=True))
    return details


def follow_ups_open(request):
    """The follow-ups (months) the beneficiary has still to send."""
    if request.status not in (Status.REPORTED, Status.CLOSED):
        return []
    done = set(FollowUp.objects.filter(request=request).values_list("months", flat=True))
    return [months for months in FOLLOW_UP_MONTHS if months not in done]


def _for_lists(requests):
    return requests.select_related(
        "requester__member_state", "provider__member_state", "topic"
    ).with_amounts()


def requests_of(institution):
    """(as requester, as provider) for a ministry's own page; the provider
    never sees the requester's drafts."""
    as_requester = _for_lists(Request.objects.filter(requester=institution)).order_by(
        "-updated_at", "pk"
    )
    as_provider = (
        _for_lists(Request.objects.filter(provider=institution))
        .exclude(status=Status.DRAFT)
        .order_by("-updated_at", "pk")
    )
    return list(as_requester), list(as_provider)


def waiting_for(institution):
    """The requests on which ``institution``'s focal points have to act:
    [(request, what to do)], oldest first."""
    follow_up_due = Q(requester=institution, status__in=(Status.REPORTED, Status.CLOSED)) & ~Q(
        pk__in=_all_follow_ups_done()
    )
    requests = _for_lists(
        Request.objects.filter(
            Q(requester=institution, status=Status.DRAFT)
            | Q(provider=institution, status=Status.SUBMITTED)
            | (Q(requester=institution) | Q(provider=institution))
            & Q(status__in=(Status.APPROVED, Status.CARRIED_OUT))
            | follow_up_due
        )
    ).order_by("updated_at", "pk")
    return [(request, NEXT_STEPS[request.status]) for request in requests]


def _all_follow_ups_done():
    """Requests with every follow-up sent."""
    return Request.objects.filter(
        *(
            Q(pk__in=FollowUp.objects.filter(months=months).values("request_id"))
            for months in FOLLOW_UP_MONTHS
        )
    ).values("pk")


NEXT_STEPS = {
    Status.DRAFT: "submit",
    Status.SUBMITTED: "answer",
    Status.APPROVED: "carried_out",
    Status.CARRIED_OUT: "report",
    Status.REPORTED: "follow_up",
    Status.CLOSED: "follow_up",
}


# Requests whose next step is someone else's decision: the provider's
# answer, or the Secretariat's review.
IN_REVIEW = (Status.ACCEPTED, Status.UNDER_REVIEW, Status.SELECTED, Status.WAITLISTED)


def in_review_for(institution):
    """The ministry's requests waiting for a decision that is not theirs."""
    return _for_lists(
        Request.objects.filter(
            Q(requester=institution, status=Status.SUBMITTED)
            | Q(requester=institution, status__in=IN_REVIEW)
            | Q(provider=institution, status__in=IN_REVIEW)
        )
    ).order_by("updated_at", "pk")


def deadlines(user, now=None):
    """A focal point's cooperation deadlines (sections.DEADLINES): the open
    calls for proposals closing, and their ministry's final reports due."""
    if not rules.can_create_request(user):
        return []
    now = now or timezone.now()
    calls = Call.objects.open(now).order_by("closes_at", "pk")[:DEADLINES_LIMIT]
    reports = Request.objects.filter(
        requester_id=user.institution_id,
        status=Status.CARRIED_OUT,
        report_due_on__isnull=False,
    ).order_by("report_due_on", "pk")[:DEADLINES_LIMIT]
    return [
        Deadline(
            due=timezone.localdate(call.closes_at),
            title=call.title,
            what=_("Call for proposals closes"),
            url=call.get_absolute_url(),
        )
        for call in calls
    ] + [
        Deadline(
            due=request.report_due_on,
            title=f"{request.reference} {request.title}",
            what=_("Final report due"),
            url=request.get_absolute_url(),
        )
        for request in reports
    ]


def program_section(program, *, user):
    """What a program's page offers its reader about requesting it: the
    request, prefilled, for a focal point of another country's ministry; how
    to become a focal point for a visitor; nothing for the program's own
    country, other focal points or staff."""
    if rules.can_request_program(user, program):
        url = f"{reverse('cooperation:request_create')}?{urlencode({'program': program.slug})}"
        return "cooperation/_section_program.html", {
            "program": program,
            "can_request": True,
            "request_url": url,
        }
    if program.status == "published" and not is_focal_point(user) and not user.is_staff:
        return "cooperation/_section_program.html", {"program": program, "can_request": False}
    return None


def dashboard_section(user):
    """Requests waiting for the focal point's ministry; None for others."""
    if not rules.can_create_request(user):
        return None
    return "cooperation/my_dashboard_section.html", {
        "waiting": waiting_for(user.institution),
        "in_review": list(in_review_for(user.institution)),
        "open_needs": Need.objects.filter(
            institution_id=user.institution_id, status=NeedStatus.OPEN
        ).count(),
    }


def next_call_moment(now):
    """sections.CLOCK: the next time a call for proposals opens (it is
    published then) or closes."""
    moments = Call.objects.aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=Min("closes_at", filter=Q(closes_at__gt=now)),
    )
    return min(filter(None, moments.values()), default=None)
