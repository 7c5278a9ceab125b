from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from core import sections
        from core.signals import email_refused, email_sent

        # Declares the news item's review table, which transition(), next_steps()
        # and the activity log's labels look up by model.
        from . import selectors, workflows  # noqa: F401
        from .receivers import on_email_refused, on_email_sent

        sections.register(sections.DASHBOARD, selectors.dashboard_section)

        email_sent.connect(on_email_sent, dispatch_uid="newsletter.on_email_sent")
        email_refused.connect(on_email_refused, dispatch_uid="newsletter.on_email_refused")
