"""Reads of the Library that its pages share."""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchHeadline, SearchRank
from django.db.models import Case, F, FloatField, Prefetch, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.html import escape
from django.utils.safestring import mark_safe

from cooperation.models import Request
from core import search
from core.versions import CONTENT_CODES
from meetings.models import Meeting
from meetings.selectors import documents_visible_to
from portfolio.models import Program

from . import rules
from .enums import ItemStatus
from .models import Authorship, LibraryFile, LibraryItem, LibraryPage

MAX_QUERY_LENGTH = 200
# On SQLite each word is one more LIKE over every text: enough words to
# narrow a search, few enough to bound its cost.
MAX_WORDS = 12
# What PostgreSQL's ts_headline puts around each word it found: control
# characters no extracted text is shown with, replaced by <mark> once the
# rest is escaped (highlight_marked).
START_MARK, STOP_MARK = "\x02", "\x03"
# A snippet: about this many words around the words found, in one piece.
SNIPPET_WORDS = 30
SNIPPET_CHARS = 240


def item_for_download(*, slug, language, user):
    """The ``language`` version of the item at ``slug``, with only what the
    permission check and the download need, if ``user`` may read it; 404
    otherwise. Not the page's selector: a download shows no authors, topics
    or member states, and the extracted text stays in the database."""
    library_file = get_object_or_404(
        LibraryFile.objects.select_related("item")
        .only("pk", "file", "language", "item__id", "item__slug", "item__status", "item__owner_id")
        .filter(item__slug=slug, language=language)
    )
    if not rules.can_view_item(user, library_file.item):
        raise Http404
    return library_file


def item_for_reader(*, slug, user):
    """The item at ``slug`` with what its page shows, if ``user`` may read
    it; 404 otherwise, so that a draft's address reveals nothing. What it
    links to is what ``user`` may see of it (``links_visible_to``)."""
    item = get_object_or_404(
        LibraryItem.objects.select_related(
            "owner__member_state", "working_group__conference"
        ).prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("institution__member_state"),
            ),
            Prefetch("files", queryset=LibraryFile.objects.defer("text")),
            "topics",
            "member_states",
            *links_visible_to(user),
        ),
        slug=slug,
    )
    if not rules.can_view_item(user, item):
        raise Http404
    return item


def links_visible_to(user):
    """The prefetches of what an item links to that ``user`` may see, as
    each app decides: its meeting (None when restricted: not even its title
    is shown), the meeting documents, the cooperation activities, and the
    published programs."""
    return [
        Prefetch("meeting", queryset=Meeting.objects.visible_to(user), to_attr="visible_meeting"),
        Prefetch(
            "programs",
            queryset=Program.objects.published(),
            to_attr="published_programs",
        ),
        Prefetch(
            "cooperation_activities",
            queryset=Request.objects.visible_to(user),
            to_attr="visible_activities",
        ),
        Prefetch(
            "meeting_documents",
            queryset=documents_visible_to(user).select_related("meeting"),
            to_attr="visible_documents",
        ),
    ]


def items_for_list():
    """Published items with what a list's row shows, in a fixed number of
    queries; the files' extracted text stays in the database."""
    return (
        LibraryItem.objects.published()
        .select_related("owner__member_state")
        .prefetch_related(
            Prefetch("files", queryset=LibraryFile.objects.only("pk", "item_id", "language"))
        )
        .defer("abstract", "search_vector", *(f"abstract_{code}" for code in CONTENT_CODES))
    )


def clean_query(raw):
    """The words to search for, whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    return " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH].strip()


def item_search(*, queryset, query):
    """Items of ``queryset`` whose identifier, title, abstract (in any
    language) or files' text match ``query``, annotated with ``rank``: all of
    them, or past ``search.MAX_MATCHES`` a bounded set whose count says there
    are more (core/search.py). Give it a queryset already narrowed by the
    other filters: it bounds what they keep.

    PostgreSQL: the items' own search column (titles above abstracts) and
    the words of their pages (each page stemmed in its file's language), in
    the items' table through their GIN indexes, the query in
    every content language (a phrase's words must follow each other on a
    page: for a phrase, the pages themselves are searched); ranked by
    the titles and abstracts, so that an item about the words comes before
    one that mentions them. SQLite: every word somewhere in the item's texts
    or its pages, a phrase's words too."""
    query = clean_query(query)
    if not query:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if search.is_postgresql():
        parsed = search.text_query(query)
        if '"' in query:
            # A phrase: which words follow which is known on the pages only.
            pages = LibraryPage.objects.filter(search_vector=parsed)
            in_text = queryset.filter(pk__in=pages.values("item_id"))
        else:
            in_text = queryset.filter(text_vector=parsed)
        # Each column by itself, through its own index: asked for either,
        # the planner read the whole table of a small library.
        by_item = search.newest_keys(queryset.filter(search_vector=parsed))
        by_text = search.newest_keys(in_text)
        keys = list(dict.fromkeys([*by_item, *by_text]))[: search.MAX_MATCHES + 1]
        return search.with_keys(queryset, keys).annotate(
            rank=SearchRank(F("search_vector"), parsed)
        )
    fields = [
        "identifier",
        *(f"{name}_{code}" for name in ("title", "abstract") for code in CONTENT_CODES),
    ]
    # No phrases here: each word of one is looked for by itself.
    for word in query.replace('"', " ").split()[:MAX_WORDS]:
        in_pages = LibraryPage.objects.filter(text__icontains=word).values("item_id")
        queryset = queryset.filter(
            reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields)) | Q(pk__in=in_pages)
        )
    return search.bounded(queryset).annotate(rank=Value(0.0, output_field=FloatField()))


