"""Demo cooperation drawn from the seeds' themes (``demo_data``): two calls with
their match-making webinars, a few needs, and requests in every state.

Idempotent like the other loaders: calls are matched by their English title,
webinars by slug, needs by ministry and title, requests by title and the two
ministries. The calls' dates are set at the first loading, relative to that
day, and never moved. A request is made once: its history up to the
Secretariat's decision is recorded as it would have been (the other
ministries' focal points are not demo accounts), and from the approval on it
moves through the services, so that the approved ones get their fund
allocation as any other; a request that exists is left where the demo users
moved it.
"""

import datetime
import itertools
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from core.models import ActivityLog
from meetings.models import Meeting
from network.demo import DEMO_FOCAL_POINT_EMAIL, DEMO_STAFF_EMAIL, upsert
from network.models import Institution, Topic, User

from . import demo_data, services
from .enums import RequestStatus
from .models import BudgetLine, Call, ExpectedResult, Need, Request, Review
from .workflows import REQUEST_WORKFLOW

Status = RequestStatus
# The steps taken through the services, after the Secretariat's decision.
THROUGH_SERVICES = (Status.APPROVED, Status.CARRIED_OUT, Status.REPORTED, Status.CLOSED)
DECIDED_DAYS_AFTER_CLOSING = 20
APPROVED_DAYS_AFTER_CLOSING = 30


class Demo:
    """The directory's rows and the demo accounts the data names by key."""

    def __init__(self):
        ministries = Institution.objects.ministries().active().select_related("member_state")
        self.ministries = {ministry.member_state.iso_code: ministry for ministry in ministries}
        self.topics = {topic.slug: topic for topic in Topic.objects.all()}
        self.staff = User.objects.get(email=DEMO_STAFF_EMAIL)
        self.focal_point = User.objects.get(email=DEMO_FOCAL_POINT_EMAIL)
        self.calls = {}
        self.needs = {}

    def focal_point_of(self, institution):
        """The demo focal point if ``institution`` is theirs: the others'
        focal points are not demo accounts."""
        return self.focal_point if self.focal_point.institution_id == institution.pk else None


@transaction.atomic
def load():
    demo = Demo()
    for entry in demo_data.CALLS:
        demo.calls[entry["key"]] = _call(entry, demo)
    for entry in demo_data.NEEDS:
        demo.needs[entry["title"]] = _need(entry, demo)
    for entry in demo_data.REQUESTS:
        _request(entry, demo)


def _call(entry, demo):
    existing = Call.objects.filter(title_en=entry["title_en"]).first()
    if existing is not None:
        opens = existing.opens_at
    else:
        opens = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(
            days=entry["opened_days_ago"]
        )
    call = upsert(
        Call,
        {"title_en": entry["title_en"]},
        {
            "title_es": entry["title_es"],
            "description_en": entry["description"],
            "description_es": demo_data.CALL_DESCRIPTIONS_ES[entry["key"]],
            "activity_types": entry["activity_types"],
            "max_fund_contribution": Decimal(entry["max_fund_contribution"]),
            "envelope": Decimal(entry["envelope"]),
            "webinar": _webinar(entry["webinar"], opens),
        },
        create_only={
            "opens_at": opens,
            "closes_at": opens + datetime.timedelta(days=entry["open_days"]),
        },
    )
    topics = {demo.topics[slug] for slug in entry["topics"]}
    if set(call.topics.all()) != topics:
        call.topics.set(topics)
    return call


def _webinar(entry, call_opens):
    """The call's match-making webinar, made once, some days after it opens."""
    meeting = Meeting.objects.filter(slug=entry["slug"]).first()
    if meeting is not None:
        if not meeting.description_es:
            # Made before the demo had it in Spanish.
            Meeting.objects.filter(pk=meeting.pk).update(
                description_es=demo_data.WEBINAR_DESCRIPTION_ES
            )
        return meeting
    day = timezone.localdate(call_opens) + datetime.timedelta(days=entry["days_after_opening"])
    meeting = Meeting(
        slug=entry["slug"],
        kind="webinar",
        title_en=entry["title_en"],
        title_es=entry["title_es"],
        status=entry["status"],
        description_en=demo_data.WEBINAR_DESCRIPTION,
        description_es=demo_data.WEBINAR_DESCRIPTION_ES,
        is_online=True,
        time_zone=settings.TIME_ZONE,
        date_precision="day",
        start_date=day,
        end_date=day,
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 30),
        languages=["es", "en"],
    )
    meeting.full_clean()
    meeting.save()
    return meeting


def _need(entry, demo):
    institution = demo.ministries[entry["iso"]]
    return upsert(
        Need,
        {"institution": institution, "title": entry["title"]},
        {
            "topic": demo.topics[entry["topic"]],
            "description": entry["description"],
            "priority": entry["priority"],
            "support_kinds": entry["support_kinds"],
            "status": entry["status"],
            "is_public": entry["is_public"],
        },
        create_only={"created_by": demo.focal_point_of(institution)},
    )


def _dates(entry, call):
    today = timezone.localdate()
    if "start_days_after_close" in entry:
        start = timezone.localdate(call.closes_at) + datetime.timedelta(
            days=entry["start_days_after_close"]
        )
    elif "start_days_ago" in entry:
        start = today - datetime.timedelta(days=entry["start_days_ago"])
    else:
        start = today + datetime.timedelta(days=entry["start_days_ahead"])
    return start, start + datetime.timedelta(days=entry["days"] - 1)


