from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every app shares: emails, uploads and files, the workflow helper
    and its activity log, search, the visitors' cache, the sections of the
    home and dashboard pages, periodic tasks, the admin's shared pieces."""

    name = "core"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import lookups, search, visitor_cache
        from .beat import periodic_tasks_install

        lookups.register()

        # Every write, whichever process makes it, renews what visitors are shown.
        connection_created.connect(
            visitor_cache.install_write_hook, dispatch_uid="core.visitor_cache"
        )
        # A deployment migrates: its new templates and code are shown at once.
        post_migrate.connect(
            lambda **kwargs: visitor_cache.content_changed(),
            sender=self,
            weak=False,
            dispatch_uid="core.visitor_cache_deploy",
        )
        post_migrate.connect(search.tune_planner, sender=self, dispatch_uid="core.tune_planner")
        post_migrate.connect(
            periodic_tasks_install, sender=self, dispatch_uid="core.periodic_tasks_install"
        )
