from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network directory")

    def ready(self):
        from core import sections

        from . import selectors
        from .roles import grant_role_permissions

        # First on the dashboard: what is due soonest, whichever app it is in.
        sections.register(sections.DASHBOARD, selectors.deadlines_section)

        # Permissions exist only after each app's post_migrate: grant them then,
        # so that a new app's permissions reach the staff groups on the next migrate.
        post_migrate.connect(grant_role_permissions, dispatch_uid="network.grant_role_permissions")
