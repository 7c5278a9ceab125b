"""Full-text search shared by the apps: the columns each searchable model
stores, and the queries that read them through their indexes.

On PostgreSQL a searchable model has two generated columns, kept by the
database whatever writes the row (a form, the admin, ``bulk_create``,
``update()``):

- ``search_vector``: its texts as a weighted ``tsvector``, each stemmed in
  its own language with the ``rial_<language>`` configurations (the built-in
  ones with accents removed, network/migrations/0007), under a GIN index;
- ``search_title``: its titles unaccented and in lower case, under a trigram
  GIN index (pg_trgm), for titles typed with a typo or another word form
  ("inspectors" finds "inspection").

A query is matched in every content language's configuration, because a
reader types in any of them, with ``websearch_to_tsquery``: quotes for a
phrase, ``-word`` to exclude, ``or``. Both branches of the match are served
by an index, and only the rows they return are ranked: at most
``MAX_MATCHES`` + 1 of them, so that a common word costs about what a rare
one does (``best_matches``).

SQLite has neither: the columns hold NULL there, and the apps search with
LIKE instead (``is_postgresql``).
"""

import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connection
from django.db.models import Case, F, Func, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Lower

# The text search configuration of each content language: PostgreSQL's own,
# copied with unaccent in front of the stemmer (network/migrations/0007).
SEARCH_CONFIGS = {
    "en": "rial_english",
    "es": "rial_spanish",
    "pt": "rial_portuguese",
    "fr": "rial_french",
}
LANGUAGES = tuple(SEARCH_CONFIGS)


def is_postgresql():
    return connection.vendor == "postgresql"


class PostgreSQLOnly(Func):
    """``expression`` on PostgreSQL, NULL on other databases (SQLite has no
    tsvector, unaccent or trigrams): a generated column that stays empty there."""

    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, **extra_context)


class Unaccent(Func):
    """PostgreSQL's unaccent through ``rial_unaccent``, an immutable wrapper
    (network/migrations/0007): the extension's own function is only stable,
    and a generated column or an index needs an immutable one."""

    function = "rial_unaccent"
    output_field = TextField()


def vector(*fields, language, weight):
    """``fields`` as a tsvector stemmed in ``language``, with ``weight``."""
    return SearchVector(*fields, config=SEARCH_CONFIGS[language], weight=weight)


def own_language_vectors(*fields, weight, language_field="language"):
    """Vectors of untranslated ``fields``, written in the row's language: one
    per content language, empty but for the row's own. A generated column
    must be immutable, so each is stemmed with a fixed configuration instead
    of one chosen per row."""
    return [
        vector(
            *(
                Case(
                    When(**{language_field: code}, then=F(field)),
                    default=Value(""),
                    output_field=TextField(),
                )
                for field in fields
            ),
            language=code,
            weight=weight,
        )
        for code in LANGUAGES
    ]


def vector_column(*vectors):
    """The expression of a ``search_vector`` generated column."""
    return PostgreSQLOnly(reduce(lambda a, b: a + b, vectors), output_field=SearchVectorField())


def title_column(*fields):
    """The expression of a ``search_title`` generated column: the titles,
    unaccented and in lower case, one after the other."""
    parts = []
    for field in fields:
        parts += [F(field), Value(" ")]
    titles = Concat(*parts[:-1]) if len(fields) > 1 else F(fields[0])
    return PostgreSQLOnly(Lower(Unaccent(titles)), output_field=TextField())


def translated_vectors(field, *, weight):
    """One vector per content language of a translated field (``title_en``
    stemmed in English, ``title_es`` in Spanish, …)."""
    return [vector(f"{field}_{code}", language=code, weight=weight) for code in LANGUAGES]


def translated_titles(field="title"):
    return [f"{field}_{code}" for code in LANGUAGES]


