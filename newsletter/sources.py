"""Where an issue's content comes from: a registry of content sources.

A source is a ``kind`` name and plain functions:

- ``propose(since)`` returns what an issue should offer: the objects
  published after ``since`` (an aware datetime), in the order readers should
  see them; a source of a free item (the fund's call for contributions)
  returns ``[None]`` to offer it, or ``[]``;
- ``entry(obj, language)`` returns the ``Entry`` readers see in ``language``
  (a content language code, also the active language while it runs), or None
  when the item should not be shown any more (``obj`` unpublished, or deleted:
  then ``obj`` is None for a source that has objects);
- ``queryset()``, for a source with objects, returns their queryset joined
  with what ``entry`` reads.

Sources are registered at the bottom of this module, in the order their items
are proposed. The newsletter imports the apps whose content it shows, never
the reverse. A source's ``propose`` may ignore ``since`` (a meeting is news
while its registration is open, a call while it is open); compiling never
proposes again what a sent issue included.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.enums import RequestStatus
from cooperation.models import Call
from cooperation.models import Request as CooperationRequest
from core.workflow import moved_into
from fund.selectors import fund_below_minimum, year_end_projection
from library.models import LibraryItem
from meetings.enums import Visibility
from meetings.models import Meeting
from portfolio.models import Program

from .models import NewsItem, paragraphs

SUMMARY_WORDS = 60


@dataclass(frozen=True)
class Entry:
    """An item as a reader sees it."""

    label: str  # what kind of item it is: "News", "New program"
    title: str
    text: str  # a short plain-text summary
    url: str  # absolute
    byline: str = ""  # who it comes from
    # The topics it belongs to (network.Topic ids); empty: for every reader.
    topic_ids: frozenset = frozenset()


@dataclass(frozen=True)
class Source:
    kind: str
    label: str  # for staff, in the admin
    propose: Callable[..., Iterable]
    entry: Callable[..., Entry | None]
    # The objects' queryset with what ``entry`` reads joined or prefetched,
    # so that an issue's items load in a few queries, however many there are.
    queryset: Callable[[], QuerySet] | None = None


SOURCES = {}


def register(source):
    SOURCES[source.kind] = source


def items_with_content(items):
    """``items`` (IssueItem) with their ``content`` loaded by each source's
    queryset: a query per kind of content, not per item."""
    querysets = [source.queryset() for source in SOURCES.values() if source.queryset]
    return items.prefetch_related(GenericPrefetch("content", querysets))


def source_label(kind):
    source = SOURCES.get(kind)
    return source.label if source else kind


def _absolute(path):
    return f"{settings.SITE_URL}{path}"


def _summary(text):
    return Truncator(" ".join(text.split())).words(SUMMARY_WORDS)


# News from the ministries -------------------------------------------------


def news_queryset():
    return NewsItem.objects.select_related("institution__member_state", "topic")


def news_propose(since):
    return news_queryset().published().filter(published_at__gt=since).order_by("published_at", "pk")


def news_entry(news, language):
    if news is None or not news.is_public:
        return None
    text = paragraphs(news.text_in(language))
    return Entry(
        label=_("News"),
        title=news.title_in(language),
        text=_summary(text[0] if text else ""),
        url=_absolute(news.get_absolute_url()),
        byline=str(news.institution),
        topic_ids=frozenset([news.topic_id] if news.topic_id else []),
    )


# New programs in the Portfolio ---------------------------------------------


def programs_queryset():
    return Program.objects.select_related("owner__member_state").prefetch_related("topics")


def programs_propose(since):
    published = programs_queryset().published().filter(published_at__gt=since)
    return published.order_by("published_at", "pk")


def program_entry(program, language):
    if program is None or not program.is_public:
        return None
    original = program.language
    summary = getattr(program, f"summary_{language}", None) or getattr(
        program, f"summary_{original}"
    )
    return Entry(
        label=_("New program in the Portfolio"),
        title=getattr(program, f"title_{language}", None) or program.original_title(),
        text=_summary(summary or ""),
        url=_absolute(program.get_absolute_url()),
        byline=str(program.owner),
        topic_ids=frozenset(topic.pk for topic in program.topics.all()),
    )


# New publications in the Library -------------------------------------------


def library_queryset():
    return LibraryItem.objects.select_related("owner__member_state").prefetch_related("topics")


def library_propose(since):
    published = library_queryset().published().filter(published_at__gt=since)
    return published.order_by("published_at", "pk")


def library_entry(item, language):
    if item is None or not item.is_public:
        return None
    original = item.language
    abstract = getattr(item, f"abstract_{language}", None) or getattr(
        item, f"abstract_{original}", None
    )
    title = (
        getattr(item, f"title_{language}", None) or getattr(item, f"title_{original}") or item.title
    )
    return Entry(
        label=_("New in the Library"),
        title=title,
        text=_summary(
            f"{item.get_kind_display()}, {item.publication_date_display()}. {abstract or ''}"
        ),
        url=_absolute(item.get_absolute_url()),
        byline=str(item.owner),
        topic_ids=frozenset(topic.pk for topic in item.topics.all()),
    )


# Meetings with open registration ------------------------------------------


def meetings_queryset():
    return Meeting.objects.select_related("host_state").prefetch_related("topics")


def meetings_propose(since):
    # News while registration is open, whenever it was published: a sent
    # issue that included the meeting keeps it from being proposed again.
    return (
        meetings_queryset()
        .open_for_registration()
        .filter(visibility=Visibility.PUBLIC)
        .in_calendar_order()
    )


def meeting_entry(meeting, language):
    if meeting is None or meeting.visibility != Visibility.PUBLIC:
        return None
    when = _("%(dates)s, %(place)s. Registration is open until %(deadline)s.") % {
        "dates": meeting.dates_display(),
        "place": meeting.place_display(),
        "deadline": formats.date_format(
            timezone.localtime(meeting.registration_closes_at, meeting.tz), "DATE_FORMAT"
        ),
    }
    return Entry(
        label=_("Meeting"),
        title=getattr(meeting, f"title_{language}", None) or meeting.title,
        text=_summary(f"{when} {meeting.description}"),
        url=_absolute(meeting.get_absolute_url()),
        byline=meeting.get_kind_display(),
        topic_ids=frozenset(topic.pk for topic in meeting.topics.all()),
    )


# Cooperation: open calls and new results -------------------------------------


def calls_queryset():
    return Call.objects.prefetch_related("topics")


def calls_propose(since):
    return calls_queryset().open().order_by("closes_at", "pk")


def call_entry(call, language):
    if call is None or not call.is_open():
        return None
    deadline = formats.date_format(timezone.localtime(call.closes_at), "DATE_FORMAT")
    return Entry(
        label=_("Call for proposals"),
        title=getattr(call, f"title_{language}", None) or call.title,
        text=_summary(
            _("Proposals until %(deadline)s.") % {"deadline": deadline}
            + f" {getattr(call, f'description_{language}', None) or call.description}"
        ),
        url=_absolute(call.get_absolute_url()),
        topic_ids=frozenset(topic.pk for topic in call.topics.all()),
    )


def results_queryset():
    return CooperationRequest.objects.select_related(
        "requester__member_state", "provider__member_state", "topic"
    )


def results_propose(since):
    closed = moved_into(CooperationRequest, RequestStatus.CLOSED, since=since)
    return (
        results_queryset()
        .filter(status=RequestStatus.CLOSED, pk__in=closed)
        .order_by("updated_at", "pk")
    )


def result_entry(request, language):
    if request is None or not request.results_are_public:
        return None
    return Entry(
        label=_("Results of cooperation"),
        title=request.title,
        text=_summary(request.summary or request.objectives),
        url=_absolute(request.get_absolute_url()),
        byline=_("%(provider)s with %(requester)s")
        % {"provider": request.provider, "requester": request.requester},
        topic_ids=frozenset([request.topic_id]),
    )


# The fund's call for contributions -----------------------------------------


def fund_call_propose(since):
    return [None] if fund_below_minimum() else []


def fund_call_entry(_nothing, language):
    projection = year_end_projection()
    return Entry(
        label=_("Voluntary Contribution Fund"),
        title=_("Call for contributions"),
        text=_(
            "The balance the fund is expected to hold at the end of the year, "
            "US$%(projected)s, is below the US$%(minimum)s the Ministries agreed as its "
            "minimum. Contributions from Ministries and partners keep the network's "
            "cooperation going."
        )
        % {
            "projected": formats.number_format(
                round(projection.projected_balance), 0, force_grouping=True
            ),
            "minimum": formats.number_format(round(projection.minimum), 0, force_grouping=True),
        },
        url=_absolute(reverse("fund:statement")),
    )


register(Source("news", gettext_lazy("News"), news_propose, news_entry, news_queryset))
register(
    Source(
        "program",
        gettext_lazy("New program"),
        programs_propose,
        program_entry,
        programs_queryset,
    )
)
register(
    Source(
        "library_item",
        gettext_lazy("New publication in the Library"),
        library_propose,
        library_entry,
        library_queryset,
    )
)
register(
    Source(
        "meeting",
        gettext_lazy("Meeting with open registration"),
        meetings_propose,
        meeting_entry,
        meetings_queryset,
    )
)
register(
    Source("call", gettext_lazy("Call for proposals"), calls_propose, call_entry, calls_queryset)
)
register(
    Source(
        "cooperation_result",
        gettext_lazy("Results of cooperation"),
        results_propose,
        result_entry,
        results_queryset,
    )
)
register(
    Source(
        "fund_call",
        gettext_lazy("Fund: call for contributions"),
        fund_call_propose,
        fund_call_entry,
    )
)
