"""core/search.py: a bounded search knows how many rows it holds from the
keys it read, and counts again only what was narrowed since."""

import pytest
from django.db.models import Count

from core import search
from core.pagination import Paginator
from portfolio.models import Program
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_a_bounded_search_knows_its_count_without_a_query(django_assert_num_queries):
    ProgramFactory.create_batch(3)
    matches = search.bounded(Program.objects.all()).select_related("owner").order_by("title_en")

    with django_assert_num_queries(0):
        assert search.count(matches) == 3
        assert Paginator(matches, 2).count == 3


def test_a_bounded_search_past_the_bound_counts_the_keys_it_read(monkeypatch):
    monkeypatch.setattr(search, "MAX_MATCHES", 2)
    ProgramFactory.create_batch(4)

    assert search.count(search.bounded(Program.objects.all())) == 3


def test_a_bounded_search_narrowed_again_is_counted_by_the_database(django_assert_num_queries):
    first, *_others = ProgramFactory.create_batch(3)
    narrowed = search.bounded(Program.objects.all()).exclude(pk=first.pk)

    with django_assert_num_queries(1):
        assert search.count(narrowed) == 2


def test_a_bounded_search_sliced_or_grouped_is_counted_by_the_database():
    ProgramFactory.create_batch(3)
    matches = search.bounded(Program.objects.all())

    assert search.count(matches[:2]) == 2
    assert search.count(matches.values("status").annotate(n=Count("pk"))) == 1
    assert search.count(matches.order_by().union(Program.objects.order_by(), all=True)) == 6


def test_a_search_without_matches_counts_none_without_a_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert search.count(search.with_keys(Program.objects.all(), [])) == 0


def test_a_queryset_never_bounded_is_counted_by_the_database(django_assert_num_queries):
    ProgramFactory.create_batch(2)

    with django_assert_num_queries(1):
        assert search.count(Program.objects.all()) == 2
