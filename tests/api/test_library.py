"""The Library in the API: an item with what it links to that a visitor
may see, and nothing else."""

import pytest

from cooperation.enums import RequestStatus
from meetings.enums import Visibility
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import RequestFactory
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import DocumentFactory, MeetingFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_an_item_links_only_what_a_visitor_may_see(api):
    closed = MeetingFactory(title_en="Closed session", visibility=Visibility.DELEGATES)
    item = LibraryItemFactory(meeting=closed)
    program = ProgramFactory()
    item.programs.set([program, ProgramFactory(status=ProgramStatus.DRAFT)])
    activity = RequestFactory(status=RequestStatus.APPROVED)
    item.cooperation_activities.set([activity, RequestFactory()])
    document = DocumentFactory()
    item.meeting_documents.set(
        [
            document,
            DocumentFactory(visibility=Visibility.DELEGATES),
            DocumentFactory(meeting=closed),
        ]
    )

    data = api("library-item-detail", {"slug": item.slug}).json()

    assert data["meeting"] is None
    assert [program["slug"] for program in data["programs"]] == [program.slug]
    assert [activity["reference"] for activity in data["cooperation_activities"]] == [
        activity.reference
    ]
    assert [document["id"] for document in data["meeting_documents"]] == [document.pk]


def test_an_item_from_a_public_meeting_names_it(api):
    meeting = MeetingFactory()
    item = LibraryItemFactory(meeting=meeting)

    data = api("library-item-detail", {"slug": item.slug}).json()

    assert data["meeting"]["slug"] == meeting.slug
