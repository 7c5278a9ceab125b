"""The subscriber list: double opt-in, one-click unsubscribe, portal users'
own subscription, and addresses disabled after repeated refusals."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import email_enqueue

from .. import rules
from ..models import Subscriber
from ..rules import require

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60
REFUSAL_FIELDS = ("refusals", "disabled_at", "disabled_reason")


def confirmation_token(subscriber):
    return signing.dumps(subscriber.pk, salt=CONFIRM_SALT)


def unsubscribe_token(subscriber):
    # No expiry: the link in a years-old newsletter must still work.
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber):
    return reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)])


@transaction.atomic
def subscriber_subscribe(*, email, languages, topics, user=None):
    """Ask to subscribe. The page answers the same whether or not the address
    is on the list; the email says what is true: a link to confirm, or that
    the address is subscribed already."""
    email = get_user_model().objects.normalize_email(email)
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is None:
        try:
            with transaction.atomic():
                subscriber = Subscriber.objects.create(email=email, languages=languages, user=user)
        except IntegrityError:
            # Two requests for one address at once: the other one created it.
            subscriber = Subscriber.objects.get(email__iexact=email)
    if subscriber.is_active:
        email_enqueue(
            key=f"newsletter-already:{subscriber.pk}:{timezone.localdate().isoformat()}",
            to=subscriber.email,
            template="newsletter/email/already_subscribed",
            context={"unsubscribe_path": unsubscribe_url(subscriber)},
            language=languages[0] if languages else "",
        )
        return subscriber
    subscriber.languages = languages
    subscriber.save(update_fields=["languages"])
    subscriber.topics.set(topics)
    # At most one confirmation a day per address: the form cannot be used to
    # flood someone's inbox.
    email_enqueue(
        key=f"newsletter-confirm:{subscriber.pk}:{timezone.localdate().isoformat()}",
        to=subscriber.email,
        template="newsletter/email/confirm",
        context={
            "confirm_path": reverse("newsletter:confirm", args=[confirmation_token(subscriber)])
        },
        language=languages[0] if languages else "",
    )
    return subscriber


def subscriber_from_confirmation_token(token):
    """The subscriber a confirmation link names; ValidationError if the link
    was altered, has expired or names an address no longer on the list."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        raise ValidationError(_("This confirmation link is not valid or has expired.")) from None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        raise ValidationError(_("This confirmation link is not valid or has expired."))
    return subscriber


def subscriber_confirm(*, subscriber):
    """The confirmation link's button was pressed: the subscriber is on the list."""
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    # Confirming proves the address receives mail again.
    _clear_refusals(subscriber)
    subscriber.save(update_fields=["confirmed_at", "unsubscribed_at", *REFUSAL_FIELDS])
    return subscriber


def subscriber_from_unsubscribe_token(token):
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(pk=pk).first()


def subscriber_unsubscribe(*, subscriber):
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
    return subscriber


def subscription_of(user):
    """The user's subscriber row: the one linked to their account (even if
    their address changed since), else the one for their address."""
    return (
        Subscriber.objects.filter(user=user).first()
        or Subscriber.objects.filter(email__iexact=user.email).first()
    )


@transaction.atomic
def subscription_update_for_user(*, user, subscribed, languages, topics):
    """A portal user manages their subscription from their profile: their
    address is theirs already, so no confirmation email is needed."""
    subscriber = subscription_of(user)
    if subscriber is None:
        if not subscribed:
            return None
        subscriber = Subscriber(email=user.email)
    subscriber.user = user
    subscriber.languages = languages
    now = timezone.now()
    if subscribed:
        subscriber.confirmed_at = subscriber.confirmed_at or now
        subscriber.unsubscribed_at = None
        _clear_refusals(subscriber)
    elif subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = now
    subscriber.save()
    subscriber.topics.set(topics)
    return subscriber


# Refused addresses ----------------------------------------------------------


def _clear_refusals(subscriber):
    subscriber.refusals = 0
    subscriber.disabled_at = None
    subscriber.disabled_reason = ""


def subscriber_enable(*, subscriber, user):
    """Staff put a disabled address back on the list (its owner fixed it)."""
    require(rules.can_change_subscriber(user), _("You cannot change subscribers."))
    _clear_refusals(subscriber)
    subscriber.save(update_fields=REFUSAL_FIELDS)
    return subscriber


def subscriber_delivery_accepted(*, subscriber_id):
    """The mail server took an issue for this subscriber: refusals start over."""
    Subscriber.objects.filter(pk=subscriber_id, refusals__gt=0).update(refusals=0)


def subscriber_delivery_refused(*, subscriber_id, reason):
    """The mail server refused an issue for good; after
    NEWSLETTER_DISABLE_AFTER_FAILURES refusals in a row the address is
    disabled (no longer active) with the server's answer as the reason."""
    Subscriber.objects.filter(pk=subscriber_id).update(refusals=F("refusals") + 1)
    Subscriber.objects.filter(
        pk=subscriber_id,
        refusals__gte=settings.NEWSLETTER_DISABLE_AFTER_FAILURES,
        disabled_at__isnull=True,
    ).update(disabled_at=timezone.now(), disabled_reason=reason)
