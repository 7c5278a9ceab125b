"""iCalendar feeds: they parse, hold one event per dated meeting, and keep
each meeting in its own time zone across daylight saving changes."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.enums import DatePrecision, MeetingStatus, Visibility
from tests.meetings.factories import MeetingFactory
from tests.meetings.roles import make_user, sign_in

pytestmark = pytest.mark.django_db

FEED_URL = reverse("meetings:calendar_feed")
UTC = datetime.UTC


def feed(client, url=FEED_URL):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_feed_has_one_event_per_dated_meeting(client):
    dated = [MeetingFactory(title_en=f"Dated {n}") for n in range(3)]
    MeetingFactory(title_en="Month only", date_precision=DatePrecision.MONTH)
    MeetingFactory(title_en="Semester only", date_precision=DatePrecision.SEMESTER)
    MeetingFactory(title_en="Undefined", date_precision=DatePrecision.UNDEFINED)

    calendar = feed(client)

    assert sorted(events(calendar)) == sorted(meeting.title for meeting in dated)
    assert len(calendar.walk("VEVENT")) == 3
    assert str(calendar["version"]) == "2.0"
    assert calendar["prodid"]


def test_a_timed_event_carries_the_meeting_time_zone(client):
    meeting = MeetingFactory(
        title_en="WG2 meeting",
        time_zone="America/Bogota",
        start_date=datetime.date(2030, 4, 29),
        end_date=datetime.date(2030, 4, 30),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(18, 0),
        city="Cartagena",
        venue="Convention centre",
    )

    response = client.get(FEED_URL)
    event = events(Calendar.from_ical(response.content))["WG2 meeting"]

    text = response.content.decode()
    assert "DTSTART;TZID=America/Bogota:20300429T090000" in text
    assert "DTEND;TZID=America/Bogota:20300430T180000" in text
    assert "BEGIN:VTIMEZONE" in text
    assert "TZID:America/Bogota" in text
    assert event.decoded("dtstart") == meeting.starts_at()
    assert event.decoded("dtend") == meeting.ends_at()
    assert "Cartagena" in str(event["location"])
    assert "Convention centre" in str(event["location"])
    assert str(event["url"]).endswith(meeting.get_absolute_url())
    assert str(event["status"]) == "CONFIRMED"
    assert event.decoded("dtstamp").tzinfo is not None


def test_a_meeting_without_hours_is_an_all_day_event_ending_the_day_after(client):
    MeetingFactory(
        title_en="All day",
        start_date=datetime.date(2030, 5, 13),
        end_date=datetime.date(2030, 5, 14),
    )

    response = client.get(FEED_URL)
    event = events(Calendar.from_ical(response.content))["All day"]

    assert "DTSTART;VALUE=DATE:20300513" in response.content.decode()
    assert event.decoded("dtstart") == datetime.date(2030, 5, 13)
    assert event.decoded("dtend") == datetime.date(2030, 5, 15)
    assert "BEGIN:VTIMEZONE" not in response.content.decode()


def test_meetings_keep_their_local_hour_across_a_daylight_saving_change(client):
    """09:00 in New York is 14:00 UTC before the change to summer time (on
    March 10, 2030) and 13:00 UTC after it."""
    for title, day in (
        ("Before", datetime.date(2030, 3, 5)),
        ("After", datetime.date(2030, 3, 12)),
    ):
        MeetingFactory(
            title_en=title,
            time_zone="America/New_York",
            start_date=day,
            end_date=day,
            start_time=datetime.time(9, 0),
            end_time=datetime.time(12, 0),
        )

    found = events(feed(client))

    before = found["Before"].decoded("dtstart")
    after = found["After"].decoded("dtstart")
    assert (before.hour, after.hour) == (9, 9)
    assert before.astimezone(UTC) == datetime.datetime(2030, 3, 5, 14, 0, tzinfo=UTC)
    assert after.astimezone(UTC) == datetime.datetime(2030, 3, 12, 13, 0, tzinfo=UTC)


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled(client):
    MeetingFactory(title_en="Called off", status=MeetingStatus.CANCELLED)
    MeetingFactory(title_en="Maybe", status=MeetingStatus.PROPOSED)

    found = events(feed(client))

    assert str(found["Called off"]["status"]) == "CANCELLED"
    assert str(found["Maybe"]["status"]) == "TENTATIVE"


def test_the_uid_of_an_event_is_stable(client, settings):
    settings.SITE_URL = "https://rial.example.org"
    meeting = MeetingFactory()

    first = feed(client).walk("VEVENT")[0]["uid"]
    meeting.save()
    second = feed(client).walk("VEVENT")[0]["uid"]

    assert first == second == f"meeting-{meeting.pk}@rial.example.org"


@pytest.mark.parametrize("role", ["visitor", "signed_in", "delegate", "staff"])
def test_feed_holds_restricted_meetings_only_for_those_who_may_see_them(client, role):
    MeetingFactory(title_en="Public")
    restricted = MeetingFactory(title_en="Restricted", visibility=Visibility.DELEGATES)
    sign_in(client, make_user(role, restricted))

    found = events(feed(client))

    assert ("Restricted" in found) == (role in ("focal_point", "delegate", "staff"))


def test_an_empty_feed_still_parses(client):
    calendar = feed(client)

    assert calendar.walk("VEVENT") == []


def test_meeting_feed_has_its_one_event(client):
    meeting = MeetingFactory(title_en="Only me")
    MeetingFactory(title_en="Not me")

    response = client.get(reverse("meetings:meeting_calendar", args=[meeting.slug]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="{meeting.slug}.ics"' in response["Content-Disposition"]
    assert list(events(Calendar.from_ical(response.content))) == ["Only me"]


def test_meeting_feed_of_an_undated_meeting_is_404(client):
    meeting = MeetingFactory(date_precision=DatePrecision.SEMESTER)

    assert client.get(reverse("meetings:meeting_calendar", args=[meeting.slug])).status_code == 404


@pytest.mark.parametrize("role", ["visitor", "signed_in"])
def test_meeting_feed_of_a_restricted_meeting_is_404_for_who_may_not_see_it(client, role):
    meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    sign_in(client, make_user(role, meeting))

    assert client.get(reverse("meetings:meeting_calendar", args=[meeting.slug])).status_code == 404


def test_meeting_feed_of_an_unknown_meeting_is_404(client):
    assert client.get("/meetings/no-such-meeting/calendar.ics").status_code == 404


def test_feed_escapes_what_the_title_holds(client):
    MeetingFactory(title_en="Labor; rights, and: gender\nequality")

    calendar = feed(client)

    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [
        "Labor; rights, and: gender\nequality"
    ]
