"""The Library's public pages: the list and its filters, an item's page,
its citation and its files."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.enums import RequestStatus
from library.enums import ItemKind, ItemStatus
from library.models import DownloadCount
from meetings.enums import Visibility
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import RequestFactory
from tests.factories import FocalPointFactory, TopicFactory, WorkingGroupFactory
from tests.library.factories import (
    PDF,
    AuthorshipFactory,
    LibraryFileFactory,
    LibraryItemFactory,
)
from tests.meetings.factories import DocumentFactory, MeetingFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

LIST = reverse("library:item_list")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def titles(response):
    return [item.title for item in response.context["page"].object_list]


def test_the_list_shows_published_items_only_to_everyone(client):
    published = LibraryItemFactory(title_en="Labor Panorama 2003")
    draft = LibraryItemFactory(owner=published.owner, status=ItemStatus.DRAFT, title_en="Draft")
    client.force_login(FocalPointFactory(institution=draft.owner))

    assert titles(client.get(LIST)) == ["Labor Panorama 2003"]


def test_the_filters_live_in_the_url_and_combine(client):
    topic = TopicFactory(slug="labor-inspection")
    group = WorkingGroupFactory()
    wanted = LibraryItemFactory(
        title_en="Inspection guide",
        kind=ItemKind.GUIDE,
        published_on=datetime.date(2015, 1, 1),
        working_group=group,
    )
    wanted.topics.set([topic])
    wanted.member_states.set([wanted.owner.member_state])
    LibraryFileFactory(item=wanted, language="es")
    LibraryItemFactory(title_en="Inspection study", kind=ItemKind.STUDY)
    other_year = LibraryItemFactory(
        title_en="Inspection guide 2004",
        kind=ItemKind.GUIDE,
        published_on=datetime.date(2004, 1, 1),
    )
    other_year.topics.set([topic])

    response = client.get(
        LIST,
        {
            "q": "inspection",
            "kind": "guide",
            "topic": "labor-inspection",
            "member_state": wanted.owner.member_state.iso_code,
            "language": "es",
            "year": "2015",
            "working_group": group.pk,
        },
    )

    assert titles(response) == ["Inspection guide"]


def test_a_filter_value_that_does_not_exist_shows_the_form_error_not_a_500(client):
    LibraryItemFactory()

    response = client.get(LIST, {"year": "many", "member_state": "ZZ", "kind": "poem"})

    assert response.status_code == 200


def _list_queries(client):
    with CaptureQueriesContext(connection) as context:
        assert client.get(LIST).status_code == 200
    return len(context.captured_queries)


def _items(count):
    for _n in range(count):
        item = LibraryItemFactory()
        LibraryFileFactory(item=item, language="en")
        LibraryFileFactory(item=item, language="es")


def test_the_list_runs_the_same_number_of_queries_for_one_item_and_for_three(client):
    _items(1)
    client.get(LIST)
    one = _list_queries(client)
    _items(2)

    assert _list_queries(client) == one


def test_an_item_page_shows_its_authors_files_and_apa_citation(client):
    item = LibraryItemFactory(title_en="Feasibility Study", published_on=datetime.date(2004, 1, 1))
    AuthorshipFactory(item=item, family_name="Lecourt", given_names="Roger")
    LibraryFileFactory(item=item, language="es")

    response = client.get(item.get_absolute_url())

    page = response.content.decode()
    assert "Roger Lecourt" in page
    assert "Lecourt, R. (2004). Feasibility Study." in page
    assert reverse("library:file_download", args=[item.slug, "es"]) in page


def test_the_bibtex_entry_downloads_as_a_bib_file(client):
    item = LibraryItemFactory(title_en="Feasibility Study", published_on=datetime.date(2004, 1, 1))
    AuthorshipFactory(item=item, family_name="Lecourt", given_names="Roger")

    response = client.get(reverse("library:item_bibtex", args=[item.slug]))

    assert response["Content-Disposition"] == 'attachment; filename="lecourt2004feasibility.bib"'
    assert response.content.decode().startswith("@techreport{lecourt2004feasibility,")


def test_a_download_serves_the_file_and_counts_it_per_language(client):
    item = LibraryItemFactory()
    LibraryFileFactory(item=item, language="es")
    LibraryFileFactory(item=item, language="en")
    url = reverse("library:file_download", args=[item.slug, "es"])

    responses = [client.get(url), client.get(url)]

    assert b"".join(responses[0].streaming_content) == PDF
    assert list(DownloadCount.objects.values_list("language", "count")) == [("es", 2)]


def test_a_head_request_or_a_file_missing_from_storage_is_not_counted(client):
    item = LibraryItemFactory()
    LibraryFileFactory(item=item, language="es")
    missing = LibraryFileFactory(item=item, language="en")
    missing.file.storage.delete(missing.file.name)

    head = client.head(reverse("library:file_download", args=[item.slug, "es"]))
    gone = client.get(reverse("library:file_download", args=[item.slug, "en"]))

    assert (head.status_code, gone.status_code) == (200, 404)
    assert not DownloadCount.objects.exists()


def test_a_drafts_file_is_served_to_its_institution_but_never_counted(client):
    item = LibraryItemFactory(status=ItemStatus.DRAFT)
    LibraryFileFactory(item=item, language="es")
    url = reverse("library:file_download", args=[item.slug, "es"])

    assert client.get(url).status_code == 404
    client.force_login(FocalPointFactory(institution=item.owner))
    response = client.get(url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert not DownloadCount.objects.exists()


def test_a_language_without_a_file_is_a_404(client):
    item = LibraryItemFactory()

    assert client.get(reverse("library:file_download", args=[item.slug, "fr"])).status_code == 404


def test_the_list_and_an_item_page_read_in_spanish(client):
    item = LibraryItemFactory(
        language="es",
        title_en="Labor Panorama 2003",
        title_es="Panorama Laboral 2003",
        kind=ItemKind.PUBLICATION,
    )
    LibraryFileFactory(item=item, language="es")
    spanish = {"accept-language": "es"}

    listing = client.get(LIST, headers=spanish).content.decode()
    page = client.get(item.get_absolute_url(), headers=spanish).content.decode()

    assert "Biblioteca" in listing
    assert "Panorama Laboral 2003" in listing
    assert "Publicación · 2015" in listing
    assert "Archivos" in page
    assert "Descargar la referencia BibTeX" in page
    assert "Todos los derechos reservados" in page


def _linked_item():
    """An item with a published and a draft program, a public and a draft
    cooperation activity, a public and a restricted meeting document, from a
    meeting restricted to its delegates."""
    restricted_meeting = MeetingFactory(
        title_en="Closed session of ministers", visibility=Visibility.DELEGATES
    )
    item = LibraryItemFactory(meeting=restricted_meeting)
    item.programs.set(
        [
            ProgramFactory(title_en="Published program"),
            ProgramFactory(title_en="Draft program", status=ProgramStatus.DRAFT),
        ]
    )
    item.cooperation_activities.set(
        [
            RequestFactory(title="Approved activity", status=RequestStatus.APPROVED),
            RequestFactory(title="Draft activity"),
        ]
    )
    item.meeting_documents.set(
        [
            DocumentFactory(title_en="Public document"),
            DocumentFactory(title_en="Delegates' document", visibility=Visibility.DELEGATES),
            DocumentFactory(title_en="Closed meeting's document", meeting=restricted_meeting),
        ]
    )
    return item


def test_an_item_page_shows_only_the_links_a_visitor_may_see(client):
    item = _linked_item()

    page = client.get(item.get_absolute_url()).content.decode()

    for shown in ("Published program", "Approved activity", "Public document"):
        assert shown in page
    for hidden in (
        "Draft program",
        "Draft activity",
        "Delegates&#x27; document",
        "Closed meeting&#x27;s document",
        "Closed session of ministers",
    ):
        assert hidden not in page


def test_an_item_page_shows_a_focal_point_the_restricted_meeting_and_its_documents(client):
    item = _linked_item()
    client.force_login(FocalPointFactory())

    page = client.get(item.get_absolute_url()).content.decode()

    for shown in ("Closed session of ministers", "Delegates&#x27; document", "Published program"):
        assert shown in page
    assert "Draft program" not in page


def _page_queries(client, item):
    with CaptureQueriesContext(connection) as context:
        assert client.get(item.get_absolute_url()).status_code == 200
    return len(context.captured_queries)


def test_an_item_page_runs_the_same_number_of_queries_for_one_link_and_for_three(client):
    item = LibraryItemFactory(meeting=MeetingFactory())
    AuthorshipFactory(item=item)
    LibraryFileFactory(item=item)
    item.programs.add(ProgramFactory())
    item.cooperation_activities.add(RequestFactory(status=RequestStatus.APPROVED))
    item.meeting_documents.add(DocumentFactory())
    client.get(item.get_absolute_url())
    one = _page_queries(client, item)

    item.programs.add(*ProgramFactory.create_batch(2))
    item.cooperation_activities.add(*RequestFactory.create_batch(2, status=RequestStatus.APPROVED))
    item.meeting_documents.add(*DocumentFactory.create_batch(2))

    assert _page_queries(client, item) == one
