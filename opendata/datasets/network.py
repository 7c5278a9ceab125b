"""The member states and the figures the list of member states shows."""

from django.utils.translation import gettext_lazy as _

from cooperation import statistics
from network.models import MemberState
from portfolio import selectors as portfolio_selectors

from .base import INTEGER, STRING, Column, Dataset


def _member_states():
    programs = portfolio_selectors.member_states_figure().counts
    activities = statistics.member_states_figure().counts
    for state in MemberState.objects.with_ministry().order_by("iso_code"):
        ministries = sorted(state.ministries, key=lambda ministry: not ministry.is_active)
        state.ministry = ministries[0].name if ministries else None
        state.program_count = programs.get(state.pk, 0)
        state.activity_count = activities.get(state.pk, 0)
        yield state


MEMBER_STATES = Dataset(
    slug="member-states",
    title=_("Member states"),
    description=_(
        "The OAS member states with their Ministry of Labor and the figures the list of "
        "member states shows."
    ),
    rows=_member_states,
    columns=[
        Column("iso_code", STRING, _("ISO 3166-1 alpha-2 code."), lambda s: s.iso_code),
        Column("name", STRING, _("Name."), lambda s: s.name),
        Column("subregion", STRING, _("Subregion."), lambda s: s.subregion),
        Column("ministry", STRING, _("Its Ministry of Labor."), lambda s: s.ministry),
        Column(
            "programs",
            INTEGER,
            _("Programs of the portfolio its ministries publish and confirmed recently."),
            lambda s: s.program_count,
        ),
        Column(
            "cooperation_activities",
            INTEGER,
            _("Public cooperation activities it provided or received."),
            lambda s: s.activity_count,
        ),
        Column("url", STRING, _("Its page."), lambda s: s.get_absolute_url(), address=True),
    ],
)
