"""Reads of the portfolio shared by pages, exports and other apps."""

from django.conf import settings
from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils.translation import get_language, ngettext

from core import search, sections
from network.rules import is_focal_point
from network.selectors import topics_by_name

from .enums import ProgramStatus
from .models import Program

# Columns a list never shows: skip them (the tsvector and the search text are large).
LIST_DEFERRED = ("search_text", "search_vector", "search_title")
# Columns a program's card never shows (it shows the title and the summary).
CARD_DEFERRED = (
    "objectives",
    "target_population",
    "main_activities",
    "results",
    "documentation_languages",
    "offer_details",
    "contact_name",
    "contact_role",
    "contact_email",
    "links",
    "review_comment",
)


def program_search(*, queryset, query, bounded=True):
    """Programs of ``queryset`` matching ``query``, annotated with ``rank``:
    all of them, or past ``search.MAX_MATCHES`` a bounded set of them whose
    count only says there are more (``search.bounded``). Give it a queryset
    already narrowed by the other filters: it bounds what they keep. With
    ``bounded=False`` (an export: every match is wanted), all of them.

    PostgreSQL (core/search.py): ranked full-text search, each text stemmed
    in its language and the query in every language, weighted title > summary
    > the rest; plus, for plain words, trigram word similarity on the titles,
    which finds related forms that stemming keeps apart ("inspectors" /
    "inspection") and small typos. Both are served by indexes, and only the
    programs they return are ranked; past the bound, the newest programs with
    such a title come first among them (``search.best_matches``).
    SQLite: every word must appear somewhere in the program's texts; past the
    bound, the newest programs."""
    query = " ".join(query.split())[:200]
    if not query:
        return queryset.annotate(rank=Value(0.0, output_field=FloatField()))
    if search.is_postgresql():
        parsed = search.text_query(query)
        rank = SearchRank(F("search_vector"), parsed)
        matches = Q(search_vector=parsed)
        if search.is_plain(query):
            rank += TrigramWordSimilarity(search.fold(query), "search_title") * 0.1
            matches |= Q(search_title__trigram_word_similar=search.fold(query))
        if not bounded:
            return queryset.filter(matches).annotate(rank=rank)
        return search.best_matches(queryset, parsed).annotate(rank=rank)
    for word in query.split():
        queryset = queryset.filter(search_text__icontains=word)
    if bounded:
        queryset = search.bounded(queryset)
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


def programs_for_cards(queryset=None):
    """What portfolio/_program_card.html shows, and nothing more: the texts
    a card never shows stay in the database, and so do the topics'
    descriptions in every language (rendering a list costs less)."""
    queryset = Program.objects.all() if queryset is None else queryset
    return (
        queryset.select_related("owner__member_state")
        .prefetch_related(Prefetch("topics", queryset=topics_by_name()), "offers")
        .defer(*LIST_DEFERRED, *CARD_DEFERRED)
    )


def programs_related(*, program, limit=4):
    """Other published programs on the same subject as ``program``, in two
    queries whatever the size of the portfolio.

    Topics come first: the more topics in common the closer, and a topic few
    programs have says more than a broad one, so that an inspection program
    is followed by inspection programs rather than by mediation ones that only
    share "social dialogue" with it. Among equals, the same ministry, then the
    same member state, then the most recently verified. Programs of the same
    member state without a topic in common fill the list last."""
    candidates = Program.objects.published().fresh().exclude(pk=program.pk)
    through = Program.topics.through.objects
    topic_ids = [topic.pk for topic in program.topics.all()]
    spread = dict(
        through.filter(topic_id__in=topic_ids, program__in=candidates)
        .values_list("topic_id")
        .annotate(programs=Count("program_id"))
        .order_by()
    )
    weight = Case(
        *(When(topic_id=topic_id, then=Value(1.0 / count)) for topic_id, count in spread.items()),
        default=Value(0.0),
        output_field=FloatField(),
    )
    closeness = Subquery(
        through.filter(program_id=OuterRef("pk"), topic_id__in=spread)
        .values("program_id")
        .annotate(score=Sum(weight))
        .values("score")[:1],
        output_field=FloatField(),
    )
    return list(
        programs_for_cards(candidates)
        .filter(
            Q(pk__in=through.filter(topic_id__in=spread).values("program_id"))
            | Q(owner__member_state_id=program.owner.member_state_id)
        )
        .annotate(
            closeness=Coalesce(closeness, Value(0.0)),
            same_owner=ExpressionWrapper(Q(owner_id=program.owner_id), output_field=BooleanField()),
            same_state=ExpressionWrapper(
                Q(owner__member_state_id=program.owner.member_state_id),
                output_field=BooleanField(),
            ),
        )
        .order_by("-closeness", "-same_owner", "-same_state", "-last_verified", "pk")[:limit]
    )


def programs_of_member_state(member_state, limit=20):
    return list(
        programs_for_cards(Program.objects.published())
        .filter(owner__member_state=member_state)
        .order_by(title_in_reader_language(), "pk")[:limit]
    )


def programs_of_topic(topic, limit=50):
    return list(
        programs_for_cards(Program.objects.published())
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