@dataclass(frozen=True)
class Snippet:
    """Where an item's files hold the words: a piece of text with the words
    marked (safe HTML), and its page number when the file has pages."""

    html: str
    page: int | None


def item_snippets(*, items, query):
    """The snippet of each of ``items`` (a page of results) whose files'
    text matches ``query``, by item key: from the first page holding the
    words, in one query. PostgreSQL's ts_headline, stemmed in the page's
    language; on SQLite, the text around the first word."""
    query = clean_query(query)
    keys = [item.pk for item in items]
    if not query or not keys:
        return {}
    if search.is_postgresql():
        parsed = search.text_query(query)
        first_pages = (
            LibraryPage.objects.filter(item_id__in=keys, search_vector=parsed)
            .order_by("item_id", "number", "pk")
            .distinct("item_id")
            .values("pk")
        )
        language_config = Case(
            *(
                When(language=code, then=Value(config))
                for code, config in search.SEARCH_CONFIGS.items()
            ),
            default=Value("simple"),
        )
        rows = (
            LibraryPage.objects.filter(pk__in=first_pages)
            .annotate(
                headline=SearchHeadline(
                    "text",
                    parsed,
                    config=language_config,
                    start_sel=START_MARK,
                    stop_sel=STOP_MARK,
                    max_words=SNIPPET_WORDS,
                    min_words=SNIPPET_WORDS // 2,
                )
            )
            .values_list("item_id", "number", "headline")
        )
        return {key: Snippet(highlight_marked(headline), number) for key, number, headline in rows}
    words = query.split()[:MAX_WORDS]
    pages = (
        LibraryPage.objects.filter(item_id__in=keys, text__icontains=words[0])
        .order_by("item_id", "number", "pk")
        .values_list("item_id", "number", "text")
    )
    snippets = {}
    for key, number, text in pages:
        if key not in snippets:
            snippets[key] = Snippet(excerpt(text, words), number)
    return snippets


def highlight_marked(headline):
    """``headline`` (ts_headline's, its words between START_MARK and
    STOP_MARK) as safe HTML: the text escaped, the words in <mark>, every
    tag closed whatever marks the text itself held."""
    parts, open_mark = [], False
    for piece in re.split(f"([{START_MARK}{STOP_MARK}])", headline):
        if piece == START_MARK:
            if not open_mark:
                parts.append("<mark>")
            open_mark = True
        elif piece == STOP_MARK:
            if open_mark:
                parts.append("</mark>")
            open_mark = False
        else:
            parts.append(escape(piece))
    if open_mark:
        parts.append("</mark>")
    return mark_safe(" ".join("".join(parts).split()))


def excerpt(text, words):
    """The text around the first of ``words`` in ``text`` (SQLite's
    snippet), escaped, with each of the words in <mark>."""
    folded = text.lower()
    found = [folded.find(word.lower()) for word in words if word.lower() in folded]
    at = min(found) if found else 0
    start = max(0, at - SNIPPET_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + SNIPPET_CHARS)
    piece = " ".join(text[start:end].split())
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    marked = pattern.sub(lambda match: f"{START_MARK}{match.group(0)}{STOP_MARK}", piece)
    return highlight_marked(("… " if start else "") + marked + (" …" if end < len(text) else ""))


SECTION_SIZE = 5


def member_state_section(member_state):
    """The newest published items concerning a member state, for its page;
    nothing when there are none."""
    through = LibraryItem.member_states.through.objects.filter(memberstate=member_state)
    items = list(items_for_list().filter(pk__in=through.values("libraryitem_id"))[:SECTION_SIZE])
    if not items:
        return None
    return "library/_section_items.html", {
        "items": items,
        "query": f"member_state={member_state.iso_code}",
    }


def topic_section(topic):
    """The newest published items on a topic, for its page; nothing when there are none."""
    through = LibraryItem.topics.through.objects.filter(topic=topic)
    items = list(items_for_list().filter(pk__in=through.values("libraryitem_id"))[:SECTION_SIZE])
    if not items:
        return None
    return "library/_section_items.html", {"items": items, "query": f"topic={topic.slug}"}


def items_of_institution(institution):
    """Every item of a ministry, whatever its state, the latest changed first,
    for its focal points' list; the abstracts and texts stay in the database."""
    return (
        LibraryItem.objects.owned_by(institution)
        .select_related("owner__member_state")
        .defer("abstract", *(f"abstract_{code}" for code in CONTENT_CODES))
        .order_by("-updated_at", "-pk")
    )


def dashboard_section(user):
    """A focal point's publications that need them: drafts and returned ones
    to finish, those waiting for review; None for people without a ministry."""
    if not rules.can_propose_item(user):
        return None
    items = list(items_of_institution(user.institution))
    return "library/_section_dashboard.html", {
        "to_finish": [item for item in items if item.can_be_submitted],
        "in_review": [item for item in items if item.status == ItemStatus.SUBMITTED],
        "published": sum(item.is_public for item in items),
    }
