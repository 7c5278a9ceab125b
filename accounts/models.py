"""Invitations of focal points and requests to erase personal data."""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.enums import interface_languages


def new_nonce():
    return secrets.token_urlsafe(16)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)


class Invitation(models.Model):
    """Staff invite a person to act for an institution. The email carries a
    signed link naming this invitation and its nonce: resending changes the
    nonce (the old link stops working), revoking or accepting ends it."""

    email = models.EmailField(_("email"))
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    is_focal_point = models.BooleanField(_("focal point"), default=True)
    language = models.CharField(
        _("language"), max_length=10, choices=interface_languages, default="es"
    )
    nonce = models.CharField(max_length=40, default=new_nonce, editable=False)
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        editable=False,
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="accounts_one_pending_invitation_per_email",
                violation_error_message=_("This person already has a pending invitation."),
            )
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def status(self):
        if self.accepted_at:
            return _("accepted")
        if self.revoked_at:
            return _("revoked")
        if self.is_expired():
            return _("expired")
        return _("pending")

    def expires_at(self):
        sent = self.sent_at or self.created_at
        return sent + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)

    def is_expired(self, now=None):
        return (now or timezone.now()) >= self.expires_at()


class ErasureRequest(models.Model):
    """A person asks that the portal forget them. Staff process it: the
    account is anonymized, not deleted, so that records the fund and the
    meetings' official lists must keep still add up."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        related_name="erasure_requests",
    )
    reason = models.TextField(_("reason"), blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("processed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["processed_at", "-requested_at"]

    def __str__(self):
        return _("Erasure request #%(pk)s") % {"pk": self.pk}
