"""The lists whose search stops counting at ``core.search.MAX_MATCHES``
(the portfolio and the meeting documents): exact counts up to the bound,
"more than" past it in the reader's language, and every row counted when
nothing is searched."""

import pytest
from django.urls import reverse

from tests.meetings.factories import DocumentFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

BOUND = 3

LISTS = {
    "programs": (
        "portfolio:program_list",
        lambda number: ProgramFactory(title_en=f"Mediation service {number}"),
        "mediation",
        ("programs", "Más de 3 programas"),
    ),
    "documents": (
        "meetings:document_list",
        lambda number: DocumentFactory(symbol=f"CIMT/doc.{number}"),
        "cimt",
        ("documents", "Más de 3 documentos"),
    ),
}


@pytest.fixture(params=LISTS.values(), ids=LISTS.keys())
def bounded_list(request, monkeypatch):
    monkeypatch.setattr("core.search.MAX_MATCHES", BOUND)
    return request.param


def result_count(response):
    html = response.content.decode()
    start = html.index('role="status">') + len('role="status">')
    return " ".join(html[start : html.index("</p>", start)].split())


def test_search_counts_its_matches_exactly_up_to_the_bound(client, bounded_list):
    url_name, make, query, (many, _spanish) = bounded_list
    for number in range(BOUND):
        make(number)

    response = client.get(reverse(url_name), {"q": query})

    assert result_count(response) == f"{BOUND} {many}"
    assert response.context["more_than"] is None


def test_search_past_the_bound_says_more_than_the_bound(client, bounded_list):
    url_name, make, query, (many, spanish) = bounded_list
    for number in range(BOUND + 2):
        make(number)

    response = client.get(reverse(url_name), {"q": query})
    in_spanish = client.get(reverse(url_name), {"q": query}, headers={"accept-language": "es"})

    assert result_count(response) == f"More than {BOUND} {many}"
    assert result_count(in_spanish) == spanish
    # The bound and one more are shown: the reader is told to narrow the search.
    assert len(response.context["page"]) == BOUND + 1


def test_the_list_without_a_search_counts_every_row(client, bounded_list):
    url_name, make, _query, (many, _spanish) = bounded_list
    for number in range(BOUND + 2):
        make(number)

    response = client.get(reverse(url_name))

    assert result_count(response) == f"{BOUND + 2} {many}"
