import datetime
from decimal import Decimal

import pytest

from cooperation.enums import PUBLIC_STATUSES, ActivityType, RequestStatus
from cooperation.models import FinalReport
from portfolio.enums import ProgramStatus
from tests.api.conftest import listed
from tests.cooperation.factories import RequestFactory
from tests.factories import InstitutionFactory, MemberStateFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

NOT_PUBLIC = [status for status in RequestStatus if status not in PUBLIC_STATUSES]


def closed(**fields):
    activity = RequestFactory(status=RequestStatus.CLOSED, **fields)
    activity.results.update(achieved="Protocol adopted by resolution 42")
    FinalReport.objects.create(
        request=activity, what_was_done="Two days in Santiago.", lessons="Plan ahead."
    )
    return activity


@pytest.mark.parametrize("status", PUBLIC_STATUSES)
def test_list_shows_an_approved_or_later_activity(api, status):
    activity = RequestFactory(status=status)

    assert listed(api("cooperation-activity-list"), "reference") == [activity.reference]


@pytest.mark.parametrize("status", NOT_PUBLIC)
def test_an_activity_before_approval_is_neither_listed_nor_found(api, status):
    activity = RequestFactory(status=status)

    assert listed(api("cooperation-activity-list"), "reference") == []
    detail = api("cooperation-activity-detail", {"reference": activity.reference})
    assert detail.status_code == 404


def test_results_and_final_report_of_a_closed_activity(api):
    activity = closed(amount_approved=Decimal("4500"))

    data = api("cooperation-activity-detail", {"reference": activity.reference}).json()

    assert data["status"] == "closed"
    assert data["results"] == [
        {
            "result": "A mediation protocol adapted",
            "indicator": "Protocol adopted",
            "baseline": "No protocol",
            "target": "Protocol in force",
            "achieved": "Protocol adopted by resolution 42",
        }
    ]
    assert data["final_report"] == {
        "what_was_done": "Two days in Santiago.",
        "lessons": "Plan ahead.",
    }
    assert data["amount_approved"] == "4500.00"
    assert data["requester"]["slug"] == activity.requester.slug
    assert "objectives" not in data
    assert "budget_lines" not in data


def test_results_wait_until_the_activity_is_closed(api):
    activity = RequestFactory(status=RequestStatus.REPORTED)
    FinalReport.objects.create(request=activity, what_was_done="Done.", lessons="Some.")

    data = api("cooperation-activity-detail", {"reference": activity.reference}).json()

    assert data["results"] == []
    assert data["final_report"] is None


def test_the_program_drawn_on_is_shown_only_if_public(api):
    provider = InstitutionFactory()
    published = RequestFactory(
        status=RequestStatus.APPROVED, provider=provider, program=ProgramFactory(owner=provider)
    )
    draft = RequestFactory(
        status=RequestStatus.APPROVED,
        provider=provider,
        program=ProgramFactory(owner=provider, status=ProgramStatus.DRAFT),
    )

    def program_of(activity):
        return api("cooperation-activity-detail", {"reference": activity.reference}).json()[
            "program"
        ]

    assert program_of(published)["slug"] == published.program.slug
    assert program_of(draft) is None


def test_filters_by_country_topic_year_and_type(api):
    chile = InstitutionFactory(member_state=MemberStateFactory(iso_code="CL"))
    topic = TopicFactory(slug="mediation")
    fields = {
        "status": RequestStatus.CLOSED,
        "topic": topic,
        "activity_type": ActivityType.WORKSHOP,
        "carried_out_on": datetime.date(2015, 5, 1),
    }
    match = RequestFactory(provider=chile, **fields)
    RequestFactory(**fields)
    RequestFactory(
        requester=chile,
        **{**fields, "carried_out_on": datetime.date(2016, 5, 1)},
    )

    found = api(
        "cooperation-activity-list",
        country="CL",
        topic="mediation",
        year=2015,
        activity_type="workshop",
    )

    assert listed(found, "reference") == [match.reference]


def test_list_runs_a_fixed_number_of_queries(count_queries, django_assert_max_num_queries):
    url = "/api/v1/cooperation/activities/"

    def activities(count):
        for _ in range(count):
            closed(program=ProgramFactory())

    activities(2)
    with_two = count_queries(url)
    activities(10)

    assert count_queries(url) == with_two
    with django_assert_max_num_queries(4):
        count_queries(url)
