"""The searches' query plans on PostgreSQL, at a few thousand programs: each
branch of the match must be served by an index. A sequential scan of the
programs table reads every row for every search, and grows with the
portfolio (issue 15: 0.6 s a search at 5,000 programs)."""

import random

import pytest
from django.db import connection

from portfolio import scale as portfolio_scale
from portfolio.filters import ProgramFilter
from portfolio.models import Program
from portfolio.selectors import program_search
from search import selectors
from tests.factories import InstitutionFactory, TopicFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]

# Plain words (full text and trigram titles), a typo, another word form, and
# websearch syntax (a phrase and an exclusion: full text only).
QUERIES = [
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


def scans_of_programs(queryset):
    plan = queryset.explain()
    return plan, [line for line in plan.splitlines() if "Seq Scan on portfolio_program" in line]


def test_the_program_searches_read_the_programs_through_their_indexes(thousands_of_programs):
    # One test for all the queries: the thousands of programs are made once.
    for query in QUERIES:
        published = Program.objects.published()
        searches = {
            "search": program_search(queryset=published, query=query),
            "list page": ProgramFilter({"q": query}, queryset=published).qs[:20],
            "global search": selectors.programs_matching(query)[: selectors.GROUP_LIMIT],
        }
        for name, queryset in searches.items():
            plan, scans = scans_of_programs(queryset)
            assert not scans, f"{name} of {query!r} scans the programs:\n{plan}"
            assert "portfolio_program_search" in plan, plan


def test_the_search_still_finds_what_it_reads_through_the_indexes(thousands_of_programs):
    found = program_search(queryset=Program.objects.published(), query="inspecion del trabajo")

    assert found.exists()
    assert all(
        "inspección" in (program.title_es or "") or "inspection" in (program.title_en or "")
        for program in found.order_by("-rank")[:5]
    )
