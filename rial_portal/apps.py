from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class RialAdminConfig(AdminConfig):
    default_site = "rial_portal.admin_site.RialAdminSite"


class RialPortalConfig(AppConfig):
    """The project package as an app, for the commands that span every app
    (backup, restore); it has no models."""

    name = "rial_portal"
    verbose_name = "RIAL portal"
