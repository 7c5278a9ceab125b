"""Meeting documents: downloads checked on the server, and the search of all
documents by symbol and title."""

import pytest
from django.urls import reverse

from meetings import rules, selectors
from meetings.enums import DocumentKind, Visibility
from tests.meetings.factories import DocumentFactory, DocumentFileFactory, MeetingFactory
from tests.meetings.roles import ROLES, make_user, sign_in

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("meetings:document_list")
# What DocumentFileFactory stores.
PDF = b"%PDF-1.4\n%test\n"
MAY_SEE_RESTRICTED = ("focal_point", "delegate", "staff")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def download_url(document, language="en"):
    return reverse("meetings:document_download", args=[document.pk, language])


def test_a_public_document_downloads_as_an_attachment_named_by_its_symbol(client):
    document = DocumentFactory(symbol="CIMT-18/GT1-GT2/doc.6/15")
    DocumentFileFactory(document=document, language="es")

    response = client.get(download_url(document, "es"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="CIMT-18-GT1-GT2-doc.6-15-es.pdf"'
    )
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("role", ROLES)
def test_restricted_documents_are_not_downloadable_by_visitors(client, role):
    """Nor by anyone but the meeting's delegates, focal points and staff, even
    by a direct URL."""
    document = DocumentFactory(visibility=Visibility.DELEGATES)
    DocumentFileFactory(document=document)
    sign_in(client, make_user(role, document.meeting))

    response = client.get(download_url(document))

    if role in MAY_SEE_RESTRICTED:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 403
        assert PDF not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_documents_of_a_restricted_meeting_are_404_for_who_may_not_see_it(client, role):
    document = DocumentFactory(meeting=MeetingFactory(visibility=Visibility.DELEGATES))
    DocumentFileFactory(document=document)
    sign_in(client, make_user(role, document.meeting))

    status = client.get(download_url(document)).status_code

    assert status == (200 if role in ("focal_point", "delegate", "staff") else 404)


@pytest.mark.parametrize("language", ["fr", "xx", "EN", "english", "e n"])
def test_a_language_the_document_lacks_is_404(client, language):
    document = DocumentFactory()
    DocumentFileFactory(document=document, language="en")

    assert client.get(f"/meetings/documents/{document.pk}/{language}/").status_code == 404


@pytest.mark.parametrize("path", ["/meetings/documents/999999/en/", "/meetings/documents/abc/en/"])
def test_an_unknown_document_is_404(client, path):
    assert client.get(path).status_code == 404


def test_a_file_missing_from_storage_is_404_not_an_error(client):
    document = DocumentFactory()
    version = DocumentFileFactory(document=document)
    version.file.storage.delete(version.file.name)

    assert client.get(download_url(document)).status_code == 404


def test_download_refuses_post(client):
    document = DocumentFactory()
    DocumentFileFactory(document=document)

    assert client.post(download_url(document)).status_code == 405


# Search --------------------------------------------------------------------


def symbols(response):
    return [document.symbol for document in response.context["page"]]


def test_search_finds_by_symbol_first_then_by_title(client):
    DocumentFactory(symbol="CIMT-18/doc.1/15", title_en="Report on doc.6/15 follow-up")
    DocumentFactory(symbol="CIMT-18/GT1-GT2/doc.6/15", title_en="Agenda")
    DocumentFactory(symbol="DOC.6/15", title_en="Exact symbol")
    DocumentFactory(symbol="CIMT-18/doc.9/15", title_en="Unrelated")

    response = client.get(SEARCH_URL, {"q": "doc.6/15"})

    assert symbols(response) == ["DOC.6/15", "CIMT-18/GT1-GT2/doc.6/15", "CIMT-18/doc.1/15"]


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("title_en", "labor inspection"),
        ("title_es", "inspección laboral"),
        ("title_pt", "inspeção do trabalho"),
        ("title_fr", "inspection du travail"),
    ],
)
def test_search_finds_a_title_in_any_language(client, field, words):
    DocumentFactory(symbol="CIMT/doc.1", **{"title_en": "Other", field: f"Report on {words}"})
    DocumentFactory(symbol="CIMT/doc.2", title_en="Unrelated")

    assert symbols(client.get(SEARCH_URL, {"q": words})) == ["CIMT/doc.1"]


def test_search_lists_the_newest_first_without_a_query(client):
    import datetime

    DocumentFactory(symbol="OLD", published_on=datetime.date(2004, 5, 13))
    DocumentFactory(symbol="NEW", published_on=datetime.date(2015, 4, 29))

    assert symbols(client.get(SEARCH_URL)) == ["NEW", "OLD"]


