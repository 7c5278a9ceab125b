from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    # This module holds a second AppConfig: "api" in INSTALLED_APPS means this one.
    default = True
    name = "api"
    verbose_name = _("API for partners")

    def ready(self):
        # Registers the schema extension for the pages' filters.
        from . import schema  # noqa: F401


class RialStaticFilesConfig(StaticFilesConfig):
    """Static files, less ReDoc from drf-spectacular's sidecar: the docs use
    Swagger UI, and collecting (compressing) ReDoc's megabytes would slow
    every deployment and test session for nothing."""

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "drf_spectacular_sidecar/redoc/*"]
