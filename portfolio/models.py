"""The Program Portfolio: programs with a track record that a Ministry of
Labor offers to share with its peers."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import search
from core.files import ServedFileField, unguessable_name
from core.uploads import DocumentKind, DocumentValidator
from network.enums import InstitutionKind
from network.models import unique_slug

from .enums import (
    OPEN_REVISION_STATUSES,
    ImplementationStatus,
    OfferKind,
    ProgramStatus,
    RevisionStatus,
)

TRANSLATED_FIELDS = ("title", "summary")
# The fixed paths of portfolio/urls.py that a program's slug would shadow.
RESERVED_SLUGS = {"mine", "new", "feed"}
# The fields a focal point edits (besides topics, target groups, offers and
# indicators); a revision's content holds exactly these.
CONTENT_SCALAR_FIELDS = (
    "language",
    *(
        f"{field}_{code}"
        for field in TRANSLATED_FIELDS
        for code, _name in settings.CONTENT_LANGUAGES
    ),
    "objectives",
    "target_population",
    "main_activities",
    "results",
    "start_year",
    "implementation_status",
    "documentation_languages",
    "offer_details",
    "contact_name",
    "contact_role",
    "contact_email",
    "links",
)


class TargetGroup(models.Model):
    """Who a program serves: youth, women, migrant workers, inspectors, …"""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProgramQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ProgramStatus.PUBLISHED)

    def public(self):
        """Programs whose page a visitor may open (archived ones stay reachable)."""
        return self.filter(status__in=[ProgramStatus.PUBLISHED, ProgramStatus.ARCHIVED])

    def fresh(self, today=None):
        """Confirmed by their ministry recently enough to stay in the default list."""
        return self.filter(last_verified__gte=stale_before(today))

    def owned_by(self, institution):
        return self.filter(owner=institution)

    def with_list_data(self):
        """What a list of programs shows, in a fixed number of queries."""
        return self.select_related("owner__member_state").prefetch_related(
            "topics", "offers", "target_groups"
        )


def verification_cutoff(today=None):
    """Programs last verified before this date are overdue for confirmation."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.PORTFOLIO_VERIFY_EVERY_DAYS)


def stale_before(today=None):
    """Programs last verified before this date leave the default list."""
    return verification_cutoff(today) - datetime.timedelta(
        days=settings.PORTFOLIO_VERIFY_GRACE_DAYS
    )


def current_year():
    return timezone.localdate().year


