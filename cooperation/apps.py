from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self):
        from core import sections

        from . import selectors, statistics, workflows  # noqa: F401

        sections.register(sections.MEMBER_STATE, statistics.member_state_section)
        sections.register(sections.PROGRAM, selectors.program_section)
        sections.register(sections.DASHBOARD, selectors.dashboard_section)
        sections.register(sections.DEADLINES, selectors.deadlines)
        sections.register(sections.CLOCK, selectors.next_call_moment)
        sections.register(sections.MEMBER_STATE_FIGURES, statistics.member_states_figure)
