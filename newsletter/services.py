"""News review (the same pattern as programs) and the subscriber list
(double opt-in, one-click unsubscribe)."""

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from network.enums import Notice
from network.mail import email_enqueue, email_people
from network.selectors import secretariat_recipients, submitter_or_focal_points

from . import rules
from .enums import NewsStatus
from .models import NewsItem, Subscriber

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRMATION_MAX_AGE = 7 * 24 * 60 * 60


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


# News ---------------------------------------------------------------------


def news_save(*, user, news=None, **fields):
    """Create a draft, or change a draft or returned item."""
    if news is None:
        _require(rules.can_submit_news(user), _("Only focal points submit news."))
        news = NewsItem(institution=user.institution, created_by=user)
    else:
        _require(rules.can_edit_news(user, news), _("You cannot edit this news item."))
        if news.status not in (NewsStatus.DRAFT, NewsStatus.RETURNED):
            raise ValidationError(_("Only a draft or a returned item can be changed."))
    for name, value in fields.items():
        setattr(news, name, value)
    news.full_clean()
    news.save()
    return news


@transaction.atomic
def news_submit(*, news, user):
    _require(rules.can_edit_news(user, news), _("You cannot submit this news item."))
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if not news.can_be_submitted:
        raise ValidationError(_("Only a draft or a returned item can be submitted."))
    news.status = NewsStatus.SUBMITTED
    news.submitted_by = user
    news.submitted_at = timezone.now()
    news.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
    email_people(
        people=secretariat_recipients(),
        key=f"news-submitted:{news.pk}:{news.submitted_at.isoformat()}",
        template="newsletter/email/news_submitted",
        context={"news": news},
    )
    return news


@transaction.atomic
def news_publish(*, news, user):
    _require(rules.can_review_news(user), _("Only the Secretariat publishes news."))
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if news.status != NewsStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted item can be published."))
    news.status = NewsStatus.PUBLISHED
    news.published_at = timezone.now()
    news.review_comment = ""
    news.save()
    _tell_submitter(news, "newsletter/email/news_published")
    return news


@transaction.atomic
def news_return(*, news, user, comment):
    _require(rules.can_review_news(user), _("Only the Secretariat reviews news."))
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change.")})
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if news.status != NewsStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted item can be returned."))
    news.status = NewsStatus.RETURNED
    news.review_comment = comment.strip()
    news.save(update_fields=["status", "review_comment", "updated_at"])
    _tell_submitter(news, "newsletter/email/news_returned")
    return news


def _tell_submitter(news, template):
    email_people(
        people=submitter_or_focal_points(news.submitted_by, news.institution),
        key=f"{template.rsplit('/', 1)[-1]}:{news.pk}:{news.updated_at.isoformat()}",
        template=template,
        context={"news": news},
        notice=Notice.REVIEW_OUTCOMES,
    )


# Subscribers --------------------------------------------------------------


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


def subscriber_confirm(*, token):
    """The confirmation link: returns the subscriber, now on the list."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        raise ValidationError(_("This confirmation link is not valid or has expired.")) from None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        raise ValidationError(_("This confirmation link is not valid or has expired."))
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
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
    elif subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = now
    subscriber.save()
    subscriber.topics.set(topics)
    return subscriber
