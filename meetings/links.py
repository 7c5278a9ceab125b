"""The registrant's links, in every email about their registration: one
confirms the address, the other shows the registration (to cancel it, accept
an offered place, download the letter). No account is needed: the signed
link is the credential.

A link signs the registration's id and its link nonce: a new nonce (a new
link asked for, a withdrawal: ``services.registration_links_send``,
``services.registration_withdraw``) ends every link sent before it, so a
forwarded email stops giving access. Following a link only shows a page; a
button on it (a POST) acts, since mail scanners open every link they see."""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import Registration

CONFIRM_SALT = "meetings.registration.confirm"
MANAGE_SALT = "meetings.registration.manage"
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60
# The link in every email to see, cancel or accept a place works until this
# long after the meeting's last day (the participation letter is still asked
# for after it); an undated meeting's link, at most this long after it was sent.
MANAGE_DAYS_AFTER_MEETING = 30
MANAGE_MAX_AGE = 400 * 24 * 60 * 60


class RegistrationLinkInvalid(Exception):
    """A registrant's link that does not work, and why: "broken" (altered,
    cut short, or naming a registration that is gone), "replaced" (a newer
    link, or a withdrawal, ended it) or "expired"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def _link_token(registration, salt):
    return signing.dumps({"r": registration.pk, "n": registration.link_nonce}, salt=salt)


def confirmation_token(registration):
    return _link_token(registration, CONFIRM_SALT)


def manage_token(registration):
    return _link_token(registration, MANAGE_SALT)


def manage_path(registration):
    return reverse("meetings:registration_manage", kwargs={"token": manage_token(registration)})


def confirm_path(registration):
    return reverse(
        "meetings:registration_confirm", kwargs={"token": confirmation_token(registration)}
    )


def certificate_path(registration):
    """The certificate of attendance: the same signed link as the
    registrant's page, honoured after that page's links expire."""
    return reverse("meetings:certificate_download", kwargs={"token": manage_token(registration)})


def manage_link_expired(registration, *, now=None):
    """Whether the meeting ended long enough ago that its links stop working."""
    last_day = registration.meeting.last_day
    if last_day is None:
        return False
    today = timezone.localdate(now or timezone.now())
    return today > last_day + datetime.timedelta(days=MANAGE_DAYS_AFTER_MEETING)


def registration_from_token(token, *, purpose, now=None):
    """The registration a signed link names. Raises RegistrationLinkInvalid
    when the link was altered, has expired or was replaced, or names a
    registration that is gone."""
    salt, max_age = {
        "confirm": (CONFIRM_SALT, CONFIRMATION_MAX_AGE),
        "manage": (MANAGE_SALT, MANAGE_MAX_AGE),
        # A certificate is asked for long after the meeting: its link
        # outlives the registrant's page (until the link's maximum age, or the
        # registration's purge).
        "certificate": (MANAGE_SALT, MANAGE_MAX_AGE),
    }[purpose]
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise RegistrationLinkInvalid("expired") from None
    except signing.BadSignature:
        raise RegistrationLinkInvalid("broken") from None
    if not isinstance(data, dict):
        # Signed before links carried a nonce: genuine, but revoked.
        raise RegistrationLinkInvalid("replaced")
    # With what its pages show: the meeting's place and the delegation.
    registration = (
        Registration.objects.select_related("meeting__host_state", "institution__member_state")
        .filter(pk=data.get("r"))
        .first()
    )
    if registration is None:
        raise RegistrationLinkInvalid("broken")
    if registration.link_nonce != data.get("n"):
        raise RegistrationLinkInvalid("replaced")
    if purpose == "manage" and manage_link_expired(registration, now=now):
        raise RegistrationLinkInvalid("expired")
    return registration
