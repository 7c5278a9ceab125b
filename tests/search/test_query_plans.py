"""The searches' query plans on PostgreSQL, at a few thousand programs: each
branch of the match must be served by an index. A sequential scan of the
programs table reads every row for every search, and grows with the
portfolio (issue 15: 0.6 s a search at 5,000 programs)."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portfolio import scale as portfolio_scale
from portfolio.filters import ProgramFilter
from portfolio.models import Program
from portfolio.selectors import program_search
from search import selectors
from tests.factories import InstitutionFactory, TopicFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]

# Plain words (full text and trigram titles), a typo, another word form, and
# websearch syntax (a phrase and an exclusion: full text only); a word in a
# quarter of the titles.
QUERIES = [
    "programa",
    "inspección",
    "labor inspectors",
    "inspecion del trabajo",
    "empleo juvenil",
    '"servicio público" -red',
    "mediação or migration",
]


@pytest.fixture
def thousands_of_programs():
    rng = random.Random(15)
    InstitutionFactory.create_batch(10)
    TopicFactory.create_batch(8)
    portfolio_scale.generate(6, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE portfolio_program")
    assert Program.objects.count() == 3000


def program_statements(search):
    """The plans of the statements ``search()`` runs on the programs: those
    reading the keys of the matches (core.search.best_matches), and those
    reading the rows."""
    with CaptureQueriesContext(connection) as queries:
        list(search())
    plans = {"keys": [], "rows": []}
    for query in queries.captured_queries:
        sql = query["sql"]
        if "portfolio_program" not in sql or not sql.startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
        keys = sql.startswith('SELECT "portfolio_program"."id" AS "pk" FROM')
        plans["keys" if keys else "rows"].append(plan)
    return plans


def searches(query):
    """Each way the pages search the programs for ``query``, to run."""
    published = Program.objects.published()
    return {
        "search": lambda: program_search(queryset=published, query=query),
        "list page": lambda: ProgramFilter({"q": query}, queryset=published).qs[:20],
        "global search": lambda: selectors.programs_matching(query)[: selectors.GROUP_LIMIT],
    }


def test_the_program_searches_read_the_programs_through_their_indexes(thousands_of_programs):
    # One test for all the queries: the thousands of programs are made once.
    for query in QUERIES:
        for name, search in searches(query).items():
            plans = program_statements(search)
            for plan in plans["keys"] + plans["rows"]:
                assert "Seq Scan on portfolio_program" not in plan, (
                    f"{name} of {query!r} scans the programs:\n{plan}"
                )
            assert plans["keys"], name
            for plan in plans["keys"]:
                # Through the search indexes or, for a common word, down the
                # primary key until the bound (core.search.newest_keys).
                assert "portfolio_program_search" in plan or (
                    "Limit" in plan and "Index Scan Backward using portfolio_program_pkey" in plan
                ), plan
            # The rows of the matches come by their keys.
            assert all("portfolio_program_pkey" in plan for plan in plans["rows"]), plans


def test_the_search_still_finds_what_it_reads_through_the_indexes(thousands_of_programs):
    found = program_search(queryset=Program.objects.published(), query="inspecion del trabajo")

    assert found.exists()
    assert all(
        "inspección" in (program.title_es or "") or "inspection" in (program.title_en or "")
        for program in found.order_by("-rank")[:5]
    )


def test_the_portfolio_list_reads_its_first_page_from_the_newest_index(thousands_of_programs):
    # Without a search, the list shows the newest published programs: read
    # down portfolio_program_newest and stop at a page, not sort them all.
    page = ProgramFilter({}, queryset=Program.objects.published().fresh()).qs[:20]
    sql, params = page.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "portfolio_program_newest" in plan, plan
    assert "Seq Scan on portfolio_program" not in plan, plan
