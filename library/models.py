"""The Library: the network's studies, publications, guides, reports and
toolkits, each with one file per language version."""

from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connections, models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core import search
from core.files import ServedFileField, unguessable_name
from core.mail import queue_after_commit
from core.schema_org import media_object
from core.uploads import DocumentKind, detect_document_kind
from network.enums import InstitutionKind
from network.models import unique_slug

from . import citations
from .enums import AuthorRole, DatePrecision, ExtractionStatus, ItemKind, ItemStatus, Licence
from .extraction import ReadableDocumentValidator

TRANSLATED_FIELDS = ("title", "abstract")
# The fixed paths of library/urls.py that an item's slug would shadow.
RESERVED_SLUGS = {"feed", "mine", "new"}
LIBRARY_FILE_KINDS = (DocumentKind.PDF, DocumentKind.DOCX, DocumentKind.ODT)


# The licences whose text has an address, for the markup's ``license``.
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA_IGO: "https://creativecommons.org/licenses/by-nc-sa/3.0/igo/",
    Licence.PUBLIC_DOMAIN: "https://creativecommons.org/publicdomain/mark/1.0/",
}


# Every distinct word of an item's pages, as their tsvectors stem it, without
# positions: a long document's positions would pass tsvector's size limit.
TEXT_VECTOR_OF_PAGES = """
UPDATE library_libraryitem SET text_vector = (
    SELECT array_to_tsvector(array_agg(DISTINCT lexeme))
    FROM library_librarypage AS page, unnest(page.search_vector) AS word
    WHERE page.item_id = library_libraryitem.id
)
"""


class LibraryItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ItemStatus.PUBLISHED)

    def owned_by(self, institution):
        return self.filter(owner=institution)

    def text_vectors_refresh(self):
        """Set these items' ``text_vector`` from their pages as they are now:
        after pages were written or deleted (PostgreSQL's search only)."""
        if not search.is_postgresql():
            return
        # One statement: these items' keys as its subquery, not read first.
        keys, params = self.values("pk").query.sql_with_params()
        with connections[self.db].cursor() as cursor:
            cursor.execute(f"{TEXT_VECTOR_OF_PAGES} WHERE id IN ({keys})", params)


class LibraryItemManager(models.Manager.from_queryset(LibraryItemQuerySet)):
    def get_queryset(self):
        # The files' words serve the search's conditions only, and weigh up
        # to tens of kilobytes an item that no page shows.
        return super().get_queryset().defer("text_vector")