def _request(entry, demo):
    requester = demo.ministries[entry["requester"]]
    provider = demo.ministries[entry["provider"]]
    title_es, summary_es = demo_data.SPANISH[entry["title"]]
    spanish = {"title_es": title_es, "summary_es": summary_es or None}
    existing = Request.objects.filter(
        title_en=entry["title"], requester=requester, provider=provider
    ).first()
    if existing is not None:
        # Loaded before the Spanish versions existed: add them, nothing else.
        if any(getattr(existing, name) != value for name, value in spanish.items()):
            Request.objects.filter(pk=existing.pk).update(**spanish)
        return
    call = demo.calls[entry["call"]]
    start, end = _dates(entry, call)
    request = Request(
        title_en=entry["title"],
        summary_en=entry.get("summary", ""),
        **spanish,
        requester=requester,
        provider=provider,
        call=call,
        need=demo.needs.get(entry.get("need")),
        topic=demo.topics[entry["topic"]],
        activity_type=entry["activity_type"],
        objectives=entry["objectives"],
        participants_count=entry["participants_count"],
        participants_profile=entry["participants_profile"],
        proposed_start=start,
        proposed_end=end,
        created_by=demo.focal_point_of(requester),
    )
    request.full_clean()
    request.save()
    for position, (result, indicator, baseline, target, _achieved) in enumerate(entry["results"]):
        ExpectedResult.objects.create(
            request=request,
            result=result,
            indicator=indicator,
            baseline=baseline,
            target=target,
            position=position,
        )
    for item, description, fund, by_requester, by_provider in entry["budget"]:
        BudgetLine.objects.create(
            request=request,
            item=item,
            description=description,
            fund_amount=Decimal(fund),
            requester_amount=Decimal(by_requester),
            provider_amount=Decimal(by_provider),
        )
    recorded = [status for status in entry["path"] if status not in THROUGH_SERVICES]
    _record_history(request, recorded, entry, demo)
    _through_services(request, [s for s in entry["path"] if s in THROUGH_SERVICES], entry, demo)


def _record_history(request, statuses, entry, demo):
    """The steps up to the Secretariat's decision, as they were taken, a day
    apart: ending some days after the call closed, or today for an open call."""
    call = request.call
    if call.is_open():
        last = timezone.now()
    else:
        last = call.closes_at + datetime.timedelta(days=DECIDED_DAYS_AFTER_CLOSING)
    moments = [last - datetime.timedelta(days=len(statuses) - 1 - n) for n in range(len(statuses))]
    deciders = {
        Status.SUBMITTED: demo.focal_point_of(request.requester),
        Status.ACCEPTED: demo.focal_point_of(request.provider),
        Status.SELECTED: demo.staff,
        Status.WAITLISTED: demo.staff,
        Status.REJECTED: demo.staff,
    }
    if "scores" in entry:
        relevance, opportunity, clarity, commitment = entry["scores"]
        Review.objects.create(
            request=request,
            reviewer=demo.staff,
            relevance=relevance,
            opportunity=opportunity,
            clarity=clarity,
            commitment=commitment,
            comment=entry["review"],
        )
    decisions = (Status.SELECTED, Status.WAITLISTED, Status.REJECTED)
    # Each step in the activity log, under the move of the table that
    # reaches its state (the first, the draft, is the request's creation).
    move_into = {move.target: move.name for move in REQUEST_WORKFLOW}
    ActivityLog.objects.bulk_create(
        ActivityLog(
            content_type=ContentType.objects.get_for_model(request),
            object_id=request.pk,
            actor=deciders.get(to_status),
            action=move_into[to_status],
            from_state=from_status,
            to_state=to_status,
            comment=entry.get("decision_reason", "") if to_status in decisions else "",
            created_at=at,
        )
        for (from_status, _at), (to_status, at) in itertools.pairwise(
            zip(statuses, moments, strict=True)
        )
    )
    request.status = statuses[-1]
    request.save(update_fields=["status", "updated_at"])


def _through_services(request, statuses, entry, demo):
    """Approval (with its fund allocation), carrying out, the final report,
    closing and the follow-up, by the people the services require; each
    move is then dated when it happened."""
    if not statuses:
        return
    approved_at = request.call.closes_at + datetime.timedelta(days=APPROVED_DAYS_AFTER_CLOSING)
    request = services.request_approve(
        request=request,
        user=demo.staff,
        amount=request.amount_requested(),
        decided_at=f"Selection committee of the {request.call} (illustrative)"[:250],
        now=approved_at,
    )
    _date_last_move(request, approved_at)
    if Status.CARRIED_OUT not in statuses:
        return
    request = services.request_carried_out(
        request=request, user=demo.staff, last_day=request.proposed_end
    )
    _date_last_move(request, _end_of(request.proposed_end))
    if Status.REPORTED not in statuses:
        return
    achieved = {
        result.pk: values[4]
        for result, values in zip(request.results.all(), entry["results"], strict=True)
    }
    reported_on = request.proposed_end + datetime.timedelta(days=30)
    request = services.final_report_submit(
        request=request,
        user=demo.focal_point,
        achieved=achieved,
        **entry["report"],
    )
    _date_last_move(request, _end_of(reported_on))
    if Status.CLOSED not in statuses:
        return
    request = services.request_close(
        request=request, user=demo.staff, comment="Final report checked against the evidence."
    )
    _date_last_move(request, _end_of(reported_on + datetime.timedelta(days=10)))
    if "follow_up" in entry:
        services.follow_up_submit(request=request, user=demo.focal_point, **entry["follow_up"])


def _end_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(17, 0)))


def _date_last_move(request, at):
    ActivityLog.objects.filter(
        pk=ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(request), object_id=request.pk
        )
        .order_by("-pk")
        .values("pk")[:1]
    ).update(created_at=at)
