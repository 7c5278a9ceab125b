"""The public pages of cooperation: only public requests, results once closed,
filters that never fail, the statistics and the member state's section."""

import datetime

import pytest
from django.urls import reverse

from cooperation.enums import PUBLIC_STATUSES, ActivityType, RequestStatus
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import RequestFactory
from tests.factories import InstitutionFactory, MemberStateFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus
NOT_PUBLIC = [status for status in Status if status not in PUBLIC_STATUSES]
LIST_URL = reverse("cooperation:activity_list")
STATS_URL = reverse("cooperation:statistics")


def closed_with_result(**kwargs):
    request = RequestFactory(status=Status.CLOSED, **kwargs)
    request.results.update(achieved="Protocol adopted by resolution 42")
    return request


@pytest.mark.parametrize("status", PUBLIC_STATUSES)
def test_activity_list_shows_a_public_request(client, status):
    request = RequestFactory(status=status, title="Mediation visit to Santiago")

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert list(response.context["page"]) == [request]
    assert request.get_absolute_url() in response.content.decode()


@pytest.mark.parametrize("status", NOT_PUBLIC)
def test_activity_list_never_shows_a_request_before_approval(client, status):
    RequestFactory(status=status, title="A proposal still in the making")

    response = client.get(LIST_URL)

    assert list(response.context["page"]) == []
    assert "A proposal still in the making" not in response.content.decode()


def test_activity_list_shows_results_of_a_closed_request(client):
    closed_with_result()

    response = client.get(LIST_URL)

    assert "Protocol adopted by resolution 42" in response.content.decode()


@pytest.mark.parametrize("status", [Status.APPROVED, Status.CARRIED_OUT, Status.REPORTED])
def test_activity_list_hides_results_until_the_request_is_closed(client, status):
    request = RequestFactory(status=status)
    request.results.update(achieved="Protocol adopted by resolution 42")

    content = client.get(LIST_URL).content.decode()

    assert request.title in content
    assert "Protocol adopted by resolution 42" not in content


def test_activity_list_filters_by_topic(client):
    wanted = RequestFactory(status=Status.APPROVED)
    RequestFactory(status=Status.APPROVED)

    response = client.get(LIST_URL, {"topic": wanted.topic.slug})

    assert list(response.context["page"]) == [wanted]


def test_activity_list_filters_by_country_on_either_side(client):
    chile = InstitutionFactory()
    provided = RequestFactory(status=Status.APPROVED, provider=chile)
    received = RequestFactory(status=Status.CLOSED, requester=chile)
    RequestFactory(status=Status.APPROVED)

    response = client.get(LIST_URL, {"country": chile.member_state.iso_code})

    assert set(response.context["page"]) == {provided, received}


def test_activity_list_filters_by_year_of_the_activity(client):
    in_2014 = RequestFactory(
        status=Status.CLOSED,
        proposed_start=datetime.date(2014, 3, 1),
        proposed_end=datetime.date(2014, 3, 5),
    )
    RequestFactory(
        status=Status.CLOSED,
        proposed_start=datetime.date(2013, 3, 1),
        carried_out_on=datetime.date(2015, 1, 10),
    )

    response = client.get(LIST_URL, {"year": "2014"})

    assert list(response.context["page"]) == [in_2014]


def test_activity_list_filters_by_activity_type(client):
    workshop = RequestFactory(status=Status.APPROVED, activity_type=ActivityType.WORKSHOP)
    RequestFactory(status=Status.APPROVED, activity_type=ActivityType.VIRTUAL_ADVICE)

    response = client.get(LIST_URL, {"activity_type": ActivityType.WORKSHOP})

    assert list(response.context["page"]) == [workshop]


@pytest.mark.parametrize(
    "params",
    [
        {"year": "twenty"},
        {"year": "99999999999999999999"},
        {"country": "ZZ"},
        {"topic": "no-such-topic"},
        {"activity_type": "lunch"},
        {"page": "-3"},
        {"page": "lots"},
    ],
)
def test_activity_list_ignores_values_that_are_not_valid(client, params):
    RequestFactory(status=Status.APPROVED)

    response = client.get(LIST_URL, params)

    assert response.status_code == 200


def test_activity_list_runs_a_fixed_number_of_queries(count_queries):
    closed_with_result()
    one = count_queries(LIST_URL)
    closed_with_result()
    RequestFactory(status=Status.APPROVED)

    assert count_queries(LIST_URL) == one


def test_statistics_count_public_activities_per_year_and_topic(client):
    topic = TopicFactory(name_en="Alternative dispute resolution")
    for day in (datetime.date(2014, 5, 1), datetime.date(2014, 9, 1), datetime.date(2015, 2, 1)):
        RequestFactory(status=Status.CLOSED, topic=topic, carried_out_on=day)
    RequestFactory(
        status=Status.UNDER_REVIEW, topic=topic, carried_out_on=datetime.date(2015, 3, 1)
    )

    response = client.get(STATS_URL)

    assert response.status_code == 200
    assert response.context["per_year"] == [(2014, 2), (2015, 1)]
    assert response.context["per_topic"] == [(topic, 3)]