def fold(text):
    """``text`` as ``search_title`` holds it: accents removed, lower case."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def text_query(query):
    """The reader's words as one tsquery: parsed in every language's
    configuration, each distinct reading once, in one query to the database.
    The same stems from several languages ("inspección" is "inspeccion" in
    all four) would make the planner believe the search matches four times as
    many rows, and scan the table instead of using its index. Parse once per
    search and use the result for both the match and the rank; within
    ``parsing_once()``, once for every search of the same words."""
    parsed = _parsed.get()
    if parsed is None:
        return ParsedSearchQuery(_tsquery_text(query), words=query)
    if query not in parsed:
        parsed[query] = _tsquery_text(query)
    return ParsedSearchQuery(parsed[query], words=query)


# The words parsed within parsing_once(), by their text; None outside it.
_parsed = ContextVar("parsed_words", default=None)


@contextmanager
def parsing_once():
    """Within it, ``text_query`` asks the database once for the same words:
    a page searching several kinds for them (the global search) parses them
    once, not once a kind. Only within a block, not for the process: the
    parse depends on the database's text search configurations, which a
    migration may change."""
    token = _parsed.set({})
    try:
        yield
    finally:
        _parsed.reset(token)


class ParsedSearchQuery(SearchQuery):
    """A tsquery in its text form, as the database parsed it already, and
    the ``words`` it was parsed from."""

    def __init__(self, tsquery, *, words):
        super().__init__(tsquery)
        self.words = words

    def as_sql(self, compiler, connection, function=None, template=None):
        return super().as_sql(compiler, connection, function, "%(expressions)s::tsquery")


def _tsquery_text(query):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT websearch_to_tsquery(config::regconfig, %s)::text AS reading"
            " FROM unnest(%s::text[]) AS config ORDER BY reading",
            [query, list(SEARCH_CONFIGS.values())],
        )
        readings = [row[0] for row in cursor.fetchall() if row[0]]
    # An empty tsquery matches nothing (a query of stop words only).
    return " | ".join(f"( {reading} )" for reading in readings)


def is_plain(query):
    """True when ``query`` is only words: no phrase, exclusion or ``or``,
    whose meaning a similarity match would not keep."""
    words = query.lower().split()
    return '"' not in query and not any(word.startswith("-") or word == "or" for word in words)


# The most matches a search ranks and counts (issue 29). A common word
# matches most of a table ("programa": 22,000 of the 40,000 published
# programs at a hundred times the network), and ranking and counting every
# match took most of a second. Past the bound a page says "more than 1,000":
# a reader narrows the search rather than pages through thousands.
MAX_MATCHES = 1000
# Past the bound, how many of the newest rows whose title is within trigram
# word similarity join the full-text matches: enough to fill the first pages
# with title matches, which rank first; few, because each title compared
# costs about 10 µs (a common title word has thousands).
BEST_TITLES = 100


def best_matches(queryset, parsed):
    """``queryset`` narrowed to its rows matching ``parsed`` (a ``text_query``):
    by full text or, for a query of plain words, by a title within trigram
    word similarity (typos, other word forms). All of them when there are at
    most MAX_MATCHES; else MAX_MATCHES + 1 of them, whose count says "more"
    (``more_than``): the newest BEST_TITLES with such a title, then the
    newest matching by full text.

    Full text is read first: through its index, or down the primary key to
    the bound for a common word, a few milliseconds either way. Only when it
    stays within the bound must every title match be found, to count them."""
    by_text = newest_keys(queryset.filter(search_vector=parsed))
    if not is_plain(parsed.words):
        return with_keys(queryset, by_text)
    by_title = newest_keys(
        queryset.filter(search_title__trigram_word_similar=fold(parsed.words)),
        limit=BEST_TITLES if len(by_text) > MAX_MATCHES else MAX_MATCHES + 1,
    )
    keys = list(dict.fromkeys([*by_title, *by_text]))[: MAX_MATCHES + 1]
    return with_keys(queryset, keys)


def bounded(matches):
    """``matches`` (a queryset), all of them when there are at most
    MAX_MATCHES, else the newest MAX_MATCHES + 1, whose count says "more"
    (``more_than``): the search of a database without full text."""
    return with_keys(matches, newest_keys(matches))


def newest_keys(matches, *, limit=None):
    """The keys of the newest ``limit`` rows of ``matches`` (MAX_MATCHES + 1
    by default; the highest keys, which an index serves either way: the
    primary key or the match's own), read in one query so that counting and
    ranking the rows reads them by their keys, not the search indexes again."""
    limit = MAX_MATCHES + 1 if limit is None else limit
    return list(_untranslated(matches).order_by("-pk").values_list("pk", flat=True)[:limit])


def _untranslated(queryset):
    """``queryset`` with modeltranslation's rewriting off, where it has it:
    its ``values_list`` passes each row through a dict and every translated
    field's fallback, 20 µs a row, which a thousand keys of a common word
    made 20 ms of a search."""
    rewrite = getattr(queryset, "rewrite", None)
    return rewrite(False) if rewrite else queryset


def with_keys(queryset, keys):
    """``queryset`` narrowed to the rows of ``keys``, which knows how many
    they are (``count``). On PostgreSQL the keys go as one array: a thousand
    of them as as many parameters took 4 ms more to build, send and parse,
    in each query that reads them. The array goes in its text form: psycopg
    quotes a list of a thousand numbers in Python, 3 ms each time."""
    if not keys:
        return queryset.none()
    if is_postgresql():
        array = "{" + ",".join(str(int(key)) for key in keys) + "}"
        narrowed = queryset.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", [array]))
    else:
        narrowed = queryset.filter(pk__in=keys)
    # Kept on the query, which every later queryset (annotated, ordered,
    # filtered) copies with its attributes; its filter as it is now tells
    # whether a later one narrowed it further.
    narrowed.query.known_count = (len(keys), narrowed.query.where.clone())
    return narrowed


def count(matches):
    """How many rows ``matches`` (a queryset) holds. For a bounded search's
    result as ``with_keys`` left it (annotated or ordered since, not filtered,
    sliced, grouped or combined), the number of keys it read, which are its
    rows: counting them again cost a query, 6 ms for a common word at factor
    10. Else the database counts them."""
    query = matches.query
    known = getattr(query, "known_count", None)
    reshaped = query.is_sliced or query.combinator or query.group_by or query.distinct_fields
    if known is not None and not reshaped and query.where == known[1]:
        return known[0]
    return matches.count()


def is_bounded(matches):
    """Whether ``matches`` (a queryset) is a bounded search's result
    (``with_keys``), whose count past MAX_MATCHES says "more" (``more_than``)."""
    return hasattr(matches.query, "known_count")


def more_than(count):
    """The bound the ``count`` of a ``bounded`` result says it went past, for
    a page to show "more than …" instead; None when the count is exact."""
    return MAX_MATCHES if count > MAX_MATCHES else None


# What a title's trigram word similarity really costs, in PostgreSQL's units
# of cpu_operator_cost: measured at 6 µs a title (3,000 programs, in memory),
# where a cost of 1, pg_trgm's default, stands for 0.004 µs. At the default
# the planner believes comparing every title is cheaper than reading the
# indexes, and scans the table: 15 ms instead of 5 at 3,000 programs.
TRIGRAM_OPERATOR_COST = 1000

TUNE_PLANNER = f"""
DO $$
BEGIN
    ALTER FUNCTION word_similarity_commutator_op(text, text) COST {TRIGRAM_OPERATOR_COST};
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'RIAL: pg_trgm belongs to another role: searches may scan tables. '
        'Ask its owner to run: ALTER FUNCTION word_similarity_commutator_op(text, text) '
        'COST {TRIGRAM_OPERATOR_COST}';
END
$$
"""


def tune_planner(*, using, **kwargs):
    """After every ``migrate``: give pg_trgm's word similarity operator its
    real cost. An extension's function settings are not kept by ``pg_dump``,
    so a restored database gets them back from the ``migrate`` that follows
    the restore (docs/operations.md) rather than from a migration run once."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_proc WHERE proname = 'word_similarity_commutator_op'")
        if cursor.fetchone():
            cursor.execute(TUNE_PLANNER)


def postgresql_statements(create, drop):
    """A migration operation that runs the SQL ``create`` forwards and
    ``drop`` backwards, on PostgreSQL only (indexes, configurations)."""
    from django.db import migrations

    def runner(statements):
        def run(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return run

    return migrations.RunPython(runner(create), runner(drop))
