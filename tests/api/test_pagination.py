"""A list page of the API: DRF's count, next, previous and results, and
``more_than``, which says when a search's count is only a bound."""

import pytest
from django.urls import reverse

from tests.meetings.factories import DocumentFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def max_matches(monkeypatch):
    """A search bounded at 3 matches instead of a thousand."""
    monkeypatch.setattr("core.search.MAX_MATCHES", 3)
    return 3


def page(api, name, **query):
    response = api(name, **query)
    assert response.status_code == 200, response.content
    data = response.json()
    return data["count"], data["more_than"], len(data["results"])


def test_a_search_past_the_bound_says_more_than_the_bound(api, max_matches):
    for number in range(max_matches + 2):
        ProgramFactory(title_en=f"Mediation service {number}")
        DocumentFactory(symbol=f"CIMT/doc.{number}")

    # The bound and one more are listed; the count says "more than 3".
    assert page(api, "program-list", q="mediation") == (4, 3, 4)
    assert page(api, "document-list", q="cimt") == (4, 3, 4)


def test_a_search_within_the_bound_gives_its_exact_count(api, max_matches):
    for number in range(max_matches):
        ProgramFactory(title_en=f"Mediation service {number}")
        DocumentFactory(symbol=f"CIMT/doc.{number}")

    assert page(api, "program-list", q="mediation") == (3, None, 3)
    assert page(api, "document-list", q="cimt") == (3, None, 3)


def test_a_list_without_a_search_counts_everything(api, max_matches):
    for number in range(max_matches + 2):
        ProgramFactory(title_en=f"Mediation service {number}")
        DocumentFactory(symbol=f"CIMT/doc.{number}")

    assert page(api, "program-list") == (5, None, 5)
    assert page(api, "document-list") == (5, None, 5)
    assert page(api, "meeting-list")[1] is None


def test_the_schema_documents_more_than(client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()

    listing = schema["components"]["schemas"]["PaginatedProgramList"]
    assert list(listing["properties"]) == ["count", "more_than", "next", "previous", "results"]
    assert listing["properties"]["more_than"]["nullable"] is True
    assert "`q`" in listing["properties"]["more_than"]["description"]