class LibraryItem(models.Model):
    owner = models.ForeignKey(
        "network.Institution",
        verbose_name=_("owner institution"),
        on_delete=models.PROTECT,
        related_name="library_items",
        help_text=_("The ministry or organization that publishes the item."),
    )
    # Made once from the English title and never changed: the item's address
    # stays the same whatever is edited later.
    slug = models.SlugField(_("slug"), max_length=120, unique=True, editable=False)
    identifier = models.CharField(
        _("identifier"),
        max_length=120,
        blank=True,
        help_text=_("An ISBN, a DOI or an official symbol such as CIMT-18/GT1-GT2/doc.6/15."),
    )
    url = models.URLField(
        _("original address"),
        blank=True,
        help_text=_("Where the publisher keeps the original, if elsewhere."),
    )
    language = models.CharField(
        _("original language"),
        max_length=2,
        choices=settings.CONTENT_LANGUAGES,
        default="es",
        help_text=_("The language the item was written in."),
    )
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ItemKind.choices)
    published_on = models.DateField(
        _("publication date"),
        help_text=_("For a month or a year only: its first day."),
    )
    date_precision = models.CharField(
        _("date known to"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
    )
    topics = models.ManyToManyField(
        "network.Topic", verbose_name=_("topics"), related_name="library_items", blank=True
    )
    member_states = models.ManyToManyField(
        "network.MemberState",
        verbose_name=_("member states concerned"),
        related_name="library_items",
        blank=True,
    )
    working_group = models.ForeignKey(
        "network.WorkingGroup",
        verbose_name=_("working group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_items",
        help_text=_("The working group it came from."),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_items",
        help_text=_("The meeting it was presented at."),
    )
    meeting_documents = models.ManyToManyField(
        "meetings.Document",
        verbose_name=_("meeting documents"),
        related_name="library_items",
        blank=True,
        help_text=_("The meeting's official documents of this item: linked, not copied."),
    )
    programs = models.ManyToManyField(
        "portfolio.Program",
        verbose_name=_("related programs"),
        related_name="library_items",
        blank=True,
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.ALL_RIGHTS_RESERVED,
    )

    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.DRAFT
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

    # PostgreSQL's search (core/search.py): the identifier and titles
    # above the abstracts, each stemmed in its language; the files' text is
    # kept page by page (LibraryPage), for the snippets.
    search_vector = models.GeneratedField(
        expression=search.vector_column(
            SearchVector("identifier", config="simple", weight="A"),
            *search.translated_vectors("title", weight="A"),
            *search.translated_vectors("abstract", weight="B"),
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    # The words of its files' pages, for the search to find the item by
    # them in its own table (text_vectors_refresh). Looked for through the
    # pages, the items holding a word few items hold were found by testing
    # every page of the library: the planner, taking each page's match for
    # a different item's, expected to stop long before the end.
    text_vector = SearchVectorField(null=True, editable=False)

    objects = LibraryItemManager()

    class Meta:
        verbose_name = _("library item")
        verbose_name_plural = _("library items")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ItemStatus.values), name="library_item_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ItemKind.values), name="library_item_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "-published_on"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                self,
                self.title_en or getattr(self, f"title_{self.language}") or self.title,
                fallback="item",
                reserved=RESERVED_SLUGS,
            )
        if not self._state.adding and not args and kwargs.get("update_fields") is None:
            # The words are the pages' (text_vectors_refresh): an item loaded
            # before its files were read must not write back what it held.
            deferred = self.get_deferred_fields()
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and not field.generated
                and field.name != "text_vector"
                and field.attname not in deferred
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("library:item_detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return self.status == ItemStatus.PUBLISHED

    @property
    def can_be_submitted(self):
        return self.status in (ItemStatus.DRAFT, ItemStatus.RETURNED)

    @property
    def is_secretariats_own(self):
        """Not a ministry's: a ministry's items are its focal points' to
        propose (their drafts are theirs to finish), and each is published
        after the Secretariat's review of what they submitted."""
        return self.owner.kind != InstitutionKind.MINISTRY

    @property
    def year(self):
        return self.published_on.year

    def publication_date_display(self):
        """The publication date as precisely as it is known, in the reader's format."""
        if self.date_precision == DatePrecision.DAY:
            return date_format(self.published_on, "DATE_FORMAT")
        if self.date_precision == DatePrecision.MONTH:
            return date_format(self.published_on, "YEAR_MONTH_FORMAT")
        return str(self.year)

    def authors(self):
        """Who wrote it, in order (from the prefetched authorships when there are)."""
        return [a for a in self.authorships.all() if a.role == AuthorRole.AUTHOR]

    def structured_data(self, *, url):
        """The item as schema.org CreativeWork (a Report for a report) for
        search engines and harvesters, with a MediaObject per language
        version; None unless it is published, so that a draft is never
        pointed to. Uses the prefetched authorships and files."""
        if not self.is_public:
            return None
        date_length = {DatePrecision.YEAR: 4, DatePrecision.MONTH: 7}.get(self.date_precision, 10)
        data = {
            "@context": "https://schema.org",
            "@type": "Report" if self.kind == ItemKind.REPORT else "CreativeWork",
            "name": getattr(self, f"title_{self.language}") or self.title,
            "url": url,
            "datePublished": self.published_on.isoformat()[:date_length],
            "genre": str(self.get_kind_display()),
            "publisher": {"@type": "Organization", "name": self.owner.name},
        }
        abstract = getattr(self, f"abstract_{self.language}", None) or self.abstract
        if abstract:
            data["abstract"] = abstract
        if self.identifier:
            data["identifier"] = self.identifier
        if self.url:
            data["sameAs"] = self.url
        if self.licence in LICENCE_URLS:
            data["license"] = LICENCE_URLS[self.licence]
        authors = [
            {"@type": "Person", "name": authorship.display_name}
            if authorship.is_person
            else {"@type": "Organization", "name": authorship.institution.name}
            for authorship in self.authors()
        ]
        if authors:
            data["author"] = authors
        files = sorted(self.files.all(), key=lambda version: version.language)
        data["inLanguage"] = [version.language for version in files] or [self.language]
        if files:
            data["encoding"] = [
                media_object(
                    page_url=url,
                    file_url=version.get_file_url(),
                    language=version.language,
                    file_name=version.file.name,
                )
                for version in files
            ]
        return data

    def citation_apa(self, *, url=""):
        """The APA (7th edition) reference, as plain text to copy."""
        return citations.apa(self, url=url)

    def citation_bibtex(self, *, url=""):
        """The BibTeX entry, to download as a .bib file."""
        return citations.bibtex(self, url=url)


class Authorship(models.Model):
    """A person or an institution with their part in an item."""

    item = models.ForeignKey(
        LibraryItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="authorships"
    )
    role = models.CharField(
        _("role"), max_length=20, choices=AuthorRole.choices, default=AuthorRole.AUTHOR
    )
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    given_names = models.CharField(_("given names"), max_length=150, blank=True)
    institution = models.ForeignKey(
        "network.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="library_authorships",
        help_text=_("Instead of a person's name, for a work of an institution."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("author or contributor")
        verbose_name_plural = _("authors and contributors")
        ordering = ["role", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(~Q(family_name="") & Q(institution__isnull=True))
                | (Q(family_name="") & Q(given_names="") & Q(institution__isnull=False)),
                name="library_authorship_person_or_institution",
                violation_error_message=_(
                    "Give either a person's family name or an institution, not both."
                ),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def is_person(self):
        return self.institution_id is None

    @property
    def display_name(self):
        if not self.is_person:
            return str(self.institution)
        return f"{self.given_names} {self.family_name}".strip()


def library_file_path(library_file, filename):
    return unguessable_name(f"library/{library_file.item_id}", filename)


def _delete_stored_on_commit(storage, name):
    """Delete the stored file ``name`` once the transaction commits: a file
    replaced by a new upload, or whose row was deleted. Only then, since a
    rollback keeps the row that names it."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


class LibraryFile(models.Model):
    """One language version of an item, and the text read from it."""

    item = models.ForeignKey(
        LibraryItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES)
    file = ServedFileField(
        _("file"),
        upload_to=library_file_path,
        validators=[ReadableDocumentValidator(allowed=LIBRARY_FILE_KINDS)],
    )
    kind = models.CharField(_("type"), max_length=4, choices=DocumentKind.choices, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"),
        max_length=10,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
        editable=False,
    )
    extraction_message = models.CharField(
        _("extraction message"), max_length=300, blank=True, editable=False
    )
    # Tries to read the file, counted as each starts: one that stops the
    # worker is not tried forever (services.file_extract_text).
    extraction_attempts = models.PositiveSmallIntegerField(
        _("reading attempts"), default=0, editable=False
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "language"],
                name="library_file_one_per_language",
                violation_error_message=_("This item has a file in this language already."),
            ),
        ]

    def __str__(self):
        return f"{self.item} ({self.language})"

    def save(self, *args, **kwargs):
        uploaded = bool(self.file) and not self.file._committed
        saved = (
            LibraryFile.objects.filter(pk=self.pk).values("file", "language").first()
            if self.pk
            else None
        )
        if uploaded:
            # A new upload: what was known of the previous file no longer holds.
            self.kind = detect_document_kind(self.file) or ""
            self.size = self.file.size
        # Its words are stemmed in its language: a file said to be in another
        # one is read again, as a new upload is.
        to_read = uploaded or (saved is not None and saved["language"] != self.language)
        if to_read:
            self.text = ""
            self.page_count = None
            self.extraction_status = ExtractionStatus.PENDING
            self.extraction_message = ""
            self.extraction_attempts = 0
            # The pages of the previous file, or in the previous language.
            if saved is not None and self.pages.all().delete()[0]:
                LibraryItem.objects.filter(pk=self.item_id).text_vectors_refresh()
        super().save(*args, **kwargs)
        if uploaded and saved is not None and saved["file"] != self.file.name:
            _delete_stored_on_commit(self.file.storage, saved["file"])
        if to_read:
            from .tasks import extract_file_text  # tasks → services → models

            # A broker that is down fails neither the upload nor its request:
            # the file stays pending, and files_requeue_pending reads it later.
            queue_after_commit(extract_file_text, self.pk)

    def delete(self, *args, **kwargs):
        storage, name = self.file.storage, self.file.name
        deleted = super().delete(*args, **kwargs)
        # Its pages went with it.
        LibraryItem.objects.filter(pk=self.item_id).text_vectors_refresh()
        _delete_stored_on_commit(storage, name)
        return deleted

    def get_file_url(self):
        return reverse(
            "library:file_download", kwargs={"slug": self.item.slug, "language": self.language}
        )


class LibraryPage(models.Model):
    """A page of a language version's extracted text, as the search reads it:
    a PDF's page with its number; for a file without pages (DOCX, ODT), a
    section of it without a number. A match names its page, and its snippet
    is cut from one page, not from the whole document."""

    file = models.ForeignKey(
        LibraryFile,
        verbose_name=_("language version"),
        on_delete=models.CASCADE,
        related_name="pages",
    )
    # The file's item and language, copied: the search finds items by their
    # pages without a join, and stems each page in its language.
    item = models.ForeignKey(
        LibraryItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES)
    number = models.PositiveIntegerField(_("page"), null=True, blank=True)
    text = models.TextField(_("text"))
    search_vector = models.GeneratedField(
        expression=search.vector_column(*search.own_language_vectors("text", weight="C")),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("page of text")
        verbose_name_plural = _("pages of text")
        ordering = ["file", "number", "pk"]

    def __str__(self):
        return f"{self.file} p. {self.number}" if self.number else str(self.file)


class DownloadCount(models.Model):
    """How often a language version was downloaded: a number, nothing about who."""

    item = models.ForeignKey(
        LibraryItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="downloads"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.CONTENT_LANGUAGES)
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        ordering = ["item", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "language"], name="library_downloadcount_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.item} ({self.language}): {self.count}"
