"""The meetings' and cooperation's content in the newsletter: meetings with
open registration, open calls for proposals, new results of cooperation."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from cooperation.enums import RequestStatus
from meetings.enums import Visibility
from network.models import ActivityLog
from newsletter import services, sources
from newsletter.enums import IssueStatus
from newsletter.models import Issue
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import SecretariatStaffFactory
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
