from django.contrib.admin.apps import AdminConfig


class RialAdminConfig(AdminConfig):
    default_site = "rial_portal.admin_site.RialAdminSite"
