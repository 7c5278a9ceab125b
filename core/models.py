"""The records every app writes: the emails sent (``mail.py``) and the
activity log of the workflows (``workflow.py``)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .enums import DeliveryStatus


class EmailDelivery(models.Model):
    """One email to one recipient. The unique ``key`` names the event and the
    recipient (``program-published:42:2026-11-22T10:00:00:17``): whatever
    retries, restarts or double clicks happen, an event mails a person once."""

    key = models.CharField(_("key"), max_length=255, unique=True)
    to = models.EmailField(pgettext_lazy("the recipient of an email", "to"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    html_body = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "updated_at"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"


class ActivityLog(models.Model):
    """One move of a record through its workflow (``core.workflow``): who
    made it, when, from which state to which, with the comment given. Written
    by ``transition()`` only and never changed, so that every reviewer's
    comment is kept, not just the latest."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    content_object = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=20)
    to_state = models.CharField(pgettext_lazy("a state a record moves to", "to"), max_length=20)
    comment = models.TextField(_("comment"), blank=True)
    # Not auto_now_add: the entry bears the move's own time, which its emails carry too.
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return f"{self.action}: {self.from_state} → {self.to_state}"
