"""The Library search's query plans on PostgreSQL, at a thousand items and
their thirteen thousand pages of text: each branch of the match (titles and
abstracts, pages) must be served by an index, and the snippets read only the
pages of the items shown. A sequential scan reads every page for every
search, and grows with the library."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import search
from library import scale as library_scale
from library import selectors
from library.filters import LibraryItemFilter
from library.models import LibraryItem, LibraryPage
from tests.factories import InstitutionFactory, TopicFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]

# A word of every page, a word of some, a place, a phrase, an exclusion, a
# word of no page.
QUERIES = [
    "ministerio",
    "inspección",
    "Cartagena",
    '"seguro de desempleo"',
    "migrant workers -Caribbean",
    "zoología",
]


@pytest.fixture
def a_thousand_items():
    InstitutionFactory.create_batch(10)
    TopicFactory.create_batch(8)
    library_scale.generate(1, random.Random(17))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE library_libraryitem")
        cursor.execute("ANALYZE library_librarypage")
    assert LibraryItem.objects.count() == 1000
    assert LibraryPage.objects.count() > 10_000


def plans(run):
    with CaptureQueriesContext(connection) as queries:
        run()
    found = []
    for query in queries.captured_queries:
        sql = query["sql"]
        if "library_" not in sql or not sql.startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            found.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return found


def test_the_library_search_reads_items_and_pages_through_their_indexes(a_thousand_items):
    # One test for all the queries: the thousand items are made once.
    for query in QUERIES:

        def run(query=query):
            with search.parsing_once():
                items = list(
                    LibraryItemFilter({"q": query}, queryset=selectors.items_for_list()).qs[:20]
                )
                selectors.item_snippets(items=items, query=query)

        statements = plans(run)
        assert statements, query
        for sql, plan in statements:
            assert "Seq Scan on library_librarypage" not in plan, f"{query!r}: {sql[:200]}\n{plan}"
            # The rows of the matches come by their keys, at most
            # search.MAX_MATCHES + 1 whatever the library's size: for a word of
            # every page, most of this small table, which the planner rightly
            # reads whole. Finding the keys must never read it whole.
            if sql.startswith('SELECT "library_libraryitem"."id" AS "pk" FROM'):
                assert "Seq Scan on library_libraryitem" not in plan, f"{query!r}: {sql}\n{plan}"


def test_the_search_finds_the_pages_it_reads_through_the_indexes(a_thousand_items):
    with search.parsing_once():
        items = list(
            LibraryItemFilter({"q": "Cartagena"}, queryset=selectors.items_for_list()).qs[:5]
        )
        snippets = selectors.item_snippets(items=items, query="Cartagena")

    assert items
    assert all("<mark>Cartagena</mark>" in snippets[item.pk].html for item in items)
    assert all(snippets[item.pk].page >= 1 for item in items)
