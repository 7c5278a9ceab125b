"""The virtual forum: spaces per topic, working group or meeting, their
threads and the posts of focal points, delegates and the Secretariat."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import search
from core.files import ServedFileField, unguessable_name
from core.uploads import DocumentKind, DocumentValidator, detect_document_kind
from network.models import unique_slug

from .enums import Frequency, PostStatus, ReadAccess, SpaceKind, ThreadStatus, WriteAccess
from .markup import render_markdown

# How long the author of a post may still correct it; the edit is shown.
EDIT_WINDOW = datetime.timedelta(minutes=30)
# The fixed paths of forum/urls.py that a space's slug would shadow.
RESERVED_SLUGS = {"search", "posts", "unfollow", "ask"}


class SpaceQuerySet(models.QuerySet):
    def public(self):
        return self.filter(read_access=ReadAccess.PUBLIC)


class Space(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=SpaceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        "network.Topic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum_spaces",
    )
    working_group = models.ForeignKey(
        "network.WorkingGroup",
        verbose_name=_("working group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum_spaces",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum_spaces",
    )
    member_institutions = models.ManyToManyField(
        "network.Institution",
        verbose_name=_("member institutions"),
        blank=True,
        related_name="forum_spaces",
        help_text=_(
            "For a working group's space: the ministries and organizations taking part, "
            "whose focal points read a space open to the group's members."
        ),
    )
    read_access = models.CharField(
        _("who may read"), max_length=10, choices=ReadAccess.choices, default=ReadAccess.NETWORK
    )
    write_access = models.CharField(
        _("who may write"),
        max_length=15,
        choices=WriteAccess.choices,
        default=WriteAccess.PARTICIPANTS,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum space")
        verbose_name_plural = _("forum spaces")
        ordering = ["position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SpaceKind.values), name="forum_space_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(read_access__in=ReadAccess.values), name="forum_space_read_valid"
            ),
            models.CheckConstraint(
                condition=Q(write_access__in=WriteAccess.values), name="forum_space_write_valid"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, fallback="space", reserved=RESERVED_SLUGS)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forum:space_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        subject = {
            SpaceKind.TOPIC: "topic",
            SpaceKind.WORKING_GROUP: "working_group",
            SpaceKind.MEETING: "meeting",
        }.get(self.kind)
        if subject and getattr(self, f"{subject}_id") is None:
            raise ValidationError({subject: _("Say which one this space is for.")})
        if self.read_access == ReadAccess.GROUP and self.kind == SpaceKind.TOPIC:
            raise ValidationError(
                {"read_access": _("A topic's space has no members: open it to the network.")}
            )


class ThreadQuerySet(models.QuerySet):
    def without_hidden_opening(self):
        """The threads whose opening post is not hidden: a thread whose
        question the Secretariat hid is gone with it (but for them)."""
        opening = (
            Post.objects.filter(thread=OuterRef("pk")).order_by("created_at", "pk").values("status")
        )
        # A thread yet without posts (as it is made, or in tests) is kept.
        status = Coalesce(Subquery(opening[:1]), Value(PostStatus.VISIBLE.value))
        return self.alias(opening_status=status).filter(opening_status=PostStatus.VISIBLE)

    def for_list(self):
        return self.select_related("space", "author__institution").order_by(
            "-is_pinned", "-last_posted_at", "-pk"
        )


class Thread(models.Model):
    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.PROTECT, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="forum_threads",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ThreadStatus.choices, default=ThreadStatus.OPEN
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    need = models.ForeignKey(
        "cooperation.Need",
        verbose_name=_("cooperation need"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_threads",
        help_text=_("The need this thread asks the network about: who has solved this?"),
    )
    # Kept on the thread so that a space's list sorts without reading posts.
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    last_posted_at = models.DateTimeField(_("last post"), default=timezone.now)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-is_pinned", "-last_posted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ThreadStatus.values), name="forum_thread_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["space", "-is_pinned", "-last_posted_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forum:thread_detail", kwargs={"slug": self.space.slug, "pk": self.pk})

    @property
    def is_locked(self):
        return self.status == ThreadStatus.LOCKED


class PostQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=PostStatus.VISIBLE)

    def shown(self):
        """Visible posts of threads whose opening post is visible: what
        anyone but the Secretariat may read, and what emails tell."""
        return self.visible().filter(
            thread__in=Thread.objects.without_hidden_opening().values("pk")
        )


class Post(models.Model):
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"), help_text=_("Markdown: *emphasis*, lists, links, quotes."))
    program = models.ForeignKey(
        "portfolio.Program",
        verbose_name=_("proposed program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_posts",
        help_text=_("A program of the portfolio the reply proposes."),
    )
    # Its author's language, in which the search stems its words.
    language = models.CharField(
        _("language"), max_length=2, choices=settings.CONTENT_LANGUAGES, default="es"
    )
    # The body as sanitized HTML, made on every save.
    body_html = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.VISIBLE
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # PostgreSQL's search (core/search.py), in the post's language.
    search_vector = models.GeneratedField(
        expression=search.vector_column(*search.own_language_vectors("body", weight="B")),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PostStatus.values), name="forum_post_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return _("Post %(number)s in “%(thread)s”") % {"number": self.pk, "thread": self.thread}

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}#post-{self.pk}"

    @property
    def is_hidden(self):
        return self.status == PostStatus.HIDDEN

    def editable_until(self):
        return self.created_at + EDIT_WINDOW


def attachment_path(attachment, filename):
    # By the post's id, read without loading the post (as the other apps'
    # attachments are): the name is made before the post is fetched, if ever.
    return unguessable_name(f"forum/posts/{attachment.post_id}", filename)


class Attachment(models.Model):
    """A document attached to a post, checked as every upload is."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = ServedFileField(
        _("file"), upload_to=attachment_path, max_length=250, validators=[DocumentValidator()]
    )
    kind = models.CharField(_("type"), max_length=4, choices=DocumentKind.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.filename

    def save(self, *args, **kwargs):
        if self.file and not self.kind:
            self.kind = detect_document_kind(self.file)
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("forum:attachment_download", kwargs={"pk": self.post_id, "number": self.pk})

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]


class Report(models.Model):
    """Someone signed in tells the Secretariat a post breaks the rules."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("dealt with"), null=True, blank=True)

    class Meta:
        verbose_name = _("report of a post")
        verbose_name_plural = _("reports of posts")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                name="forum_report_once_per_person",
                violation_error_message=_("You have already reported this post."),
            ),
        ]

    def __str__(self):
        return _("Report on %(post)s") % {"post": self.post}


class Follow(models.Model):
    """A person following a thread, or every thread of a space, by email."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="forum_follows",
    )
    thread = models.ForeignKey(
        Thread,
        verbose_name=_("thread"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
    )
    space = models.ForeignKey(
        Space,
        verbose_name=_("space"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
    )
    frequency = models.CharField(
        _("emails"), max_length=5, choices=Frequency.choices, default=Frequency.EACH
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=True, space__isnull=False)
                | Q(thread__isnull=False, space__isnull=True),
                name="forum_follow_thread_or_space",
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="forum_follow_frequency_valid"
            ),
            models.UniqueConstraint(fields=["user", "thread"], name="forum_follow_thread_once"),
            models.UniqueConstraint(fields=["user", "space"], name="forum_follow_space_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.thread or self.space}"

    @property
    def followed(self):
        return self.thread or self.space
