"""schema.org markup on the public pages ({% structured_data %}): a public
meeting is an Event, a published program a GovernmentService, a public
meeting document and a published library item a DigitalDocument, Report or
CreativeWork; what is restricted or unpublished says nothing to search
engines."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from library.enums import DatePrecision as LibraryDatePrecision
from library.enums import ItemKind as LibraryItemKind
from library.enums import ItemStatus, Licence
from meetings.enums import DatePrecision, DocumentKind, MeetingStatus, Visibility
from portfolio.enums import ProgramStatus
from tests.factories import FocalPointFactory
from tests.library.factories import AuthorshipFactory, LibraryFileFactory, LibraryItemFactory
from tests.meetings.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
)
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def structured_data(response):
    assert response.status_code == 200
    return [json.loads(block) for block in JSON_LD.findall(response.content.decode())]


def test_a_public_meeting_is_an_event(client):
    meeting = MeetingFactory(
        title_en="Workshop on inspection </script><b>",
        start_date=datetime.date(2026, 5, 13),
        end_date=datetime.date(2026, 5, 14),
        venue="OAS Main Building",
        is_online=True,
    )
    (event,) = structured_data(client.get(meeting.get_absolute_url()))
    assert event["@type"] == "Event"
    assert event["name"] == "Workshop on inspection </script><b>"
    assert (event["startDate"], event["endDate"]) == ("2026-05-13", "2026-05-14")
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, online = event["location"]
    assert place["address"]["addressCountry"] == meeting.host_state.iso_code
    assert online == {
        "@type": "VirtualLocation",
        "url": f"http://testserver{meeting.get_absolute_url()}",
    }


def test_an_imprecise_or_cancelled_meeting_says_what_is_known(client):
    meeting = MeetingFactory(
        status=MeetingStatus.CANCELLED,
        date_precision=DatePrecision.MONTH,
        start_date=datetime.date(2006, 4, 1),
        end_date=None,
    )
    (event,) = structured_data(client.get(meeting.get_absolute_url()))
    assert event["startDate"] == "2006-04"
    assert "endDate" not in event
    assert event["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_restricted_meeting_has_no_markup_even_for_those_who_see_it(client):
    meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    client.force_login(FocalPointFactory())
    assert structured_data(client.get(meeting.get_absolute_url())) == []


def test_a_published_program_is_a_government_service(client):
    program = ProgramFactory(title_en="Labor inspection in the field")
    (service,) = structured_data(client.get(program.get_absolute_url()))
    assert service["@type"] == "GovernmentService"
    assert service["name"] == "Labor inspection in the field"
    assert service["provider"]["name"] == program.owner.name
    assert service["areaServed"]["name"] == program.owner.member_state.name


@pytest.mark.parametrize("status", [ProgramStatus.DRAFT, ProgramStatus.ARCHIVED])
def test_an_unpublished_program_has_no_markup(client, status):
    program = ProgramFactory(status=status)
    client.force_login(FocalPointFactory(institution=program.owner))
    assert structured_data(client.get(program.get_absolute_url())) == []


def test_a_public_meeting_document_is_a_report_with_a_version_per_language(client):
    meeting = MeetingFactory()
    document = DocumentFactory(
        meeting=meeting,
        kind=DocumentKind.REPORT,
        title_en="Report on the state of the Fund",
        published_on=datetime.date(2015, 4, 20),
    )
    DocumentFileFactory(document=document, language="es")
    DocumentFileFactory(document=document, language="en")
    restricted = DocumentFactory(meeting=meeting, visibility=Visibility.DELEGATES)
    DocumentFileFactory(document=restricted)

    event, report = structured_data(client.get(meeting.get_absolute_url()))
    listed = structured_data(client.get(reverse("meetings:document_list")))

    assert event["@type"] == "Event"
    assert listed == [report]
    assert report["@type"] == "Report"
    assert report["name"] == "Report on the state of the Fund"
    assert report["identifier"] == document.symbol
    assert report["datePublished"] == "2015-04-20"
    assert report["url"] == f"http://testserver{meeting.get_absolute_url()}#document-{document.pk}"
    assert report["publisher"]["name"] == "Organization of American States"
    assert report["recordedAt"]["url"] == f"http://testserver{meeting.get_absolute_url()}"
    assert report["inLanguage"] == ["en", "es"]
    assert [(media["inLanguage"], media["encodingFormat"]) for media in report["encoding"]] == [
        ("en", "application/pdf"),
        ("es", "application/pdf"),
    ]
    download = urlsplit(report["encoding"][1]["contentUrl"])
    assert download.netloc == "testserver"
    assert client.get(download.path).status_code == 200


def test_documents_of_a_restricted_meeting_have_no_markup_even_for_staff(client):
    meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    DocumentFileFactory(document=DocumentFactory(meeting=meeting))
    client.force_login(FocalPointFactory())

    assert structured_data(client.get(meeting.get_absolute_url())) == []
    assert structured_data(client.get(reverse("meetings:document_list"))) == []


def test_a_published_library_item_is_a_creative_work_with_its_authors_and_versions(client):
    item = LibraryItemFactory(
        language="es",
        title_es="Estudio sobre la inspección del trabajo",
        title_en="Study on labor inspection",
        abstract_es="Lo que aprendió la red.",
        date_precision=LibraryDatePrecision.MONTH,
        published_on=datetime.date(2015, 4, 1),
        identifier="CIMT-18/GT1-GT2/doc.6/15",
        licence=Licence.CC_BY,
    )
    AuthorshipFactory(item=item, family_name="Pérez", given_names="Ana")
    AuthorshipFactory(item=item, family_name="", given_names="", institution=item.owner)
    LibraryFileFactory(item=item, language="es")
    LibraryFileFactory(item=item, language="pt")

    (work,) = structured_data(client.get(item.get_absolute_url()))

    assert work["@type"] == "CreativeWork"
    assert work["name"] == "Estudio sobre la inspección del trabajo"
    assert work["abstract"] == "Lo que aprendió la red."
    assert work["datePublished"] == "2015-04"
    assert work["identifier"] == "CIMT-18/GT1-GT2/doc.6/15"
    assert work["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert work["publisher"] == {"@type": "Organization", "name": item.owner.name}
    assert work["author"] == [
        {"@type": "Person", "name": "Ana Pérez"},
        {"@type": "Organization", "name": item.owner.name},
    ]
    assert work["inLanguage"] == ["es", "pt"]
    assert [media["contentUrl"] for media in work["encoding"]] == [
        f"http://testserver{reverse('library:file_download', args=[item.slug, code])}"
        for code in ("es", "pt")
    ]


def test_a_library_report_is_a_report(client):
    item = LibraryItemFactory(kind=LibraryItemKind.REPORT)

    (work,) = structured_data(client.get(item.get_absolute_url()))

    assert work["@type"] == "Report"
    assert work["datePublished"] == "2015"
    assert work["inLanguage"] == ["en"]
    assert "encoding" not in work


@pytest.mark.parametrize("status", [ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.RETURNED])
def test_an_unpublished_library_item_has_no_markup(client, status):
    item = LibraryItemFactory(status=status, published_at=None)
    LibraryFileFactory(item=item)
    client.force_login(FocalPointFactory(institution=item.owner))

    assert structured_data(client.get(item.get_absolute_url())) == []
