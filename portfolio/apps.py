from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Program Portfolio")

    def ready(self):
        from core import sections

        # Declares the review tables of programs and revisions, which next_steps() and the
        # activity log's labels look up by model.
        from . import selectors, workflows  # noqa: F401

        sections.register(sections.MEMBER_STATE, selectors.member_state_section)
        sections.register(sections.TOPIC, selectors.topic_section)
        sections.register(sections.DASHBOARD, selectors.dashboard_section)
        sections.register(sections.PERSONAL_DATA, selectors.personal_data)
        sections.register(sections.MEMBER_STATE_FIGURES, selectors.member_states_figure)
