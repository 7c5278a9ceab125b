"""The global search: published programs, public meetings, public documents,
published library items, published news and the forum's posts the reader
may read, matching what a reader typed.

Each kind is read through its app's own public queryset, as a visitor sees
it, whoever is signed in: the search never shows what a visitor's list would
not (a draft, a restricted meeting or document, unpublished news). The forum
alone is searched as the reader: its network's spaces are for its members,
and a visitor finds only the public spaces' visible posts.

Programs, documents and library items are matched by their apps' own
searches, so that the "see all" link to /programs/?q=…,
/meetings/documents/?q=… or /library/?q=… lists exactly what was counted
here. Meetings and news have no search of their own: they
are matched here, with PostgreSQL's full-text search (stemmed in every
content language, accents ignored) or, on SQLite, every word somewhere in
their texts."""

import unicodedata
from dataclasses import dataclass
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchRank
from django.db.models import F, FloatField, Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from core import search
from forum.selectors import post_search
from library.filters import LibraryItemFilter
from library.selectors import items_for_list
from meetings.models import Meeting
from meetings.selectors import document_search
from newsletter.models import NewsItem
from portfolio.filters import ProgramFilter
from portfolio.models import Program
from portfolio.selectors import LIST_DEFERRED

MAX_QUERY_LENGTH = 200
# The documents page's own bound (meetings.filters.DocumentSearchForm).
DOCUMENT_QUERY_LENGTH = 100
# On SQLite each word is one more LIKE over every text column: enough words
# to narrow a search, few enough to bound its cost.
MAX_WORDS = 12
GROUP_LIMIT = 10


def clean_query(raw):
    """What to search for: control and format characters out (PostgreSQL
    refuses NUL), whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    text = str(raw or "")[: MAX_QUERY_LENGTH * 4]
    text = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def _localized(name):
    return [build_localized_fieldname(name, code) for code in AVAILABLE_LANGUAGES]


def text_search(queryset, query, *, fields):
    """``queryset`` narrowed to ``query``, annotated with ``rank``: on
    PostgreSQL through the model's generated search columns and their indexes
    (core/search.py), on SQLite every word somewhere in ``fields``. Past
    ``search.MAX_MATCHES`` matches, a bounded set of them (``search.bounded``)."""
    if search.is_postgresql():
        parsed = search.text_query(query)
        return search.best_matches(queryset, parsed).annotate(
            rank=SearchRank(F("search_vector"), parsed)
        )
    for word in query.split()[:MAX_WORDS]:
        queryset = queryset.filter(
            reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))
        )
    return search.bounded(queryset).annotate(rank=Value(0.0, output_field=FloatField()))


def programs_matching(query):
    """As /programs/?q=… lists them (the same filter, hence the same count)."""
    programs = (
        Program.objects.published().select_related("owner__member_state").defer(*LIST_DEFERRED)
    )
    return ProgramFilter({"q": query}, queryset=programs).qs


def meetings_matching(query):
    public = Meeting.objects.visible_to(AnonymousUser())
    return (
        text_search(public, query, fields=[*_localized("title"), *_localized("description")])
        .select_related("host_state")
        .order_by(F("rank").desc(), F("start_date").desc(nulls_last=True), "pk")
    )


def documents_matching(query):
    """As /meetings/documents/?q=… lists them to a visitor (the same search,
    hence the same count): symbol or title in any language; past
    ``search.MAX_MATCHES``, the newest of them."""
    return document_search(user=AnonymousUser(), query=query[:DOCUMENT_QUERY_LENGTH])


def library_items_matching(query):
    """As /library/?q=… lists them (the same filter, hence the same count):
    published items only, whoever reads."""
    return LibraryItemFilter({"q": query}, queryset=items_for_list()).qs


def news_matching(query):
    published = NewsItem.objects.published().select_related("institution__member_state")
    return text_search(
        published, query, fields=[*_localized("title"), *_localized("text")]
    ).order_by(F("rank").desc(), F("published_at").desc(nulls_last=True), "pk")


def forum_matching(query, user):
    """The forum's posts that ``user`` may read: a visitor's are those of
    public spaces only, never a hidden post."""
    return post_search(user=user or AnonymousUser(), query=query)


def _search_page(query, kind):
    return f"{reverse('search:search')}?{urlencode({'q': query, 'kind': kind})}"


@dataclass(frozen=True)
class Kind:
    """One kind of result: how to find it and where all of them are listed."""

    key: str
    label: str
    matching: object
    more_url: object
    # Whether what it finds depends on who reads (the forum's closed
    # spaces): ``matching(query, user)``; the others find what a visitor would.
    for_reader: bool = False

    def find(self, query, user):
        return self.matching(query, user) if self.for_reader else self.matching(query)

    @property
    def template(self):
        return f"search/_{self.key}.html"


KINDS = {
    kind.key: kind
    for kind in (
        Kind(
            "programs",
            _("Programs"),
            programs_matching,
            lambda query: f"{reverse('portfolio:program_list')}?{urlencode({'q': query})}",
        ),
        Kind(
            "meetings",
            _("Meetings"),
            meetings_matching,
            lambda query: _search_page(query, "meetings"),
        ),
        Kind(
            "documents",
            _("Documents"),
            documents_matching,
            lambda query: (
                f"{reverse('meetings:document_list')}?"
                f"{urlencode({'q': query[:DOCUMENT_QUERY_LENGTH]})}"
            ),
        ),
        Kind(
            "library",
            _("Library"),
            library_items_matching,
            lambda query: f"{reverse('library:item_list')}?{urlencode({'q': query})}",
        ),
        Kind("news", _("News"), news_matching, lambda query: _search_page(query, "news")),
        Kind(
            "forum",
            _("Forum"),
            forum_matching,
            lambda query: _search_page(query, "forum"),
            for_reader=True,
        ),
    )
}


@dataclass(frozen=True)
class ResultGroup:
    kind: Kind
    count: int
    items: list
    more_url: str

    @property
    def has_more(self):
        return self.more_than is not None or self.count > len(self.items)

    @property
    def more_than(self):
        """The bound its count went past (a common word), else None."""
        return search.more_than(self.count)


def results_total(groups):
    """What the page says of all the results: the sum of the groups' counts,
    each group past its bound counted as the bound, and whether the true
    total is more than that."""
    total = sum(min(group.count, search.MAX_MATCHES) for group in groups)
    return total, any(group.more_than for group in groups)


def search_everything(*, query, user=None, limit=GROUP_LIMIT):
    """A ResultGroup per kind, in the order of the top navigation, each with
    its count and its first ``limit`` results, none for no query. Per kind,
    the keys of its matches (core.search; on PostgreSQL, for the kinds
    searched by their texts, those of its title matches besides), which are
    its count (``search.count``), and its first results; the documents'
    language versions; on PostgreSQL, the parsing of the words, once."""
    if not query:
        return []
    groups = []
    with search.parsing_once():
        for kind in KINDS.values():
            results = kind.find(query, user)
            count = search.count(results)
            groups.append(
                ResultGroup(
                    kind=kind,
                    count=count,
                    items=list(results[:limit]) if count else [],
                    more_url=kind.more_url(query),
                )
            )
    return groups


def search_kind(*, kind, query, user=None):
    """Every result of one kind, best first: a queryset to paginate."""
    return KINDS[kind].find(query, user)