def test_statistics_draw_the_flows_from_provider_to_requester(client):
    chile, colombia, panama = (
        MemberStateFactory(name_en=name) for name in ("Chile", "Colombia", "Panama")
    )
    chile_ministry = InstitutionFactory(member_state=chile)
    colombia_ministry = InstitutionFactory(member_state=colombia)
    for _n in range(2):
        RequestFactory(status=Status.CLOSED, provider=chile_ministry, requester=colombia_ministry)
    RequestFactory(
        status=Status.APPROVED,
        provider=InstitutionFactory(member_state=panama),
        requester=colombia_ministry,
    )
    RequestFactory(status=Status.SUBMITTED, provider=colombia_ministry, requester=chile_ministry)

    response = client.get(STATS_URL)

    assert response.context["flows"] == [(chile, colombia, 2), (panama, colombia, 1)]
    chart = response.context["chart_flows"]
    assert [(link["provider"], link["requester"]) for link in chart["links"]] == [
        ("Chile", "Colombia"),
        ("Panama", "Colombia"),
    ]
    assert chart["links"][0]["stroke"] > chart["links"][1]["stroke"]
    content = response.content.decode()
    assert 'aria-labelledby="flows-title flows-desc"' in content
    assert '<desc id="flows-desc">' in content
    assert "Chile → Colombia: 2 activities" in content


def test_statistics_page_renders_without_any_activity(client):
    response = client.get(STATS_URL)

    assert response.status_code == 200
    assert "No activity yet." in response.content.decode()


def test_statistics_page_loads_nothing_from_another_site(client):
    RequestFactory(status=Status.CLOSED)

    content = client.get(STATS_URL).content.decode()

    assert "cdn" not in content.lower()
    assert '<script src="http' not in content


def test_statistics_page_runs_a_fixed_number_of_queries(count_queries):
    RequestFactory(status=Status.CLOSED)
    one = count_queries(STATS_URL)
    RequestFactory(status=Status.CLOSED)
    RequestFactory(status=Status.APPROVED)

    assert count_queries(STATS_URL) == one


def test_member_state_page_shows_cooperation_given_and_received(client):
    chile = MemberStateFactory(name_en="Chile")
    ministry = InstitutionFactory(member_state=chile)
    given = RequestFactory(status=Status.CLOSED, provider=ministry, title="Given one")
    received = RequestFactory(status=Status.APPROVED, requester=ministry, title="Got one")
    RequestFactory(
        status=Status.DRAFT, requester=received.requester, title="A draft nobody may see"
    )

    response = client.get(chile.get_absolute_url())

    content = response.content.decode()
    assert "Cooperation given and received" in content
    assert given.title in content
    assert received.title in content
    assert "A draft nobody may see" not in content


def test_member_state_page_has_no_cooperation_section_without_public_activity(client):
    chile = MemberStateFactory()
    RequestFactory(status=Status.UNDER_REVIEW, provider=InstitutionFactory(member_state=chile))

    response = client.get(chile.get_absolute_url())

    assert "Cooperation given and received" not in response.content.decode()


@pytest.mark.django_db
def test_a_public_request_names_its_program_only_once_the_program_is_published(client):
    draft = ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)
    coop = RequestFactory(status=RequestStatus.APPROVED, program=draft)
    url = reverse("cooperation:request_detail", args=[coop.reference])

    assert draft.title not in client.get(url).content.decode()

    draft.status = ProgramStatus.PUBLISHED
    draft.save()

    assert draft.title in client.get(url).content.decode()


def test_a_spanish_reader_gets_an_activitys_spanish_title_and_summary(client):
    request = RequestFactory(
        status=Status.APPROVED,
        title_en="Colombia learns from Chile's labor mediation system",
        title_es="Colombia aprende del sistema de mediación laboral de Chile",
        summary_en="Four officials spent a week in Santiago.",
        summary_es="Cuatro funcionarios pasaron una semana en Santiago.",
    )

    listed = client.get(LIST_URL, headers={"accept-language": "es"}).content.decode()
    page = client.get(request.get_absolute_url(), headers={"accept-language": "es"})

    assert 'lang="es">Colombia aprende del sistema de mediación laboral de Chile</a>' in listed
    html = page.content.decode()
    assert '<h1 class="h2" lang="es">Colombia aprende del sistema' in html
    assert '<p class="lead" lang="es">Cuatro funcionarios pasaron una semana en Santiago.</p>' in (
        html
    )
    assert 'href="?version=en" hreflang="en">Leer en inglés</a>' in html


def test_an_activity_in_english_only_says_so_to_a_spanish_reader(client):
    request = RequestFactory(status=Status.APPROVED, title_en="Peru learns an observatory")

    html = client.get(request.get_absolute_url(), headers={"accept-language": "es"})

    html = html.content.decode()
    assert '<h1 class="h2" lang="en">Peru learns an observatory</h1>' in html
    assert "Esta actividad está descrita solo en inglés." in html
