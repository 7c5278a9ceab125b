from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundConfig(AppConfig):
    name = "fund"
    verbose_name = _("Voluntary Contribution Fund")

    def ready(self):
        from core import sections

        from . import selectors

        sections.register(sections.MEMBER_STATE, selectors.member_state_section)
        sections.register(sections.DASHBOARD, selectors.dashboard_section)
