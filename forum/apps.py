from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        # Declares the moderation tables, which next_steps() and the activity
        # log's labels look up by model.
        from . import workflows  # noqa: F401
