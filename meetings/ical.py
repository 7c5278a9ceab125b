"""iCalendar (RFC 5545) feeds of meetings, for calendar programs.

Events carry the meeting's own time zone (with its VTIMEZONE), so that a
meeting at 09:00 in Washington stays at 09:00 in Washington across daylight
saving changes, wherever the subscriber lives."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vUri

from .enums import MeetingStatus

PRODUCT_ID = "-//OAS Technical Secretariat//RIAL meetings//EN"

EVENT_STATUS = {
    MeetingStatus.PROPOSED: "TENTATIVE",
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def meeting_uid(meeting):
    """Stable across feeds and fetches, so calendar programs update the event
    instead of adding a copy."""
    return f"meeting-{meeting.pk}@{urlsplit(settings.SITE_URL).hostname}"


def meeting_event(meeting, *, join_url=""):
    """The VEVENT of a dated meeting: timed in its time zone when its daily
    hours are known, otherwise all-day (DTEND is the day after the last).
    ``join_url``, the online link, goes only into an approved participant's
    own calendar (``participant_calendar``), never into a feed."""
    event = Event()
    event.add("uid", meeting_uid(meeting))
    # The time the information last changed, not the time of the download:
    # calendar programs compare it to decide whether to refresh the event.
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("summary", meeting.title)
    if meeting.start_time:
        event.add("dtstart", meeting.starts_at())
        event.add("dtend", meeting.ends_at())
    else:
        event.add("dtstart", meeting.start_date)
        event.add("dtend", meeting.last_day + datetime.timedelta(days=1))
    event.add(
        "location", ", ".join(part for part in (meeting.venue, meeting.place_display()) if part)
    )
    event.add("url", settings.SITE_URL + meeting.get_absolute_url())
    event.add("status", EVENT_STATUS[meeting.status])
    join = _("Join online: %(url)s") % {"url": join_url} if join_url else ""
    description = "\n\n".join(
        part
        for part in (join, meeting.description, settings.SITE_URL + meeting.get_absolute_url())
        if part
    )
    event.add("description", description)
    if join_url:
        # RFC 7986: calendar programs offer a "join" button for it.
        event.add("conference", vUri(join_url), parameters={"value": "URI", "feature": "VIDEO"})
    return event


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _with_time_zones(calendar, dated):
    """The calendar as iCalendar text, with the time zones its events use."""
    if dated:
        # Time zone rules only for the years the events need: the default
        # (1970 to 2038) makes every feed hundreds of lines longer.
        first = min(meeting.start_date for meeting in dated)
        last = max(meeting.last_day for meeting in dated)
        calendar.add_missing_timezones(
            first_date=datetime.date(first.year, 1, 1),
            last_date=datetime.date(last.year + 1, 12, 31),
        )
    return calendar.to_ical()


def meetings_calendar(meetings, *, name):
    """A calendar holding one event per dated meeting of ``meetings``, with
    the time zones they use. No online link: feeds are public."""
    dated = [meeting for meeting in meetings if meeting.is_dated]
    calendar = _calendar(name)
    for meeting in dated:
        calendar.add_component(meeting_event(meeting))
    return _with_time_zones(calendar, dated)


def participant_calendar(registration, *, join_url):
    """The registrant's own event for their (dated) meeting; with the
    online link if ``join_url`` (the caller decides who may have it)."""
    meeting = registration.meeting
    calendar = _calendar(meeting.title)
    calendar.add_component(meeting_event(meeting, join_url=join_url))
    return _with_time_zones(calendar, [meeting])
