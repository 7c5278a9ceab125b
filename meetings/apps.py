from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from core import sections

        from . import selectors, workflows  # noqa: F401

        sections.register(sections.HOME, selectors.home_section)
        sections.register(sections.MEMBER_STATE, selectors.member_state_section)
        sections.register(sections.TOPIC, selectors.topic_section)
        sections.register(sections.DASHBOARD, selectors.dashboard_section)
        sections.register(sections.PERSONAL_DATA, selectors.personal_data)
        sections.register(sections.DEADLINES, selectors.deadlines)
        sections.register(sections.CLOCK, selectors.next_registration_moment)