def test_search_filters_by_kind(client):
    DocumentFactory(symbol="AGENDA", kind=DocumentKind.AGENDA)
    DocumentFactory(symbol="REPORT", kind=DocumentKind.FINAL_REPORT)

    assert symbols(client.get(SEARCH_URL, {"kind": DocumentKind.AGENDA})) == ["AGENDA"]


@pytest.mark.parametrize(
    "params", [{"kind": "poem"}, {"q": "x" * 500}, {"page": "zz"}, {"page": "99999"}]
)
def test_search_ignores_values_it_does_not_know(client, params):
    DocumentFactory(symbol="LISTED")

    response = client.get(SEARCH_URL, params)

    assert response.status_code == 200
    assert symbols(response) == ["LISTED"]


@pytest.mark.parametrize("role", ROLES)
def test_search_lists_restricted_documents_only_to_those_who_may_download_them(client, role):
    meeting = MeetingFactory()
    restricted_meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    documents = [
        DocumentFactory(meeting=meeting, symbol="PUBLIC"),
        DocumentFactory(meeting=meeting, symbol="DELEGATES", visibility=Visibility.DELEGATES),
        DocumentFactory(meeting=restricted_meeting, symbol="CLOSED MEETING"),
    ]
    user = make_user(role, meeting)
    sign_in(client, user)

    listed = set(symbols(client.get(SEARCH_URL)))

    assert listed == {d.symbol for d in documents if rules.can_download_document(user, d)}


@pytest.mark.parametrize("role", ROLES)
def test_documents_visible_to_agrees_with_the_download_rule(role):
    """The query behind the search and the rule behind the download give the
    same answer for every document."""
    meeting = MeetingFactory()
    documents = [
        DocumentFactory(meeting=m, visibility=v)
        for m in (meeting, MeetingFactory(), MeetingFactory(visibility=Visibility.DELEGATES))
        for v in Visibility.values
    ]
    user = make_user(role, meeting)

    visible = set(selectors.documents_visible_to(user))

    assert visible == {d for d in documents if rules.can_download_document(user, d)}


def test_search_links_each_language_version(client):
    document = DocumentFactory()
    DocumentFileFactory(document=document, language="en")
    DocumentFileFactory(document=document, language="pt")

    html = client.get(SEARCH_URL).content.decode()

    assert download_url(document, "en") in html
    assert download_url(document, "pt") in html


@pytest.fixture
def max_matches(monkeypatch):
    """A search bounded at 3 matches instead of a thousand."""
    monkeypatch.setattr("core.search.MAX_MATCHES", 3)
    return 3


def result_count(response):
    html = response.content.decode()
    start = html.index('role="status">') + len('role="status">')
    return " ".join(html[start : html.index("</p>", start)].split())


def test_search_past_the_bound_shows_the_symbol_matches_first(client, max_matches):
    for number in range(max_matches + 2):
        DocumentFactory(symbol=f"CIMT/doc.{number}")
    DocumentFactory(symbol="OTHER", title_en="CIMT review")

    response = client.get(SEARCH_URL, {"q": "cimt"})

    # The newest bound and one more, symbol matches first.
    assert symbols(response) == ["CIMT/doc.2", "CIMT/doc.3", "CIMT/doc.4", "OTHER"]


def test_search_bounds_the_documents_of_the_kind_asked_for(client, max_matches):
    # The oldest match: a bound taken before the kind would leave it out.
    DocumentFactory(symbol="CIMT/agenda", kind=DocumentKind.AGENDA)
    for number in range(max_matches + 2):
        DocumentFactory(symbol=f"CIMT/doc.{number}", kind=DocumentKind.FINAL_REPORT)

    response = client.get(SEARCH_URL, {"q": "cimt", "kind": DocumentKind.AGENDA})

    assert symbols(response) == ["CIMT/agenda"]
    assert result_count(response) == "1 document"


def test_search_is_paginated(client):
    for number in range(30):
        DocumentFactory(symbol=f"DOC/{number:02d}")

    first = client.get(SEARCH_URL)
    second = client.get(SEARCH_URL, {"page": 2})

    assert len(symbols(first)) == 25
    assert len(symbols(second)) == 5


def _documents(count):
    for _ in range(count):
        document = DocumentFactory(meeting=MeetingFactory())
        DocumentFileFactory(document=document, language="en")
        DocumentFileFactory(document=document, language="es")


@pytest.mark.parametrize("params", [{}, {"q": "Document"}])
@pytest.mark.parametrize("role", ["visitor", "delegate"])
def test_search_runs_a_fixed_number_of_queries(client, count_queries, params, role):
    from urllib.parse import urlencode

    url = f"{SEARCH_URL}?{urlencode(params)}"
    sign_in(client, make_user(role, MeetingFactory()))
    _documents(2)
    small = count_queries(url)

    _documents(6)

    assert count_queries(url) == small
