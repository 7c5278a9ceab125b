"""The meetings', cooperation's and library's content in the newsletter:
meetings with open registration, open calls for proposals, new results of
cooperation, new publications."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from cooperation.enums import RequestStatus
from core.models import ActivityLog
from library.enums import ItemStatus as LibraryItemStatus
from meetings.enums import Visibility
from newsletter import services, sources
from newsletter.enums import IssueStatus
from newsletter.models import Issue
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import SecretariatStaffFactory, TopicFactory
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def staff(settings):
    # A fund that needs no call for contributions, to keep it out of the issues.
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("0")
    return SecretariatStaffFactory()


def proposed(issue):
    return [(item.kind, item.content) for item in issue.items.all()]


def closed_request(at):
    request = RequestFactory(status=RequestStatus.CLOSED, summary="Mediators trained.")
    ActivityLog.objects.create(
        content_object=request,
        action="close",
        from_state=RequestStatus.REPORTED,
        to_state=RequestStatus.CLOSED,
        created_at=at,
    )
    return request


def test_an_issue_proposes_open_meetings_open_calls_and_new_results(staff):
    now = timezone.now()
    meeting = MeetingFactory()
    MeetingFactory(visibility=Visibility.DELEGATES)
    MeetingFactory(registration_opens_at=now + DAY, registration_closes_at=now + 9 * DAY)
    call = CallFactory()
    CallFactory(opens_at=now - 30 * DAY, closes_at=now - DAY)
    result = closed_request(at=now - DAY)
    closed_request(at=now - 60 * DAY)
    RequestFactory(status=RequestStatus.UNDER_REVIEW)

    issue = services.issue_create(issue=Issue(), user=staff)

    assert proposed(issue) == [
        ("meeting", meeting),
        ("call", call),
        ("cooperation_result", result),
    ]


def test_a_meeting_in_a_sent_issue_is_not_proposed_again(staff):
    MeetingFactory()
    previous = services.issue_create(issue=Issue(), user=staff)
    Issue.objects.filter(pk=previous.pk).update(
        status=IssueStatus.SENT, sending_started_at=timezone.now()
    )

    assert proposed(services.issue_create(issue=Issue(), user=staff)) == []


def test_the_entries_say_what_readers_need():
    meeting = MeetingFactory(title_en="Labor inspection workshop", city="Lima")
    call = CallFactory(title_en="11th call")
    result = closed_request(at=timezone.now())

    meeting_entry = sources.meeting_entry(meeting, "en")
    call_entry = sources.call_entry(call, "en")
    result_entry = sources.result_entry(result, "en")

    assert meeting_entry.title == "Labor inspection workshop"
    assert "Lima" in meeting_entry.text
    assert "Registration is open until" in meeting_entry.text
    assert meeting_entry.url.endswith(meeting.get_absolute_url())
    assert call_entry.text.startswith("Proposals until")
    assert result_entry.text == "Mediators trained."
    assert str(result.provider) in result_entry.byline


def test_content_that_is_no_longer_public_leaves_the_issue():
    meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    closed_call = CallFactory(opens_at=timezone.now() - 9 * DAY, closes_at=timezone.now() - DAY)
    ongoing = RequestFactory(status=RequestStatus.APPROVED)

    assert sources.meeting_entry(meeting, "en") is None
    assert sources.call_entry(closed_call, "en") is None
    assert sources.result_entry(ongoing, "en") is None


def test_an_issue_proposes_library_items_published_since_the_last_one(staff):
    now = timezone.now()
    previous = services.issue_create(issue=Issue(), user=staff)
    Issue.objects.filter(pk=previous.pk).update(
        status=IssueStatus.SENT, compiled_at=now - 10 * DAY, sending_started_at=now - 10 * DAY
    )
    LibraryItemFactory(published_at=now - 11 * DAY)  # in the previous issue's time
    newer = LibraryItemFactory(published_at=now - 2 * DAY)
    older = LibraryItemFactory(published_at=now - 5 * DAY)
    LibraryItemFactory(status=LibraryItemStatus.SUBMITTED, published_at=None)

    issue = services.issue_create(issue=Issue(), user=staff)

    assert proposed(issue) == [("library_item", older), ("library_item", newer)]


def test_a_library_entry_says_what_readers_need_in_their_language():
    topic = TopicFactory()
    item = LibraryItemFactory(
        language="es",
        title_en="Labor Panorama 2003",
        title_es="Panorama Laboral 2003",
        abstract_en="",
        abstract_es="Las cifras del empleo.",
        kind="publication",
        published_on=datetime.date(2003, 1, 1),
    )
    item.topics.set([topic])

    with translation.override("en"):
        english = sources.library_entry(item, "en")
    with translation.override("es"):
        spanish = sources.library_entry(item, "es")

    assert (english.title, english.text) == (
        "Labor Panorama 2003",
        "Publication, 2003. Las cifras del empleo.",
    )
    assert (spanish.title, spanish.text) == (
        "Panorama Laboral 2003",
        "Publicación, 2003. Las cifras del empleo.",
    )
    assert english.url.endswith(item.get_absolute_url())
    assert english.byline == str(item.owner)
    assert english.topic_ids == frozenset([topic.pk])


def test_a_library_item_no_longer_published_leaves_the_issue():
    returned = LibraryItemFactory(status=LibraryItemStatus.RETURNED)

    assert sources.library_entry(returned, "en") is None
    assert sources.library_entry(None, "en") is None
