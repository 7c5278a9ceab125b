"""schema.org markup on the public pages ({% structured_data %}): a public
meeting is an Event, a published program a GovernmentService; a restricted
meeting and an unpublished program say nothing to search engines."""

import datetime
import json
import re

import pytest

from meetings.enums import DatePrecision, MeetingStatus, Visibility
from portfolio.enums import ProgramStatus
from tests.factories import FocalPointFactory
from tests.meetings.factories import MeetingFactory
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
