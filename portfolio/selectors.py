"""Reads of the portfolio shared by pages, exports and other apps."""

from django.conf import settings
from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db.models import Count, F, FloatField, Q, Value
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils.translation import get_language, ngettext

from network import search, sections
from network.rules import is_focal_point

from .enums import ProgramStatus
from .models import Program

# Columns a list never shows: skip them (the tsvector and the search text are large).
LIST_DEFERRED = ("search_text", "search_vector", "search_title")


def program_search(*, queryset, query):
    """Programs of ``queryset`` matching ``query``, annotated with ``rank``.

    PostgreSQL (network/search.py): ranked full-text search, each text stemmed
    in its language and the query in every language, weighted title > summary
    > the rest; plus, for plain words, trigram word similarity on the titles,
    which finds related forms that stemming keeps apart ("inspectors" /
    "inspection") and small typos. Both are served by indexes, and only the
    programs they return are ranked.
    SQLite: every word must appear somewhere in the program's texts."""
    query = " ".join(query.split())[:200]
    if not query:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if search.is_postgresql():
        parsed = search.text_query(query)
        rank = SearchRank(F("search_vector"), parsed)
        if search.is_plain(query):
            rank += TrigramWordSimilarity(search.fold(query), "search_title") * 0.1
        return queryset.filter(search.match(parsed)).annotate(rank=rank)
    for word in query.split():
        queryset = queryset.filter(search_text__icontains=word)
    return queryset.annotate(rank=Value(0.0, output_field=FloatField()))


def title_in_reader_language():
    """An expression for sorting by title as the reader sees it: their
    language's version, else the first one there is."""
    reader = (get_language() or settings.LANGUAGE_CODE)[:2]
    codes = [reader] + [code for code, _name in settings.CONTENT_LANGUAGES if code != reader]
    codes = [code for code in codes if code in dict(settings.CONTENT_LANGUAGES)]
    return Lower(Coalesce(*(f"title_{code}" for code in codes)))


def programs_for_list(queryset=None):
    queryset = Program.objects.all() if queryset is None else queryset
    return queryset.with_list_data().defer(*LIST_DEFERRED)


def programs_related(*, program, limit=4):
    """Other published programs sharing a topic with ``program``, the most
    topics in common first."""
    topic_ids = [topic.pk for topic in program.topics.all()]
    return list(
        programs_for_list(Program.objects.published().fresh())
        .filter(
            pk__in=Program.topics.through.objects.filter(topic_id__in=topic_ids).values(
                "program_id"
            )
        )
        .exclude(pk=program.pk)
        .order_by("-last_verified", "pk")[:limit]
    )


def programs_of_member_state(member_state, limit=20):
    return list(
        programs_for_list(Program.objects.published())
        .filter(owner__member_state=member_state)
        .order_by(title_in_reader_language(), "pk")[:limit]
    )


def programs_of_topic(topic, limit=50):
    return list(
        programs_for_list(Program.objects.published())
        .filter(pk__in=Program.topics.through.objects.filter(topic=topic).values("program_id"))
        .order_by(title_in_reader_language(), "pk")[:limit]
    )


def member_states_figure(_obj=None):
    """How many programs /programs/?member_state=… lists for each state."""
    counts = dict(
        Program.objects.published()
        .fresh()
        .values_list("owner__member_state")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return sections.StateFigure(
        counts=counts,
        label=lambda count: (
            ngettext("%(count)s program", "%(count)s programs", count) % {"count": count}
        ),
        url=lambda state: f"{reverse('portfolio:program_list')}?member_state={state.iso_code}",
    )


def review_queue():
    """Submitted programs first, oldest submission first, then the rest."""
    return Program.objects.filter(status=ProgramStatus.SUBMITTED).order_by("submitted_at")


def member_state_section(member_state):
    """The programs block of a member state's page."""
    return "portfolio/_section_programs.html", {
        "programs": programs_of_member_state(member_state),
        "query": f"member_state={member_state.iso_code}",
    }


def topic_section(topic):
    """The programs block of a topic's page."""
    return "portfolio/_section_programs.html", {
        "programs": programs_of_topic(topic),
        "query": f"topic={topic.slug}",
    }


def dashboard_section(user):
    """A focal point's programs that need them: drafts, returned ones, those
    under review and those to confirm; None for people without a ministry."""
    if not is_focal_point(user):
        return None
    programs = list(
        Program.objects.owned_by(user.institution)
        .exclude(status=ProgramStatus.ARCHIVED)
        .select_related("owner__member_state")
        .prefetch_related("revisions")
        .defer(*LIST_DEFERRED)
        .order_by("-updated_at")
    )
    return "portfolio/_section_dashboard.html", {
        "to_finish": [
            p for p in programs if p.status in (ProgramStatus.DRAFT, ProgramStatus.RETURNED)
        ],
        "in_review": [p for p in programs if p.status == ProgramStatus.SUBMITTED],
        "to_confirm": [
            p for p in programs if p.status == ProgramStatus.PUBLISHED and p.verification_overdue()
        ],
        "published": sum(p.status == ProgramStatus.PUBLISHED for p in programs),
    }


def personal_data(user):
    """For a person's data export: the programs they created or submitted."""
    programs = Program.objects.filter(Q(created_by=user) | Q(submitted_by=user)).defer(
        *LIST_DEFERRED
    )
    return "programs", [
        {
            "title": program.title,
            "ministry": str(program.owner),
            "created_by_you": program.created_by_id == user.pk,
            "submitted_by_you": program.submitted_by_id == user.pk,
            "status": program.status,
        }
        for program in programs.select_related("owner__member_state")
    ]
