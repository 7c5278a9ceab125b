import datetime

import pytest
from django.utils import timezone

from meetings.enums import DatePrecision, MeetingKind, MeetingStatus, Visibility
from tests.api.conftest import listed
from tests.factories import FocalPointFactory, MemberStateFactory, TopicFactory, WorkingGroupFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def meeting(working_groups=(), topics=(), **fields):
    created = MeetingFactory(**fields)
    created.working_groups.set(working_groups)
    created.topics.set(topics)
    return created


def test_list_shows_public_meetings_only(api):
    public = MeetingFactory()
    MeetingFactory(visibility=Visibility.DELEGATES)

    assert listed(api("meeting-list")) == [public.slug]


def test_a_restricted_meeting_is_404(api):
    restricted = MeetingFactory(visibility=Visibility.DELEGATES)

    assert api("meeting-detail", {"slug": restricted.slug}).status_code == 404


def test_a_signed_in_focal_point_sees_no_more_than_a_visitor(api, client):
    """The API knows no session: whoever calls sees what a visitor sees."""
    restricted = MeetingFactory(visibility=Visibility.DELEGATES)
    client.force_login(FocalPointFactory())

    assert listed(api("meeting-list")) == []
    assert api("meeting-detail", {"slug": restricted.slug}).status_code == 404


def test_detail_shows_the_meeting_without_its_online_link(api):
    workshop = meeting(
        title_en="Workshop on <i>labor</i> inspection",
        online_url="https://meet.example.org/secret",
        is_online=True,
        venue="Hotel Tequendama",
        working_groups=[WorkingGroupFactory(number=2, name_en="Labor and employment")],
        topics=[TopicFactory(slug="labor-inspection")],
    )

    data = api("meeting-detail", {"slug": workshop.slug}).json()

    assert data["title"] == "Workshop on <i>labor</i> inspection"
    assert data["kind"] == "workshop"
    assert data["start_date"] == workshop.start_date.isoformat()
    assert data["venue"] == "Hotel Tequendama"
    assert data["host_state"]["iso_code"] == workshop.host_state.iso_code
    assert [group["number"] for group in data["working_groups"]] == [2]
    assert [topic["slug"] for topic in data["topics"]] == ["labor-inspection"]
    assert data["registration_state"] == "open"
    assert data["calendar_url"] == f"http://testserver/meetings/{workshop.slug}/calendar.ics"
    assert "online_url" not in data
    assert "meet.example.org" not in str(data)


def test_a_meeting_whose_days_are_not_known_has_no_calendar_file(api):
    planned = MeetingFactory(date_precision=DatePrecision.SEMESTER)

    assert api("meeting-detail", {"slug": planned.slug}).json()["calendar_url"] is None


def test_filters_by_year_kind_working_group_and_upcoming(api):
    group = WorkingGroupFactory()
    match = meeting(
        kind=MeetingKind.WORKING_GROUP,
        working_groups=[group],
        start_date=days_from_today(400),
        end_date=days_from_today(401),
    )
    year = str(match.start_date.year)
    MeetingFactory(kind=MeetingKind.WORKING_GROUP, start_date=match.start_date, end_date=None)
    meeting(working_groups=[group], start_date=match.start_date, end_date=None)
    past = meeting(
        kind=MeetingKind.WORKING_GROUP,
        working_groups=[group],
        status=MeetingStatus.HELD,
        start_date=days_from_today(-400),
        end_date=days_from_today(-399),
    )

    found = api("meeting-list", kind="working_group", working_group=group.pk, year=year)
    assert listed(found) == [match.slug]
    assert listed(api("meeting-list", working_group=group.pk, upcoming="false")) == [past.slug]
    assert past.slug not in listed(api("meeting-list", upcoming="true"))


def test_filters_by_host_state_and_topic(api):
    state = MemberStateFactory(iso_code="PA")
    topic = TopicFactory(slug="employment-services")
    match = meeting(host_state=state, topics=[topic])
    MeetingFactory(host_state=state)
    meeting(topics=[topic])

    assert listed(api("meeting-list", host_state="PA", topic="employment-services")) == [match.slug]


@pytest.mark.parametrize(
    "query", [{"year": "12"}, {"kind": "party"}, {"working_group": "x"}, {"host_state": "ZZ"}]
)
def test_a_filter_value_that_is_not_valid_is_400(api, query):
    response = api("meeting-list", **query)

    assert response.status_code == 400
    assert list(response.json()) == list(query)


def test_list_runs_a_fixed_number_of_queries(count_queries, django_assert_max_num_queries):
    url = "/api/v1/meetings/"
    group = WorkingGroupFactory()

    def meetings(count):
        for _ in range(count):
            meeting(working_groups=[group], topics=TopicFactory.create_batch(2))

    meetings(2)
    with_two = count_queries(url)
    meetings(10)

    assert count_queries(url) == with_two
    with django_assert_max_num_queries(6):
        count_queries(url)
