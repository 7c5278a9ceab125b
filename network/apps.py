from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network directory")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import lookups, search, sections, selectors, visitor_cache
        from .beat import periodic_tasks_install
        from .roles import grant_role_permissions

        lookups.register()

        # First on the dashboard: what is due soonest, whichever app it is in.
        sections.register(sections.DASHBOARD, selectors.deadlines_section)

        # Permissions exist only after each app's post_migrate: grant them then,
        # so that a new app's permissions reach the staff groups on the next migrate.
        # Every write, whichever process makes it, renews what visitors are shown.
        connection_created.connect(
            visitor_cache.install_write_hook, dispatch_uid="network.visitor_cache"
        )
        # A deployment migrates: its new templates and code are shown at once.
        post_migrate.connect(
            lambda **kwargs: visitor_cache.content_changed(),
            sender=self,
            weak=False,
            dispatch_uid="network.visitor_cache_deploy",
        )
        post_migrate.connect(grant_role_permissions, dispatch_uid="network.grant_role_permissions")
        post_migrate.connect(search.tune_planner, sender=self, dispatch_uid="network.tune_planner")
        post_migrate.connect(
            periodic_tasks_install, sender=self, dispatch_uid="network.periodic_tasks_install"
        )
