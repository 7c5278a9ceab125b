"""News from the ministries and the newsletter's subscribers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from network.models import unique_slug

from .enums import NewsStatus


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=NewsStatus.PUBLISHED)


def news_image_path(item, filename):
    return f"news/{filename}"


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
    image = models.ImageField(_("image"), upload_to=news_image_path, blank=True)
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

    objects = NewsItemQuerySet.as_manager()
    history = HistoricalRecords()

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

    @property
    def is_public(self):
        return self.status == NewsStatus.PUBLISHED

    @property
    def can_be_submitted(self):
        return self.status in (NewsStatus.DRAFT, NewsStatus.RETURNED)

    def paragraphs(self):
        # Browsers send a textarea's line breaks as CRLF.
        text = self.text.replace("\r\n", "\n")
        return [part.strip() for part in text.split("\n\n") if part.strip()]


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed and not unsubscribed: who receives the newsletter."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


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
        return self.confirmed_at is not None and self.unsubscribed_at is None
