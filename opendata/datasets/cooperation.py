"""Public cooperation activities and the results of closed ones."""

from django.utils.translation import gettext_lazy as _

from cooperation import statistics
from cooperation.enums import RequestStatus
from cooperation.models import ExpectedResult, Request

from .base import DATE, INTEGER, NUMBER, STRING, Column, Dataset, iso


def _activities():
    return (
        statistics.public_activities()
        .prefetch_related(None)
        .defer("objectives", "participants_profile")
        .order_by("pk")
    )


ACTIVITIES = Dataset(
    slug="cooperation-activities",
    title=_("Cooperation activities"),
    description=_(
        "Cooperation between ministries that the Secretariat approved, carried out or closed."
    ),
    rows=_activities,
    columns=[
        Column("reference", STRING, _("The activity's reference."), lambda r: r.reference),
        Column("title", STRING, _("Title."), lambda r: r.title),
        Column(
            "status", STRING, _("approved, carried_out, reported or closed."), lambda r: r.status
        ),
        Column("activity_type", STRING, _("Kind of activity."), lambda r: r.activity_type),
        Column(
            "topic", STRING, _("Its topic, by key."), lambda r: r.topic.slug if r.topic else None
        ),
        Column(
            "requester",
            STRING,
            _("The ministry that asked for cooperation (beneficiary)."),
            lambda r: r.requester.name,
        ),
        Column(
            "requester_state",
            STRING,
            _("The beneficiary's member state, by ISO code."),
            lambda r: iso(r.requester.member_state),
        ),
        Column(
            "provider",
            STRING,
            _("The ministry that shares its experience."),
            lambda r: r.provider.name,
        ),
        Column(
            "provider_state",
            STRING,
            _("The provider's member state, by ISO code."),
            lambda r: iso(r.provider.member_state),
        ),
        Column(
            "year",
            INTEGER,
            _("When it took place, else when it was planned to, else when it was asked."),
            lambda r: r.year,
        ),
        Column("proposed_start", DATE, _("Planned first day."), lambda r: r.proposed_start),
        Column("proposed_end", DATE, _("Planned last day."), lambda r: r.proposed_end),
        Column(
            "carried_out_on", DATE, _("Its last day, once carried out."), lambda r: r.carried_out_on
        ),
        Column(
            "amount_approved",
            NUMBER,
            _("What the fund approved for it, in US dollars."),
            lambda r: r.amount_approved,
        ),
        Column("url", STRING, _("Its page."), lambda r: r.get_absolute_url(), address=True),
    ],
)


def _results():
    closed = Request.objects.public().filter(status=RequestStatus.CLOSED)
    return (
        ExpectedResult.objects.filter(request__in=closed)
        .select_related("request")
        .only("result", "indicator", "baseline", "target", "achieved", "request__reference")
        .order_by("request__pk", "position", "pk")
    )


RESULTS = Dataset(
    slug="cooperation-results",
    title=_("Results of cooperation"),
    description=_(
        "What each closed cooperation activity set out to achieve and what it achieved, "
        "published once the activity is closed."
    ),
    rows=_results,
    columns=[
        Column(
            "activity",
            STRING,
            _("The activity's reference (see the cooperation activities dataset)."),
            lambda r: r.request.reference,
        ),
        Column("result", STRING, _("The expected result."), lambda r: r.result),
        Column("indicator", STRING, _("How it is measured."), lambda r: r.indicator),
        Column("baseline", STRING, _("The indicator's value before."), lambda r: r.baseline),
        Column("target", STRING, _("The value aimed at."), lambda r: r.target),
        Column("achieved", STRING, _("The value achieved."), lambda r: r.achieved),
    ],
)
