"""A number no integer column can hold matches nothing, in every lookup a
form, filter or the API builds from ids, on SQLite as on PostgreSQL."""

import pytest

from network.models import Topic
from portfolio.models import Program
from tests.factories import TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = 99999999999999999999999


@pytest.fixture
def program():
    return ProgramFactory(topics=[TopicFactory()])


@pytest.mark.parametrize("value", [TOO_LARGE, -TOO_LARGE, 2**63])
@pytest.mark.parametrize(
    "lookup",
    ["owner", "owner_id", "owner__in", "topics", "topics__in", "owner__pk__in"],
)
def test_a_related_lookup_with_a_value_no_column_holds_matches_nothing(program, lookup, value):
    value = [value] if lookup.endswith("__in") else value
    assert list(Program.objects.filter(**{lookup: value})) == []
    assert list(Program.objects.exclude(**{lookup: value})) == [program]


def test_in_keeps_the_values_a_column_can_hold(program):
    topic = program.topics.get()
    assert list(Topic.objects.filter(pk__in=[TOO_LARGE, topic.pk])) == [topic]
    assert list(Topic.objects.filter(pk__in=[TOO_LARGE])) == []
    assert Topic.objects.exclude(pk__in=[TOO_LARGE]).count() == Topic.objects.count()
