from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        # Declares the review table, which next_steps() and the activity
        # log's labels look up by model.
        from . import workflows  # noqa: F401
