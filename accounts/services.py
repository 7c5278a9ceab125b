"""The account life cycle: invitations, erasure, personal data."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from core import sections
from core.mail import email_enqueue, email_people
from core.models import EmailDelivery
from network.selectors import secretariat_recipients

from . import rules
from .models import ErasureRequest, Invitation, new_nonce

INVITATION_SALT = "accounts.invitation"


def _require_user_admin(user):
    if not rules.can_manage_accounts(user):
        raise PermissionDenied(_("Only the Technical Secretariat manages accounts."))


def invitation_token(invitation):
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=INVITATION_SALT)


class InvitationInvalid(Exception):
    """The link cannot be used; ``reason`` says why: invalid, revoked,
    accepted or expired (an expired one still names its invitation)."""

    def __init__(self, reason, invitation=None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


def invitation_from_token(token):
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
        invitation = Invitation.objects.select_related("institution__member_state").get(
            pk=data["i"], nonce=data["n"]
        )
    except (signing.BadSignature, Invitation.DoesNotExist, KeyError, TypeError):
        raise InvitationInvalid("invalid") from None
    if invitation.revoked_at:
        raise InvitationInvalid("revoked", invitation)
    if invitation.accepted_at:
        raise InvitationInvalid("accepted", invitation)
    if invitation.is_expired():
        raise InvitationInvalid("expired", invitation)
    return invitation


@transaction.atomic
def invitation_create(*, by, **fields):
    _require_user_admin(by)
    invitation = Invitation(invited_by=by, **fields)
    invitation.email = get_user_model().objects.normalize_email(invitation.email)
    invitation.full_clean()
    invitation.save()
    return invitation_send(invitation=invitation, by=by)


@transaction.atomic
def invitation_send(*, invitation, by):
    """(Re)send the invitation with a fresh link; earlier links stop working."""
    _require_user_admin(by)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError(_("This invitation is closed: create a new one."))
    invitation.nonce = new_nonce()
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["nonce", "sent_at"])
    email_enqueue(
        key=f"invitation:{invitation.pk}:{invitation.nonce}",
        to=invitation.email,
        template="accounts/email/invitation",
        context={
            "invitation": invitation,
            "path": reverse("accounts:invitation_accept", args=[invitation_token(invitation)]),
            "invitation_days": settings.INVITATION_VALID_DAYS,
        },
        language=invitation.language,
    )
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation, by):
    _require_user_admin(by)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise ValidationError(_("This invitation was accepted: deactivate the account instead."))
    if not invitation.revoked_at:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def invitation_accept(*, invitation, password):
    """Create (or reactivate) the account, with the password the person chose."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at or invitation.is_expired():
        raise ValidationError(_("This invitation can no longer be used."))
    User = get_user_model()
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User(email=invitation.email)
    user.full_name = invitation.full_name
    user.job_title = invitation.job_title or user.job_title
    if user.institution_id != invitation.institution_id:
        # The principal contact of one institution is not that of another
        # (which may have one already: one per institution).
        user.is_principal_contact = False
    user.institution = invitation.institution
    user.is_focal_point = invitation.is_focal_point
    user.language = invitation.language
    user.is_active = True
    user.set_password(password)
    user.save()
    invitation.user = user
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["user", "accepted_at"])
    return user


def invitation_ask_again(*, invitation):
    """The person holds an expired link: tell the Secretariat (once a day)."""
    today = timezone.localdate().isoformat()
    email_people(
        people=secretariat_recipients(),
        key=f"invitation-renewal:{invitation.pk}:{today}",
        template="accounts/email/invitation_renewal",
        context={"invitation": invitation},
    )


def erasure_request(*, user, reason=""):
    request, _created = ErasureRequest.objects.get_or_create(
        user=user, processed_at__isnull=True, defaults={"reason": reason}
    )
    email_people(
        people=secretariat_recipients(),
        key=f"erasure-request:{request.pk}",
        template="accounts/email/erasure_request",
        context={"erasure": request},
    )
    return request


@transaction.atomic
def erasure_process(*, erasure, by):
    """Anonymize the account: the person's name, address and devices go;
    the row stays, so that programs, registrations and the fund's books that
    point at it still add up."""
    _require_user_admin(by)
    erasure = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
    if erasure.processed_at:
        raise ValidationError(_("This request was processed already."))
    user = erasure.user
    former_email = user.email
    user.full_name = _("Erased user %(pk)s") % {"pk": user.pk}
    user.email = f"erased-{user.pk}@erased.invalid"
    user.job_title = ""
    user.is_active = False
    user.is_staff = False
    user.is_focal_point = False
    user.is_principal_contact = False
    user.muted_notices = []
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    # The email log and the sign-in logs hold the address (and the messages'
    # text names the person): keep the rows for the counts, not the person.
    EmailDelivery.objects.filter(to__iexact=former_email).update(
        to=user.email, subject=_("(erased)"), body=_("(erased)"), html_body=""
    )
    AccessAttempt.objects.filter(username__iexact=former_email).delete()
    AccessLog.objects.filter(username__iexact=former_email).update(username=user.email)
    AccessFailureLog.objects.filter(username__iexact=former_email).update(username=user.email)
    # Invitations name the person too, also those never accepted (sent again
    # later, or revoked); a pending one must not open an account any more.
    invitations = Invitation.objects.filter(Q(user=user) | Q(email__iexact=former_email))
    invitations.pending().update(revoked_at=timezone.now())
    invitations.update(email=user.email, full_name=user.full_name, job_title="")
    erasure.processed_at = timezone.now()
    erasure.processed_by = by
    erasure.save(update_fields=["processed_at", "processed_by"])
    return erasure


def personal_data(user):
    """Everything the portal holds about ``user``, as plain data (JSON)."""
    data = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "job_title": user.job_title,
            "institution": str(user.institution) if user.institution else None,
            "focal_point": user.is_focal_point,
            "principal_contact": user.is_principal_contact,
            "language": user.language,
            "notices_turned_off": user.muted_notices,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "invitations": [
            {
                "institution": str(invitation.institution),
                "sent_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
                "accepted_at": invitation.accepted_at.isoformat()
                if invitation.accepted_at
                else None,
            }
            for invitation in user.invitations.select_related("institution__member_state")
        ],
        "erasure_requests": [
            {"requested_at": request.requested_at.isoformat(), "reason": request.reason}
            for request in user.erasure_requests.all()
        ],
    }
    for key, value in sections.collect(sections.PERSONAL_DATA, user):
        data[key] = value
    return data
