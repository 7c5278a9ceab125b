import datetime

import pytest

from meetings.enums import DocumentKind, Visibility
from tests.api.conftest import listed
from tests.meetings.factories import DocumentFactory, DocumentFileFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_list_shows_public_documents_of_public_meetings_only(api):
    public = DocumentFactory()
    DocumentFactory(visibility=Visibility.DELEGATES)
    DocumentFactory(meeting=MeetingFactory(visibility=Visibility.DELEGATES))

    assert listed(api("document-list"), "id") == [public.pk]


@pytest.mark.parametrize("restricted", ["document", "meeting"])
def test_a_restricted_document_is_404(api, restricted):
    document = (
        DocumentFactory(visibility=Visibility.DELEGATES)
        if restricted == "document"
        else DocumentFactory(meeting=MeetingFactory(visibility=Visibility.DELEGATES))
    )

    assert api("document-detail", {"pk": document.pk}).status_code == 404


def test_staff_signed_in_see_no_more_than_a_visitor(api, staff_client):
    DocumentFactory(visibility=Visibility.DELEGATES)

    assert listed(api("document-list"), "id") == []


def test_detail_links_each_language_version(api):
    document = DocumentFactory(symbol="CIMT-18/GT1/doc.1/15", title_en="Agenda")
    for language in ("es", "en"):
        DocumentFileFactory(document=document, language=language)

    data = api("document-detail", {"pk": document.pk}).json()

    assert data["symbol"] == "CIMT-18/GT1/doc.1/15"
    assert data["meeting"]["slug"] == document.meeting.slug
    assert data["files"] == [
        {
            "language": language,
            "url": f"http://testserver/meetings/documents/{document.pk}/{language}/",
        }
        for language in ("en", "es")
    ]


def test_search_kind_meeting_and_year(api):
    meeting = MeetingFactory()
    match = DocumentFactory(
        meeting=meeting,
        symbol="CIMT-19/doc.7",
        kind=DocumentKind.AGENDA,
        published_on=datetime.date(2015, 12, 1),
    )
    DocumentFactory(meeting=meeting, symbol="CIMT-19/doc.8", kind=DocumentKind.REPORT)
    DocumentFactory(symbol="CIMT-19/doc.9", kind=DocumentKind.AGENDA)
    DocumentFactory(
        meeting=meeting,
        symbol="CIMT-19/doc.10",
        kind=DocumentKind.AGENDA,
        published_on=datetime.date(2016, 1, 1),
    )

    found = api("document-list", q="cimt-19", kind="agenda", meeting=meeting.slug, year=2015)

    assert listed(found, "id") == [match.pk]


@pytest.mark.parametrize("query", [{"kind": "memo"}, {"q": "x" * 101}, {"year": "20155"}])
def test_a_search_value_that_is_not_valid_is_400(api, query):
    response = api("document-list", **query)

    assert response.status_code == 400
    assert list(response.json()) == list(query)


def test_list_runs_a_fixed_number_of_queries(count_queries, django_assert_max_num_queries):
    url = "/api/v1/documents/?q=doc"

    def documents(count):
        for document in DocumentFactory.create_batch(count):
            DocumentFileFactory(document=document)

    documents(2)
    with_two = count_queries(url)
    documents(10)

    assert count_queries(url) == with_two
    with django_assert_max_num_queries(4):
        count_queries(url)


def test_search_bounds_the_documents_the_filters_keep(api, monkeypatch):
    monkeypatch.setattr("core.search.MAX_MATCHES", 3)
    meeting = MeetingFactory()
    # The oldest match: a bound taken before the meeting's filter would leave it out.
    oldest = DocumentFactory(meeting=meeting, symbol="CIMT/oldest")
    for number in range(5):
        DocumentFactory(symbol=f"CIMT/doc.{number}")

    assert listed(api("document-list", q="cimt", meeting=meeting.slug), "id") == [oldest.pk]
    assert api("document-list", q="cimt").json()["count"] == 4
    assert api("document-list").json()["count"] == 6
