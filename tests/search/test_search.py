"""The global search at /search/: what it finds, what it must never show,
its links to each kind's full list, hostile input and its cost in queries."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.urls import reverse

from forum.enums import ReadAccess
from meetings.enums import Visibility
from newsletter.enums import NewsStatus
from portfolio.enums import ProgramStatus
from search import selectors
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.forum.factories import PostFactory
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import DocumentFactory, DocumentFileFactory, MeetingFactory
from tests.newsletter.factories import NewsItemFactory
from tests.portfolio.factories import ProgramFactory
from tests.test_hostile_input import HOSTILE

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:search")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def search(client, query, **params):
    return client.get(SEARCH_URL, {"q": query, **params})


def found(response):
    """{kind: [str(item), …]} of a grouped results page."""
    return {
        group.kind.key: [str(item) for item in group.items] for group in response.context["groups"]
    }


@pytest.mark.parametrize("query", ["apprenticeship", "aprendizaje"])
def test_finds_news_by_any_of_its_language_versions(client, query):
    NewsItemFactory(
        language="es",
        title="Nueva ley de aprendizaje",
        text="La ley fue aprobada.",
        title_en="New apprenticeship law",
        text_en="The law passed.",
    )

    response = search(client, query, kind="news")

    assert response.context["page"].paginator.count == 1


def test_empty_query_is_a_friendly_page_without_queries(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(SEARCH_URL, {"q": "   "})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert "What are you looking for?" in html
    assert 'role="search"' in html


def test_finds_each_kind_by_a_word_of_its_title(client):
    ProgramFactory(title_en="Mediation of labor disputes")
    MeetingFactory(title_en="Workshop on mediation")
    DocumentFactory(symbol="CIMT-19/doc.1/15", title_en="Report on mediation")
    LibraryItemFactory(title_en="Guide to labor mediation")
    NewsItemFactory(title="Mediation service opens in Lima")
    ProgramFactory(title_en="Youth employment")

    response = search(client, "mediation")

    assert response.status_code == 200
    assert found(response) == {
        "programs": ["Mediation of labor disputes"],
        "meetings": ["Workshop on mediation"],
        "documents": ["CIMT-19/doc.1/15 Report on mediation"],
        "library": ["Guide to labor mediation"],
        "news": ["Mediation service opens in Lima"],
        "forum": [],
    }
    assert response.context["total"] == 5
    html = response.content.decode()
    assert 'id="results-programs"' in html
    assert "Youth employment" not in html


def test_every_word_must_match(client):
    MeetingFactory(title_en="Workshop on labor inspection")
    MeetingFactory(title_en="Workshop on labor statistics")

    response = search(client, "labor inspection")

    assert found(response)["meetings"] == ["Workshop on labor inspection"]


def test_finds_a_document_by_its_symbol_and_by_its_title_in_another_language(client):
    document = DocumentFactory(
        symbol="CIMT-18/GT1-GT2/doc.6/15", title_en="Agenda", title_es="Orden del día"
    )
    DocumentFileFactory(document=document, language="es")

    by_symbol = search(client, "CIMT-18/GT1-GT2/doc.6/15")
    by_title = search(client, "orden del")

    assert found(by_symbol)["documents"] == [str(document)]
    assert found(by_title)["documents"] == [str(document)]
    download = reverse("meetings:document_download", args=[document.pk, "es"])
    assert download in by_symbol.content.decode()


def test_finds_a_meeting_by_its_spanish_title_and_its_description(client):
    MeetingFactory(title_en="Planning meeting", title_es="Reunión de planificación")
    MeetingFactory(title_en="Seminar", description_en="On social dialogue in the Andes.")

    assert found(search(client, "planificación"))["meetings"] == ["Planning meeting"]
    assert found(search(client, "dialogue"))["meetings"] == ["Seminar"]


@pytest.mark.parametrize("signed_in", [None, "focal_point", "staff"])
def test_never_shows_what_a_visitor_may_not_see(client, signed_in):
    """Drafts, programs in review, restricted meetings and their documents,
    delegates-only documents, unpublished news: not even to those who may
    open them elsewhere (the search lists what a visitor's lists list)."""
    if signed_in == "focal_point":
        client.force_login(FocalPointFactory())
    elif signed_in == "staff":
        client.force_login(SecretariatStaffFactory())
    for status in (ProgramStatus.DRAFT, ProgramStatus.SUBMITTED, ProgramStatus.RETURNED):
        ProgramFactory(title_en=f"Hidden program {status}", status=status, published_at=None)
    restricted = MeetingFactory(title_en="Hidden meeting", visibility=Visibility.DELEGATES)
    DocumentFactory(meeting=restricted, title_en="Hidden document of a hidden meeting")
    DocumentFactory(title_en="Hidden document", visibility=Visibility.DELEGATES)
    for status in (NewsStatus.DRAFT, NewsStatus.SUBMITTED, NewsStatus.RETURNED):
        NewsItemFactory(title=f"Hidden news {status}", status=status, published_at=None)

    response = search(client, "hidden")

    assert response.status_code == 200
    assert response.context["total"] == 0
    assert "Hidden" not in response.content.decode()
    for kind in selectors.KINDS:
        assert search(client, "hidden", kind=kind).context["page"].paginator.count == 0


def test_a_group_shows_its_first_ten_and_links_to_the_full_list(client):
    for number in range(12):
        ProgramFactory(title_en=f"Inspection program {number}")

    response = search(client, "inspection")

    group = response.context["groups"][0]
    assert group.kind.key == "programs"
    assert (group.count, len(group.items)) == (12, 10)
    assert group.more_url == f"/programs/?{urlencode({'q': 'inspection'})}"
    assert "See all 12 results in Programs" in response.content.decode()
    # The full list counts what the search counted.
    assert client.get(group.more_url).context["page"].paginator.count == 12


def test_a_group_past_the_bound_says_more_than_the_bound(client, monkeypatch):
    monkeypatch.setattr("core.search.MAX_MATCHES", 3)
    for number in range(5):
        ProgramFactory(title_en=f"Inspection program {number}")
        MeetingFactory(title_en=f"Inspection workshop {number}")
        DocumentFactory(title_en=f"Inspection report {number}")
        LibraryItemFactory(title_en=f"Inspection guide {number}")
    NewsItemFactory(title="Inspection news")

    response = search(client, "inspection")
    meetings = search(client, "inspection", kind="meetings")

    counts = {
        group.kind.key: (group.count, group.more_than) for group in response.context["groups"]
    }
    assert counts == {
        "programs": (4, 3),
        "meetings": (4, 3),
        "documents": (4, 3),
        "library": (4, 3),
        "news": (1, None),
        "forum": (0, None),
    }
    html = response.content.decode()
    # Each group past the bound counts as the bound: 3 + 3 + 3 + 3 + 1.
    assert "More than 13 results for “inspection”" in html
    assert '<span class="badge text-bg-secondary">3+</span>' in html
    assert "See more than 3 results in Programs" in html
    assert "More than 3 results for “inspection”" in meetings.content.decode()


def test_a_group_within_the_bound_gives_its_exact_count(client, monkeypatch):
    monkeypatch.setattr("core.search.MAX_MATCHES", 3)
    for number in range(3):
        MeetingFactory(title_en=f"Inspection workshop {number}")

    response = search(client, "inspection")

    html = response.content.decode()
    assert "3 results for “inspection”" in html
    assert "More than" not in html
    assert search(client, "inspection", kind="meetings").context["more_than"] is None


def test_documents_link_to_the_documents_search(client):
    for number in range(11):
        DocumentFactory(title_en=f"Annex {number}")

    response = search(client, "annex")

    group = next(g for g in response.context["groups"] if g.kind.key == "documents")
    assert (group.count, len(group.items)) == (11, 10)
    assert client.get(group.more_url).context["page"].paginator.count == 11


@pytest.mark.parametrize("kind", ["meetings", "news"])
def test_meetings_and_news_link_to_all_their_results_on_the_search_page(client, kind):
    for number in range(25):
        if kind == "meetings":
            MeetingFactory(title_en=f"Webinar {number}")
        else:
            NewsItemFactory(title=f"Webinar {number}")

    response = search(client, "webinar")

    group = next(g for g in response.context["groups"] if g.kind.key == kind)
    assert (group.count, len(group.items)) == (25, 10)
    assert group.more_url == f"{SEARCH_URL}?{urlencode({'q': 'webinar', 'kind': kind})}"
    first = client.get(group.more_url)
    second = client.get(f"{group.more_url}&page=2")
    assert first.context["page"].paginator.count == 25
    assert len(first.context["page"]) + len(second.context["page"]) == 25
    assert "&amp;page=2" in first.content.decode()


def test_an_unknown_kind_gives_every_group(client):
    ProgramFactory(title_en="Skills certification")

    response = search(client, "skills", kind="<script>")

    assert found(response)["programs"] == ["Skills certification"]


@pytest.mark.parametrize(
    "query", [*HOSTILE, "a" * 5000, "word " * 500, "\x00" * 300, '"unclosed', "-", "!!!"]
)
def test_hostile_or_huge_queries_never_fail(client, query):
    ProgramFactory(title_en="Program")
    NewsItemFactory(title="News")

    response = search(client, query)

    assert response.status_code == 200
    assert len(response.context["query"]) <= selectors.MAX_QUERY_LENGTH
    assert "\x00" not in response.context["query"]
    assert "<script>alert" not in response.content.decode()
    for kind in selectors.KINDS:
        assert search(client, query, kind=kind, page="x\x00").status_code == 200


def test_clean_query_drops_control_characters_and_caps_the_length():
    assert selectors.clean_query("  labor\x00\tinspection\u200b \n") == "labor inspection"
    assert selectors.clean_query(None) == ""
    assert len(selectors.clean_query("x" * 10_000)) == selectors.MAX_QUERY_LENGTH


def _one_of_each(number):
    for index in range(number):
        ProgramFactory(title_en=f"Labor program {index}")
        MeetingFactory(title_en=f"Labor meeting {index}")
        DocumentFileFactory(document=DocumentFactory(title_en=f"Labor document {index}"))
        LibraryItemFactory(title_en=f"Labor guide {index}")
        NewsItemFactory(title=f"Labor news {index}")
        PostFactory(thread__space__read_access=ReadAccess.PUBLIC, body=f"Labor inspections {index}")


def test_the_search_runs_a_fixed_number_of_queries(count_queries):
    url = f"{SEARCH_URL}?q=labor"
    _one_of_each(1)
    one = count_queries(url)

    _one_of_each(2)

    assert count_queries(url) == one
    # Per kind, the keys of its matches (core.search) and its first
    # results with their count (the forum's posts among them), plus the
    # documents' and the library items' language versions; on PostgreSQL, the
    # parsing of the words, once, for each kind searched by its texts
    # (programs, meetings, news) the keys of its title matches, and for the
    # library the keys of its pages' matches.
    assert one == (19 if connection.vendor == "postgresql" else 14)


def test_a_kind_without_matches_counts_none(client):
    NewsItemFactory(title="Labor news")

    groups = search(client, "labor").context["groups"]

    assert {group.kind.key: group.count for group in groups} == {
        "programs": 0,
        "meetings": 0,
        "documents": 0,
        "library": 0,
        "news": 1,
        "forum": 0,
    }


def test_one_kind_runs_a_fixed_number_of_queries(count_queries):
    _one_of_each(1)
    counts = {kind: count_queries(f"{SEARCH_URL}?q=labor&kind={kind}") for kind in selectors.KINDS}

    _one_of_each(4)

    assert {
        kind: count_queries(f"{SEARCH_URL}?q=labor&kind={kind}") for kind in selectors.KINDS
    } == counts


def test_every_page_has_the_search_box(client):
    html = client.get(reverse("network:about")).content.decode()

    assert f'action="{SEARCH_URL}"' in html
    assert 'role="search"' in html
    assert '<label class="visually-hidden" for="site-search">' in html


@pytest.mark.postgresql
def test_postgresql_stems_the_words_of_each_language(client):
    MeetingFactory(title_en="Strengthening labor inspection")
    MeetingFactory(title_en="Taller", title_es="Conciliaciones laborales extrajudiciales")
    NewsItemFactory(title="Inspectors trained", language="en")

    assert found(search(client, "inspections"))["meetings"] == ["Strengthening labor inspection"]
    assert found(search(client, "conciliación laboral"))["meetings"] == ["Taller"]
    assert found(search(client, "inspector"))["news"] == ["Inspectors trained"]


@pytest.mark.postgresql
def test_postgresql_ignores_accents(client):
    NewsItemFactory(title="Capacitación en seguridad y salud", language="es")
    MeetingFactory(title_en="Reunion", title_es="Reunión técnica")

    assert found(search(client, "capacitacion"))["news"] == ["Capacitación en seguridad y salud"]
    assert found(search(client, "tecnica"))["meetings"] == ["Reunion"]


@pytest.mark.postgresql
def test_postgresql_understands_web_search_syntax(client):
    MeetingFactory(title_en="Workshop on labor inspection")
    MeetingFactory(title_en="Workshop on child labor")

    assert found(search(client, "workshop -child"))["meetings"] == ["Workshop on labor inspection"]
    assert found(search(client, '"child labor"'))["meetings"] == ["Workshop on child labor"]
