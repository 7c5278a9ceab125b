"""The Library's sections on a member state's and a topic's pages."""

import pytest

from library.enums import ItemStatus
from tests.factories import MemberStateFactory, TopicFactory
from tests.library.factories import LibraryItemFactory

pytestmark = pytest.mark.django_db


def test_a_member_states_page_lists_the_published_items_concerning_it(client):
    state = MemberStateFactory()
    published = LibraryItemFactory(title_en="Labor inspection in the Andes")
    draft = LibraryItemFactory(title_en="Unfinished draft", status=ItemStatus.DRAFT)
    for item in (published, draft):
        item.member_states.set([state])

    page = client.get(state.get_absolute_url()).content.decode()

    assert "In the Library" in page
    assert "Labor inspection in the Andes" in page
    assert "Unfinished draft" not in page
    assert f"?member_state={state.iso_code}" in page


def test_a_topics_page_lists_its_items_and_says_nothing_without_any(client):
    topic = TopicFactory()
    assert "In the Library" not in client.get(topic.get_absolute_url()).content.decode()
    LibraryItemFactory(title_en="Guide to social dialogue").topics.set([topic])

    page = client.get(topic.get_absolute_url()).content.decode()

    assert "Guide to social dialogue" in page
    assert f"?topic={topic.slug}" in page