class Program(models.Model):
    owner = models.ForeignKey(
        "network.Institution",
        verbose_name=_("ministry"),
        on_delete=models.PROTECT,
        related_name="programs",
        limit_choices_to={"kind": InstitutionKind.MINISTRY},
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    language = models.CharField(
        _("content language"),
        max_length=2,
        choices=settings.CONTENT_LANGUAGES,
        default="es",
        help_text=_("The language the program's texts are written in."),
    )
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"))
    objectives = models.TextField(_("objectives"))
    target_population = models.TextField(_("target population"))
    main_activities = models.TextField(_("main activities"))
    results = models.TextField(
        _("results and evidence of impact"),
        help_text=_("What changed, with figures where there are any."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(1900)]
    )
    implementation_status = models.CharField(
        _("implementation"),
        max_length=10,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.ONGOING,
    )
    topics = models.ManyToManyField(
        "network.Topic", verbose_name=_("topics"), related_name="programs"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), related_name="programs", blank=True
    )
    documentation_languages = models.JSONField(
        _("documentation available in"), default=list, blank=True
    )
    offer_details = models.TextField(
        _("what the ministry offers"),
        blank=True,
        help_text=_("Details of the cooperation offered: who, how long, in which language."),
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"))
    links = models.TextField(_("links"), blank=True, help_text=_("One web address per line."))
    last_verified = models.DateField(
        _("last verified"),
        default=timezone.localdate,
        help_text=_("When the ministry last confirmed that the information is up to date."),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=ProgramStatus.choices, default=ProgramStatus.DRAFT
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
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Maintained by save(): plain text for SQLite's search and the matching of
    # needs with programs. The generated columns are PostgreSQL's search
    # (core/search.py): titles above summaries above the rest, each text
    # stemmed in its language; the other texts are in the program's language.
    search_text = models.TextField(editable=False, blank=True)
    search_vector = models.GeneratedField(
        expression=search.vector_column(
            *search.translated_vectors("title", weight="A"),
            *search.translated_vectors("summary", weight="B"),
            *search.own_language_vectors(
                "objectives", "target_population", "main_activities", "results", weight="C"
            ),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    search_title = models.GeneratedField(
        expression=search.title_column(*search.translated_titles()),
        output_field=models.TextField(),
        db_persist=True,
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__gte=1900), name="portfolio_program_start_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProgramStatus.values), name="portfolio_program_status_valid"
            ),
        ]
        # On PostgreSQL, the list's order (newest published first) has an
        # index of its own: migrations/0005_program_newest_index.py.
        indexes = [models.Index(fields=["status", "last_verified"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        self.search_text = self._search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("portfolio:program_detail", kwargs={"slug": self.slug})

    def structured_data(self, *, url):
        """The program as a schema.org GovernmentService for search engines
        (its page's JSON-LD); None unless it is published."""
        if self.status != ProgramStatus.PUBLISHED:
            return None
        service = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": self.title,
            "description": self.summary,
            "url": url,
            "provider": {"@type": "GovernmentOrganization", "name": self.owner.name},
        }
        if self.owner.member_state_id:
            service["areaServed"] = {"@type": "Country", "name": self.owner.member_state.name}
        return service

    def clean(self):
        super().clean()
        if self.start_year and self.start_year > current_year():
            raise ValidationError({"start_year": _("The start year cannot be in the future.")})

    @property
    def member_state(self):
        return self.owner.member_state

    @property
    def is_public(self):
        return self.status in (ProgramStatus.PUBLISHED, ProgramStatus.ARCHIVED)

    @property
    def is_editable_in_place(self):
        """Unpublished programs are edited directly; published ones through a revision."""
        return self.status in (ProgramStatus.DRAFT, ProgramStatus.RETURNED)

    @property
    def can_be_submitted(self):
        return self.status in (ProgramStatus.DRAFT, ProgramStatus.RETURNED)

    def link_list(self):
        """The web addresses to show as links: only http(s), whoever typed them."""
        lines = (line.strip() for line in self.links.splitlines())
        return [line for line in lines if line.lower().startswith(("https://", "http://"))]

    def verification_overdue(self, today=None):
        return self.last_verified < verification_cutoff(today)

    def is_stale(self, today=None):
        return self.last_verified < stale_before(today)

    def original_title(self):
        return getattr(self, f"title_{self.language}") or self.title

    def content(self):
        """The editable content as plain data: what a revision proposes and
        what the program form edits."""
        data = {name: getattr(self, name) for name in CONTENT_SCALAR_FIELDS}
        if self.pk:
            data["topics"] = sorted(topic.pk for topic in self.topics.all())
            data["target_groups"] = sorted(group.pk for group in self.target_groups.all())
            data["offer_kinds"] = sorted(offer.kind for offer in self.offers.all())
            data["indicators"] = [
                {"name": i.name, "value": i.value, "year": i.year} for i in self.indicators.all()
            ]
        else:
            data.update(topics=[], target_groups=[], offer_kinds=[], indicators=[])
        return data

    def apply_content(self, content):
        """Bring the program to ``content`` (as made by ``content()``) and save."""
        for name in CONTENT_SCALAR_FIELDS:
            if name in content:
                setattr(self, name, content[name])
        self.save()
        self.topics.set(content.get("topics", []))
        self.target_groups.set(content.get("target_groups", []))
        kinds = set(content.get("offer_kinds", []))
        self.offers.exclude(kind__in=kinds).delete()
        for kind in kinds - set(self.offers.values_list("kind", flat=True)):
            self.offers.create(kind=kind)
        self.indicators.all().delete()
        ProgramIndicator.objects.bulk_create(
            ProgramIndicator(program=self, **indicator)
            for indicator in content.get("indicators", [])
        )

    def _unique_slug(self):
        return unique_slug(
            self,
            self.title_en or self.original_title(),
            fallback="program",
            reserved=RESERVED_SLUGS,
        )

    def _search_text(self):
        parts = [
            getattr(self, f"{field}_{code}") or ""
            for field in TRANSLATED_FIELDS
            for code, _name in settings.CONTENT_LANGUAGES
        ]
        parts += [self.objectives, self.target_population, self.main_activities, self.results]
        return "\n".join(part for part in parts if part)


class ProgramOffer(models.Model):
    """A kind of cooperation a ministry offers on a program; cooperation
    requests point at these."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="offers"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OfferKind.choices)

    class Meta:
        verbose_name = _("cooperation offer")
        verbose_name_plural = _("cooperation offers")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["program", "kind"], name="portfolio_offer_unique_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.program}"


class ProgramIndicator(models.Model):
    """A measured result of a program (people trained, cases settled, …)."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("indicator"), max_length=250)
    value = models.CharField(_("value"), max_length=100)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}: {self.value}"


def attachment_path(attachment, filename):
    return unguessable_name(f"portfolio/{attachment.program_id}", filename)


class ProgramAttachment(models.Model):
    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="attachments"
    )
    revision = models.ForeignKey(
        "ProgramRevision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        help_text=_("Set while the attachment waits for a revision's review."),
    )
    title = models.CharField(_("title"), max_length=200)
    file = ServedFileField(
        _("file"),
        upload_to=attachment_path,
        max_length=250,
        validators=[
            DocumentValidator(
                allowed=(DocumentKind.PDF, DocumentKind.DOCX, DocumentKind.XLSX, DocumentKind.ODT)
            )
        ],
    )
    kind = models.CharField(_("type"), max_length=4, choices=DocumentKind.choices)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    language = models.CharField(
        _("language"), max_length=2, choices=settings.CONTENT_LANGUAGES, blank=True
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "portfolio:attachment_download", kwargs={"slug": self.program.slug, "pk": self.pk}
        )

    def get_file_url(self):
        return self.get_absolute_url()


class ProgramRevisionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_REVISION_STATUSES)


class ProgramRevision(models.Model):
    """Changes to a published program, kept apart until staff approve them, so
    that the public page never shows unreviewed text."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="revisions"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.DRAFT
    )
    content = models.JSONField(_("proposed content"))
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
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
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProgramRevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("program revision")
        verbose_name_plural = _("program revisions")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["program"],
                condition=Q(status__in=OPEN_REVISION_STATUSES),
                name="portfolio_revision_one_open_per_program",
                violation_error_message=_("This program already has a revision in progress."),
            )
        ]

    def __str__(self):
        return _("Revision of %(program)s") % {"program": self.program}

    @property
    def can_be_submitted(self):
        return self.status in (RevisionStatus.DRAFT, RevisionStatus.RETURNED)

    @property
    def is_open(self):
        return self.status in OPEN_REVISION_STATUSES
