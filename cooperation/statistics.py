"""Public reads of cooperation: the list of public activities, the figures
of the statistics page and a member state's section. Only public requests
(approved and later) ever count; each figure is one aggregate query, plus one
to name what it counts."""

from collections import Counter

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.urls import reverse
from django.utils.translation import ngettext

from core import sections
from network.models import MemberState, Topic

from .models import ExpectedResult, Request

SECTION_LIMIT = 10


def activity_year():
    """The year an activity belongs to: when it took place, else when it was
    planned to, else when it was asked for."""
    return ExtractYear(Coalesce("carried_out_on", "proposed_start", TruncDate("created_at")))


def public_activities():
    """Public requests with what their cards show, the latest first."""
    return (
        Request.objects.public()
        .annotate(year=activity_year())
        .select_related("requester__member_state", "provider__member_state", "topic")
        .prefetch_related(Prefetch("results", queryset=ExpectedResult.objects.order_by("position")))
        .order_by("-year", "-pk")
    )


def activities_per_year():
    """[(year, count)], oldest first."""
    rows = (
        Request.objects.public()
        .annotate(year=activity_year())
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    return [(row["year"], row["count"]) for row in rows]


def activities_per_topic():
    """[(topic, count)], the most frequent first."""
    counts = dict(
        Request.objects.public().values_list("topic").annotate(count=Count("pk")).order_by()
    )
    topics = Topic.objects.in_bulk(counts)
    rows = [(topics[pk], count) for pk, count in counts.items()]
    rows.sort(key=lambda row: (-row[1], str(row[0])))
    return rows


def flows_between_states():
    """South-south flows: [(providing state, requesting state, count)], the
    largest first."""
    rows = list(
        Request.objects.public()
        .values_list("provider__member_state", "requester__member_state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    states = MemberState.objects.in_bulk({pk for row in rows for pk in row[:2]})
    flows = [(states[provider], states[requester], count) for provider, requester, count in rows]
    flows.sort(key=lambda flow: (-flow[2], str(flow[0]), str(flow[1])))
    return flows


def member_states_figure(_obj=None):
    """How many public activities /cooperation/?country=… lists for each
    state, as provider or as beneficiary."""
    counts = Counter()
    for side in ("provider", "requester"):
        rows = (
            Request.objects.public()
            .values_list(f"{side}__member_state")
            .annotate(count=Count("pk"))
            .order_by()
        )
        counts.update(dict(rows))
    return sections.StateFigure(
        counts=counts,
        label=lambda count: (
            ngettext("%(count)s cooperation activity", "%(count)s cooperation activities", count)
            % {"count": count}
        ),
        url=lambda state: f"{reverse('cooperation:activity_list')}?country={state.iso_code}",
    )


def member_state_section(member_state):
    """The cooperation block of a member state's page: the public activities
    its ministry provided and those it received (nothing when neither)."""
    activities = (
        Request.objects.public()
        .filter(Q(provider__member_state=member_state) | Q(requester__member_state=member_state))
        .select_related("requester__member_state", "provider__member_state")
        .order_by("-pk")
    )
    given, received = [], []
    for activity in activities:
        side = given if activity.provider.member_state_id == member_state.pk else received
        side.append(activity)
    if not given and not received:
        return None
    return "cooperation/_section_member_state.html", {
        "given": given[:SECTION_LIMIT],
        "received": received[:SECTION_LIMIT],
        "given_count": len(given),
        "received_count": len(received),
        "member_state": member_state,
    }
