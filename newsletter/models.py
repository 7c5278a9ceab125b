"""News from the ministries, the newsletter's subscribers and its issues."""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import search
from core.files import ServedImageField, unguessable_name
from network.models import unique_slug

from .enums import IssueStatus, NewsStatus

# The key of the delivery of an issue to a subscriber (core.EmailDelivery):
# unique, so that no retry, crash or second click sends a second copy.
DELIVERY_KEY = "newsletter:issue:{issue}:subscriber:{subscriber}"
DELIVERY_KEY_PATTERN = re.compile(r"newsletter:issue:(\d+):subscriber:(\d+)")


def delivery_subscriber_id(key):
    """The subscriber's id in the key of an issue's delivery, else None."""
    match = DELIVERY_KEY_PATTERN.fullmatch(key)
    return int(match.group(2)) if match else None


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=NewsStatus.PUBLISHED)


def news_image_path(item, filename):
    return unguessable_name("news", filename)


class NewsItem(models.Model):
    """News a ministry submits; the Secretariat publishes it (or returns it)."""

    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="news",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    text = models.TextField(_("text"), help_text=_("Plain text; a blank line starts a paragraph."))
    image = ServedImageField(_("image"), upload_to=news_image_path, blank=True)
    image_description = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    link = models.URLField(_("link"), blank=True)
    topic = models.ForeignKey(
        "network.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="news",
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="es"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=NewsStatus.choices, default=NewsStatus.DRAFT
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # PostgreSQL's search (core/search.py): the title above the text, each
    # language version stemmed in its language.
    search_vector = models.GeneratedField(
        expression=search.vector_column(
            *search.translated_vectors("title", weight="A"),
            *search.translated_vectors("text", weight="B"),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_title = models.GeneratedField(
        expression=search.title_column(*search.translated_titles()),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_description=""),
                name="newsletter_news_image_described",
                violation_error_message=_("Describe the image."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title, fallback="news")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("newsletter:news_detail", kwargs={"slug": self.slug})

    def get_image_url(self):
        return reverse("newsletter:news_image", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == NewsStatus.PUBLISHED

    @property
    def can_be_submitted(self):
        return self.status in (NewsStatus.DRAFT, NewsStatus.RETURNED)

    def original_title(self):
        return getattr(self, f"title_{self.language}") or self.title

    def title_in(self, language):
        """The title in ``language``, else in the item's own language."""
        return getattr(self, f"title_{language}", None) or self.original_title()

    def text_in(self, language):
        """The text in ``language``, else in the item's own language."""
        return getattr(self, f"text_{language}", None) or getattr(self, f"text_{self.language}")


def paragraphs(text):
    """A plain text's paragraphs: a blank line starts one."""
    # Browsers send a textarea's line breaks as CRLF.
    text = (text or "").replace("\r\n", "\n")
    return [part.strip() for part in text.split("\n\n") if part.strip()]


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed, not unsubscribed, not disabled: who receives the newsletter."""
        return self.filter(
            confirmed_at__isnull=False, unsubscribed_at__isnull=True, disabled_at__isnull=True
        )


class Subscriber(models.Model):
    """One address on the newsletter's list (double opt-in)."""

    email = models.EmailField(_("email"))
    languages = models.JSONField(_("languages"), default=list)
    topics = models.ManyToManyField(
        "network.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="subscribers",
        help_text=_("None: every topic."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subscription",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    refusals = models.PositiveSmallIntegerField(
        _("refusals in a row"),
        default=0,
        help_text=_("Issues the mail server refused for this address since the last one it took."),
    )
    disabled_at = models.DateTimeField(
        _("disabled"),
        null=True,
        blank=True,
        help_text=_("Set when the address was refused too often; confirming it again clears it."),
    )
    disabled_reason = models.TextField(_("why disabled"), blank=True)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique")
        ]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return (
            self.confirmed_at is not None
            and self.unsubscribed_at is None
            and self.disabled_at is None
        )

    def reading_language(self):
        """The content language the newsletter is written to them in: the
        first of theirs that is a content language, else the site's."""
        codes = {code for code, _name in settings.CONTENT_LANGUAGES}
        return next((code for code in self.languages if code in codes), settings.LANGUAGE_CODE)


class Issue(models.Model):
    """One issue of the newsletter: an introduction and items the portal
    proposes, which staff reorder or drop before a person sends it."""

    number = models.PositiveIntegerField(_("number"), unique=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("The email's subject. Empty: “RIAL newsletter no. N” in each language."),
    )
    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain text; a blank line starts a paragraph.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: drafted by the portal's schedule."),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who decided to send it (now, or at the scheduled time)."),
    )
    compiled_at = models.DateTimeField(_("content proposed"), null=True, blank=True)
    sending_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    recipients_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(pgettext_lazy("a number of emails", "sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-number"]
        permissions = [("send_issue", _("Can send newsletter issues to the subscribers"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=IssueStatus.SCHEDULED) | Q(scheduled_for__isnull=False),
                name="newsletter_issue_scheduled_has_time",
            )
        ]

    def __str__(self):
        return _("Newsletter no. %(number)s") % {"number": self.number}

    @property
    def is_editable(self):
        """Content may change until sending starts."""
        return self.status in (IssueStatus.DRAFT, IssueStatus.SCHEDULED)

    @property
    def delivery_key_prefix(self):
        return DELIVERY_KEY.format(issue=self.pk, subscriber="")

    def delivery_key(self, subscriber):
        return DELIVERY_KEY.format(issue=self.pk, subscriber=subscriber.pk)

    def title_in(self, language):
        """The title staff wrote for ``language``, or ""."""
        return (getattr(self, f"title_{language}", "") or "").strip()

    def subject(self, language):
        return self.title_in(language) or _("RIAL newsletter no. %(number)s") % {
            "number": self.number
        }

    def introduction_paragraphs(self, language):
        """The introduction in ``language``, else in the first language it was
        written in: the Secretariat's words reach every reader."""
        texts = [getattr(self, f"introduction_{language}", "") or ""] + [
            getattr(self, f"introduction_{code}", "") or ""
            for code in settings.MODELTRANSLATION_FALLBACK_LANGUAGES
        ]
        return paragraphs(next((text for text in texts if text.strip()), ""))


class IssueItem(models.Model):
    """A proposed item of an issue: published content (``content``) or a free
    item (no content), under the ``kind`` of the source that proposed it
    (newsletter.sources). Staff order items and drop the ones to leave out;
    a dropped item stays, so that proposing content again does not bring it
    back."""

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("kind"), max_length=40)
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("content type"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    object_id = models.PositiveBigIntegerField(_("content id"), null=True, blank=True)
    content = GenericForeignKey("content_type", "object_id")
    position = models.PositiveIntegerField(_("position"), default=0)
    included = models.BooleanField(_("included"), default=True)

    class Meta:
        verbose_name = pgettext_lazy("newsletter", "item")
        verbose_name_plural = pgettext_lazy("newsletter", "items")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "content_type", "object_id"],
                condition=Q(object_id__isnull=False),
                name="newsletter_item_content_once_per_issue",
            ),
            models.UniqueConstraint(
                fields=["issue", "kind"],
                condition=Q(object_id__isnull=True),
                name="newsletter_item_free_kind_once_per_issue",
            ),
        ]

    def __str__(self):
        return f"{self.kind} #{self.object_id}" if self.object_id else self.kind
