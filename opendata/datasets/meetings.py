"""Public meetings and their public documents."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from meetings import selectors as meeting_selectors
from meetings.models import DocumentFile, Meeting

from .base import BOOLEAN, DATE, INTEGER, STRING, VISITOR, Column, Dataset, iso, names, slugs


def _meetings():
    meetings = Meeting.objects.visible_to(VISITOR).in_calendar_order()
    return (
        meeting_selectors.meetings_for_list(meetings)
        .prefetch_related("topics")
        .defer(*meeting_selectors.CARD_DEFERRED)
    )


MEETINGS = Dataset(
    slug="meetings",
    title=_("Meetings"),
    description=_(
        "The public meetings of the IACML process: working groups, workshops, "
        "seminars, webinars and the Conference, in calendar order."
    ),
    rows=_meetings,
    columns=[
        Column("slug", STRING, _("The meeting's key in its address."), lambda m: m.slug),
        Column("title", STRING, _("Title."), lambda m: m.title),
        Column("kind", STRING, _("Kind of meeting."), lambda m: m.kind),
        Column("status", STRING, _("Proposed, confirmed, held or cancelled."), lambda m: m.status),
        Column(
            "date_precision",
            STRING,
            _("How precisely its dates are known."),
            lambda m: m.date_precision,
        ),
        Column("start_date", DATE, _("First day, when known."), lambda m: m.start_date),
        Column("end_date", DATE, _("Last day, when known."), lambda m: m.end_date),
        Column(
            "dates",
            STRING,
            _("The dates as precisely as they are known, in words."),
            lambda m: m.dates_display(),
        ),
        Column("is_online", BOOLEAN, _("Held online."), lambda m: m.is_online),
        Column(
            "host_state",
            STRING,
            _("The host member state, by ISO code."),
            lambda m: iso(m.host_state),
        ),
        Column("city", STRING, _("City."), lambda m: m.city),
        Column(
            "conference",
            INTEGER,
            _("The number of the IACML whose cycle it belongs to."),
            lambda m: m.conference.number if m.conference else None,
        ),
        Column(
            "working_groups",
            STRING,
            _("Its working groups, separated by semicolons."),
            lambda m: names(m.working_groups.all()),
        ),
        Column(
            "topics",
            STRING,
            _("Its topics, by key, separated by semicolons."),
            lambda m: slugs(m.topics.all()),
        ),
        Column("url", STRING, _("Its page."), lambda m: m.get_absolute_url(), address=True),
    ],
)


def _documents():
    documents = meeting_selectors.documents_visible_to(VISITOR)
    # Only what the columns read: the title in each language, for its fallback.
    return (
        DocumentFile.objects.filter(document__in=documents)
        .select_related("document__meeting")
        .only(
            "language",
            "document",
            "document__symbol",
            *(
                f"document__{build_localized_fieldname('title', code)}"
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
            "document__kind",
            "document__published_on",
            "document__meeting",
            "document__meeting__slug",
        )
        .order_by("document__pk", "language")
    )


DOCUMENTS = Dataset(
    slug="documents",
    title=_("Meeting documents"),
    description=_(
        "The official documents of public meetings, one row per language a document is in."
    ),
    rows=_documents,
    columns=[
        Column("document_id", INTEGER, _("The document's number."), lambda f: f.document.pk),
        Column("symbol", STRING, _("Its official symbol."), lambda f: f.document.symbol),
        Column("title", STRING, _("Title."), lambda f: f.document.title),
        Column("kind", STRING, _("Kind of document."), lambda f: f.document.kind),
        Column(
            "published_on", DATE, _("When it was published."), lambda f: f.document.published_on
        ),
        Column(
            "meeting",
            STRING,
            _("The meeting it belongs to, by key (see the meetings dataset)."),
            lambda f: f.document.meeting.slug,
        ),
        Column("language", STRING, _("The language of this file."), lambda f: f.language),
        Column(
            "url",
            STRING,
            _("Where to download this file."),
            lambda f: f.get_file_url(),
            address=True,
        ),
    ],
)
