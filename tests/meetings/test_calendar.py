"""/meetings/: upcoming and past meetings, their filters, the timeline by
month, and the meetings' sections of the directory's pages."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from meetings import selectors
from meetings.enums import DatePrecision, MeetingKind, MeetingStatus, MonthPart, Visibility
from meetings.models import Meeting
from tests.factories import ConferenceFactory, MemberStateFactory, TopicFactory, WorkingGroupFactory
from tests.meetings.factories import MeetingFactory
from tests.meetings.roles import ROLES, make_user, sign_in

pytestmark = pytest.mark.django_db

LIST_URL = reverse("meetings:meeting_list")
TIMELINE_URL = reverse("meetings:meeting_timeline")


def titles(response):
    return [meeting.title for meeting in response.context["page"]]


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_upcoming_meetings_come_in_calendar_order_with_their_dates_as_known(client):
    year = timezone.localdate().year + 2
    MeetingFactory(title_en="To be defined", date_precision=DatePrecision.UNDEFINED)
    MeetingFactory(
        title_en="Second semester",
        date_precision=DatePrecision.SEMESTER,
        start_date=datetime.date(year, 9, 1),
    )
    MeetingFactory(
        title_en="Exact days",
        start_date=datetime.date(year, 4, 10),
        end_date=datetime.date(year, 4, 11),
    )
    MeetingFactory(
        title_en="Beginning of April",
        date_precision=DatePrecision.MONTH,
        month_part=MonthPart.BEGINNING,
        start_date=datetime.date(year, 4, 20),
    )

    upcoming = client.get(LIST_URL)
    planned = client.get(LIST_URL, {"when": "planned"})

    assert titles(upcoming) == ["Exact days"]
    assert f"April 10–11, {year}" in upcoming.content.decode()
    assert "3 more meetings are planned, their days not set yet." in upcoming.content.decode()
    assert titles(planned) == ["Beginning of April", "Second semester", "To be defined"]
    html = planned.content.decode()
    assert f"beginning of April {year}" in html
    assert f"second semester of {year}" in html
    assert 'aria-current="page" href="?when=planned"' in html


def test_a_meeting_planned_for_a_period_not_over_is_planned_not_past(client):
    today = datetime.date(2026, 12, 7)
    this_semester = MeetingFactory(
        title_en="This semester",
        date_precision=DatePrecision.SEMESTER,
        start_date=datetime.date(2026, 7, 1),
    )
    last_year = MeetingFactory(
        title_en="Last year",
        date_precision=DatePrecision.YEAR,
        start_date=datetime.date(2025, 1, 1),
    )
    undefined = MeetingFactory(title_en="2005 plan", date_precision=DatePrecision.UNDEFINED)
    cancelled = MeetingFactory(
        date_precision=DatePrecision.UNDEFINED, status=MeetingStatus.CANCELLED
    )

    planned = set(Meeting.objects.planned(today))
    past = set(Meeting.objects.past(today))

    assert planned == {this_semester, undefined}
    assert this_semester not in past
    assert last_year in past
    assert cancelled not in planned


def test_meetings_open_for_registration_are_marked_with_their_deadline(client):
    closes = timezone.now() + datetime.timedelta(days=10)
    MeetingFactory(title_en="Open", registration_closes_at=closes, time_zone="America/Bogota")
    MeetingFactory(
        title_en="No registration", registration_opens_at=None, registration_closes_at=None
    )

    html = client.get(LIST_URL).content.decode()

    assert html.count("Open for registration") == 1
    open_card = html[html.index(">Open</a>") : html.index(">No registration</a>")]
    until = date_format(timezone.localtime(closes, ZoneInfo("America/Bogota")), "DATETIME_FORMAT")
    assert f"until {until} (America/Bogota)" in open_card


def test_past_meetings_are_on_their_own_tab_the_latest_first(client):
    MeetingFactory(title_en="Next month")
    MeetingFactory(
        title_en="Last year",
        status=MeetingStatus.HELD,
        start_date=days_from_today(-400),
        end_date=days_from_today(-399),
    )
    MeetingFactory(
        title_en="Last month",
        status=MeetingStatus.HELD,
        start_date=days_from_today(-30),
        end_date=days_from_today(-29),
    )

    assert titles(client.get(LIST_URL)) == ["Next month"]
    assert titles(client.get(LIST_URL, {"when": "past"})) == ["Last month", "Last year"]


def test_a_meeting_still_going_on_is_upcoming(client):
    MeetingFactory(title_en="Today's", start_date=days_from_today(-1), end_date=days_from_today(1))

    assert titles(client.get(LIST_URL)) == ["Today's"]
    assert titles(client.get(LIST_URL, {"when": "past"})) == []


def test_calendar_filters_by_kind_host_state_working_group_topic_and_year(client):
    state = MemberStateFactory()
    group = WorkingGroupFactory()
    topic = TopicFactory()
    year = timezone.localdate().year + 1
    MeetingFactory(title_en="Seminar", kind=MeetingKind.SEMINAR)
    MeetingFactory(title_en="Hosted", host_state=state)
    MeetingFactory(title_en="Of the group").working_groups.add(group)
    MeetingFactory(title_en="On the topic").topics.add(topic)
    MeetingFactory(
        title_en="Next year",
        date_precision=DatePrecision.SEMESTER,
        start_date=datetime.date(year, 2, 1),
    )

    assert titles(client.get(LIST_URL, {"kind": MeetingKind.SEMINAR})) == ["Seminar"]
    assert titles(client.get(LIST_URL, {"host_state": state.iso_code})) == ["Hosted"]
    assert titles(client.get(LIST_URL, {"working_group": group.pk})) == ["Of the group"]
    assert titles(client.get(LIST_URL, {"topic": topic.slug})) == ["On the topic"]
    assert titles(client.get(LIST_URL, {"year": year, "when": "planned"})) == ["Next year"]
    assert "Next year" not in titles(client.get(LIST_URL, {"year": year + 1}))


def test_year_filter_keeps_a_meeting_that_runs_into_the_year(client):
    year = timezone.localdate().year + 3
    MeetingFactory(
        title_en="Over new year",
        start_date=datetime.date(year - 1, 12, 30),
        end_date=datetime.date(year, 1, 2),
    )

    assert titles(client.get(LIST_URL, {"year": year})) == ["Over new year"]
    assert titles(client.get(LIST_URL, {"year": year - 1})) == ["Over new year"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "banquet"},
        {"host_state": "ZZ"},
        {"working_group": "abc"},
        {"working_group": "999999"},
        {"topic": "no-such-topic"},
        {"year": "abc"},
        {"year": "99999999"},
        {"year": "2006.5"},
        {"when": "tomorrow"},
        {"page": "last"},
        {"page": "-3"},
    ],
)
def test_calendar_ignores_values_it_does_not_know(client, params):
    MeetingFactory(title_en="Listed")

    response = client.get(LIST_URL, params)

    assert response.status_code == 200
    assert titles(response) == ["Listed"]


@pytest.mark.parametrize("role", ROLES)
def test_restricted_meetings_are_listed_only_to_those_who_may_see_them(client, role):
    MeetingFactory(title_en="Public")
    restricted = MeetingFactory(title_en="Restricted", visibility=Visibility.DELEGATES)
    sign_in(client, make_user(role, restricted))

    listed = titles(client.get(LIST_URL))

    if role in ("focal_point", "delegate", "staff"):
        assert listed == ["Public", "Restricted"]
    else:
        assert listed == ["Public"]


@pytest.mark.parametrize("role", ROLES)
def test_a_reader_s_audience_names_the_meetings_they_may_see(role):
    """The meetings list is kept per audience (selectors.meetings_audience):
    readers of one audience must see the same meetings (visible_to)."""
    public = MeetingFactory()
    restricted = MeetingFactory(visibility=Visibility.DELEGATES)
    MeetingFactory(visibility=Visibility.DELEGATES)
    user = make_user(role, restricted)

    audience = selectors.meetings_audience(user)

    visible = set(Meeting.objects.visible_to(user))
    if audience == "all":
        assert visible == set(Meeting.objects.all())
    else:
        assert visible == {public, *Meeting.objects.filter(pk__in=audience)}
    assert audience == {"focal_point": "all", "staff": "all", "delegate": (restricted.pk,)}.get(
        role, ()
    )


def _meetings(count):
    for _ in range(count):
        meeting = MeetingFactory(conference=ConferenceFactory())
        meeting.working_groups.add(WorkingGroupFactory(), WorkingGroupFactory())
        MeetingFactory(
            status=MeetingStatus.HELD,
            start_date=days_from_today(-40),
            end_date=days_from_today(-39),
        )
        planned = MeetingFactory(
            conference=ConferenceFactory(), date_precision=DatePrecision.UNDEFINED
        )
        planned.working_groups.add(WorkingGroupFactory())


@pytest.mark.parametrize(
    "params", [{}, {"when": "past"}, {"when": "planned"}, {"kind": MeetingKind.WORKSHOP}]
)
def test_calendar_runs_a_fixed_number_of_queries(count_queries, params):
    from urllib.parse import urlencode

    url = f"{LIST_URL}?{urlencode(params)}"
    _meetings(2)
    small = count_queries(url)

    _meetings(6)

    assert count_queries(url) == small


def test_calendar_offers_the_timeline_documents_and_feed(client):
    html = client.get(LIST_URL).content.decode()

    assert reverse("meetings:meeting_timeline") in html
    assert reverse("meetings:document_list") in html
    assert reverse("meetings:calendar_feed") in html


def test_main_navigation_links_to_the_meetings(client):
    html = client.get(reverse("home")).content.decode()

    assert f'href="{LIST_URL}"' in html


# Timeline ---------------------------------------------------------------------


@pytest.fixture
def cycle():
    """A planning cycle as the 2006-2007 timeline had it."""
    conference = ConferenceFactory(number=14, year=2005)
    MeetingFactory(
        title_en="Seminar on social dialogue",
        conference=conference,
        status=MeetingStatus.HELD,
        start_date=datetime.date(2006, 3, 23),
        end_date=datetime.date(2006, 3, 24),
    )
    MeetingFactory(
        title_en="WGs Meeting 2006",
        conference=conference,
        date_precision=DatePrecision.MONTH,
        month_part=MonthPart.BEGINNING,
        start_date=datetime.date(2006, 4, 1),
    )
    MeetingFactory(
        title_en="Seminar on employment services",
        conference=conference,
        date_precision=DatePrecision.SEMESTER,
        start_date=datetime.date(2006, 7, 1),
    )
    MeetingFactory(
        title_en="Workshop on social protection",
        conference=conference,
        date_precision=DatePrecision.UNDEFINED,
        date_note="To be defined in WGs meeting in April, 2006",
    )
    MeetingFactory(
        title_en="XV IACML",
        conference=conference,
        date_precision=DatePrecision.MONTH,
        start_date=datetime.date(2007, 9, 1),
    )
    MeetingFactory(title_en="Of another cycle", start_date=datetime.date(2006, 5, 3))
    return conference


def test_timeline_of_a_cycle_places_each_meeting_in_its_months(client, cycle):
    response = client.get(TIMELINE_URL, {"conference": cycle.number})

    timeline = response.context["timeline"]
    assert timeline.years == [2006, 2007]
    assert len(timeline.months) == 24
    rows = {
        row.meeting.title: (row.before, row.span, row.after, row.label) for row in timeline.rows
    }
    assert rows == {
        "Seminar on social dialogue": (2, 1, 21, "23–24"),
        "WGs Meeting 2006": (3, 1, 20, "beginning"),
        "Seminar on employment services": (6, 6, 12, "second semester of 2006"),
        "XV IACML": (20, 1, 3, ""),
    }
    assert [meeting.title for meeting in timeline.undefined] == ["Workshop on social protection"]
    html = response.content.decode()
    assert 'colspan="6"' in html
    assert "To be defined in WGs meeting in April, 2006" in html
    assert "Of another cycle" not in html


def test_timeline_by_years_shows_the_meetings_that_may_fall_in_them(client, cycle):
    response = client.get(TIMELINE_URL, {"start": 2007, "end": 2007})

    timeline = response.context["timeline"]
    assert [row.meeting.title for row in timeline.rows] == ["XV IACML"]
    assert timeline.undefined == []


def test_timeline_clips_a_meeting_to_the_years_shown(client):
    MeetingFactory(
        title_en="A whole year",
        date_precision=DatePrecision.YEAR,
        start_date=datetime.date(2010, 5, 5),
    )
    MeetingFactory(
        title_en="A semester",
        date_precision=DatePrecision.SEMESTER,
        start_date=datetime.date(2010, 8, 1),
    )

    timeline = client.get(TIMELINE_URL, {"start": 2010, "end": 2011}).context["timeline"]

    rows = {row.meeting.title: (row.before, row.span, row.after) for row in timeline.rows}
    assert rows == {"A whole year": (0, 12, 12), "A semester": (6, 6, 12)}
    assert client.get(TIMELINE_URL, {"start": 2011, "end": 2011}).context["timeline"].rows == []


def test_timeline_shows_this_year_and_the_next_by_default(client):
    year = timezone.localdate().year
    MeetingFactory(title_en="Soon")

    timeline = client.get(TIMELINE_URL).context["timeline"]

    assert timeline.years == [year, year + 1]
    assert [row.meeting.title for row in timeline.rows] == ["Soon"]


@pytest.mark.parametrize(
    "params",
    [
        {"conference": "999"},
        {"conference": "abc"},
        {"start": "abc"},
        {"start": "2007", "end": "2006"},
        {"start": "1000", "end": "9999"},
        {"start": "2000", "end": "2030"},
        {"end": "2006"},
    ],
)
def test_timeline_answers_bad_periods_with_a_default_table(client, params):
    response = client.get(TIMELINE_URL, params)

    assert response.status_code == 200
    assert 1 <= len(response.context["timeline"].years) <= 4


def test_timeline_hides_restricted_meetings_from_visitors(client, cycle):
    MeetingFactory(
        title_en="Closed-door meeting",
        conference=cycle,
        visibility=Visibility.DELEGATES,
        start_date=datetime.date(2006, 6, 1),
    )

    html = client.get(TIMELINE_URL, {"conference": cycle.number}).content.decode()

    assert "Closed-door meeting" not in html


# Sections of the directory ---------------------------------------------------


def test_member_state_page_lists_the_meetings_it_hosts_upcoming_first(client):
    state = MemberStateFactory()
    MeetingFactory(
        title_en="Held here",
        host_state=state,
        status=MeetingStatus.HELD,
        start_date=days_from_today(-100),
        end_date=days_from_today(-99),
    )
    MeetingFactory(title_en="Coming here", host_state=state)
    MeetingFactory(title_en="Restricted here", host_state=state, visibility=Visibility.DELEGATES)
    MeetingFactory(title_en="Elsewhere")

    html = client.get(state.get_absolute_url()).content.decode()

    assert html.index("Coming here") < html.index("Held here")
    assert "Restricted here" not in html
    assert "Elsewhere" not in html
    assert f"?host_state={state.iso_code}" in html


def test_member_state_page_lists_meetings_without_days_as_planned_not_upcoming(client):
    state = MemberStateFactory()
    MeetingFactory(title_en="Coming here", host_state=state)
    MeetingFactory(title_en="Days to be defined", host_state=state, start_date=None, end_date=None)

    html = client.get(state.get_absolute_url()).content.decode()

    upcoming, planned = html.index("Upcoming"), html.index("Planned, dates to be set")
    assert upcoming < html.index("Coming here") < planned < html.index("Days to be defined")


def test_topic_page_lists_the_meetings_on_the_topic(client):
    topic = TopicFactory()
    MeetingFactory(title_en="On the topic").topics.add(topic)
    MeetingFactory(title_en="Off the topic")

    html = client.get(topic.get_absolute_url()).content.decode()

    assert "On the topic" in html
    assert "Off the topic" not in html


def test_a_member_state_without_meetings_shows_no_meetings_section(client):
    state = MemberStateFactory()

    html = client.get(state.get_absolute_url()).content.decode()

    assert "meetings-hosted-heading" not in html


def _home_meetings(response):
    (meetings,) = [
        section["meetings"]
        for template_name, section in response.context["sections"]
        if template_name == "meetings/_section_home.html"
    ]
    return [meeting.title for meeting in meetings]


def test_home_shows_the_next_dated_meetings_those_open_for_registration_marked(client):
    def on(days, **fields):
        return {"start_date": days_from_today(days), "end_date": days_from_today(days), **fields}

    MeetingFactory(title_en="Third", **on(30))
    MeetingFactory(title_en="Soonest", **on(10))
    MeetingFactory(
        title_en="No registration",
        **on(20, registration_opens_at=None, registration_closes_at=None),
    )
    MeetingFactory(title_en="Fourth", **on(40))
    MeetingFactory(title_en="Planned", date_precision=DatePrecision.UNDEFINED)
    MeetingFactory(title_en="Restricted", **on(5, visibility=Visibility.DELEGATES))

    response = client.get(reverse("home"))

    assert _home_meetings(response) == ["Soonest", "No registration", "Third"]
    html = response.content.decode()
    assert "Next meetings" in html
    assert html.count("Open for registration") == 2


def test_home_without_upcoming_meetings_shows_no_meetings_block(client):
    MeetingFactory(title_en="Planned", date_precision=DatePrecision.UNDEFINED)

    assert "Next meetings" not in client.get(reverse("home")).content.decode()


def test_home_runs_a_fixed_number_of_queries(count_queries):
    _meetings(1)
    one = count_queries(reverse("home"))

    _meetings(3)

    assert count_queries(reverse("home")) == one
