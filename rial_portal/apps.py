from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate


class RialAdminConfig(AdminConfig):
    default_site = "rial_portal.admin_site.RialAdminSite"


class RialPortalConfig(AppConfig):
    """The project package as an app: what spans every app, the commands
    (demo, scale data, backup, restore), the staff roles, the home page and
    the dashboard's deadlines; it has no models. Last in INSTALLED_APPS."""

    name = "rial_portal"
    verbose_name = "RIAL portal"

    def ready(self):
        from core import sections

        from .dashboard import deadlines_section
        from .roles import grant_role_permissions

        # First on the dashboard: what is due soonest, whichever app it is in.
        sections.register(sections.DASHBOARD, deadlines_section, first=True)

        # Permissions exist only after each app's post_migrate: grant them then,
        # so that a new app's permissions reach the staff groups on the next migrate.
        post_migrate.connect(
            grant_role_permissions, dispatch_uid="rial_portal.grant_role_permissions"
        )
