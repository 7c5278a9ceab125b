"""Reads of the directory shared by the public pages."""

from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.db.models import Case, Count, Prefetch, Q, Value, When
from modeltranslation.utils import build_localized_fieldname

from core import sections
from rial_portal.roles import TECHNICAL_SECRETARIAT

from .enums import InstitutionKind, Subregion
from .models import Conference, Institution, MemberState, Topic, User, WorkingGroup
from .tile_map import tile_map

TOPIC_DESCRIPTIONS = (
    "description",
    *(
        build_localized_fieldname("description", code)
        for code in settings.MODELTRANSLATION_LANGUAGES
    ),
)


def topics_by_name():
    """Topics as a filter's choices or a card's badges show them: their
    descriptions, long and in every language, stay in the database."""
    return Topic.objects.defer(*TOPIC_DESCRIPTIONS)


def member_states_by_subregion():
    """[(Subregion, [MemberState, …]), …] in the subregions' order, each state
    with ``ministries`` (its Ministry of Labor) prefetched."""
    order = {value: index for index, value in enumerate(Subregion.values)}
    states = sorted(
        MemberState.objects.with_ministry(),
        key=lambda state: (order[state.subregion], state.name),
    )
    return [
        (Subregion(subregion), list(group))
        for subregion, group in groupby(states, key=lambda state: state.subregion)
    ]


@dataclass
class MemberStateDirectory:
    subregions: list
    tile_map: dict


def member_states_for_list():
    """The subregions as member_states_by_subregion gives them, and the tile
    map: each state with ``figures``, [(text, url)] from the other apps' counts
    (one query each, whatever the number of states)."""
    figures = sections.collect(sections.MEMBER_STATE_FIGURES, None)
    subregions = member_states_by_subregion()
    for _subregion, states in subregions:
        for state in states:
            state.figures = [
                (figure.label(figure.counts.get(state.pk, 0)), figure.url(state))
                for figure in figures
            ]
    states = [state for _subregion, group in subregions for state in group]
    return MemberStateDirectory(subregions=subregions, tile_map=tile_map(states))


def member_state_directory(*, member_state):
    """The institutions of a member state, each with its active focal points
    (``focal_points``), the ministry first."""
    focal_points = User.objects.filter(is_active=True, is_focal_point=True).order_by("full_name")
    return (
        member_state.institutions.filter(is_active=True)
        .prefetch_related(
            "former_names", Prefetch("people", queryset=focal_points, to_attr="focal_points")
        )
        .order_by(
            # The ministry of labor leads; then the others by name.
            Case(When(kind=InstitutionKind.MINISTRY, then=Value(0)), default=Value(1)),
            "name",
        )
    )


def conferences_with_working_groups():
    """Every conference with its working groups, their chairs and vice-chairs."""
    working_groups = WorkingGroup.objects.select_related("chair__member_state").prefetch_related(
        "vice_chairs__member_state"
    )
    return Conference.objects.select_related("member_state").prefetch_related(
        Prefetch("working_groups", queryset=working_groups)
    )


def secretariat_recipients():
    """The active Technical Secretariat staff, who receive the review notices."""
    return User.objects.filter(
        is_active=True, is_staff=True, groups__name=TECHNICAL_SECRETARIAT
    ).order_by("pk")


def focal_points_of(institution):
    return User.objects.filter(is_active=True, is_focal_point=True, institution=institution)


def submitter_or_focal_points(submitter, institution):
    """Who hears how a review ended: the person who submitted, or, if they
    are gone, every focal point of the institution."""
    if submitter is not None and submitter.is_active:
        return [submitter]
    return list(focal_points_of(institution))


def network_figures():
    """Headline counts for the home page."""
    counts = Institution.objects.filter(is_active=True).aggregate(
        ministries=Count("pk", filter=Q(kind=InstitutionKind.MINISTRY)),
        partners=Count("pk", filter=~Q(kind=InstitutionKind.MINISTRY)),
    )
    counts["member_states"] = MemberState.objects.count()
    return counts
