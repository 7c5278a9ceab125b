from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from core import sections

        # Declares the review table, which next_steps() and the activity
        # log's labels look up by model.
        from . import selectors, workflows  # noqa: F401

        sections.register(sections.MEMBER_STATE, selectors.member_state_section)
        sections.register(sections.TOPIC, selectors.topic_section)
        sections.register(sections.DASHBOARD, selectors.dashboard_section)
