import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolio.enums import ProgramStatus
from portfolio.models import ProgramIndicator, ProgramOffer, TargetGroup
from tests.api.conftest import listed
from tests.factories import InstitutionFactory, MemberStateFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

UNPUBLISHED = [
    ProgramStatus.DRAFT,
    ProgramStatus.SUBMITTED,
    ProgramStatus.RETURNED,
    ProgramStatus.ARCHIVED,
]


def test_list_shows_published_programs_only(api):
    published = ProgramFactory()
    for status in UNPUBLISHED:
        ProgramFactory(status=status, published_at=None)

    assert listed(api("program-list")) == [published.slug]


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_an_unpublished_program_is_404(api, status):
    program = ProgramFactory(status=status)

    assert api("program-detail", {"slug": program.slug}).status_code == 404


def test_detail_shows_what_the_page_shows(api):
    program = ProgramFactory(
        title_en="Labor inspection <b>online</b>",
        offer_details="Two inspectors for a week.",
        links="https://example.org/report\nftp://example.org/not-a-web-link",
        documentation_languages=["en", "es"],
        topics=[TopicFactory(slug="labor-inspection", name_en="Labor inspection")],
    )
    program.target_groups.set([TargetGroup.objects.create(slug="api-youth", name_en="Youth")])
    ProgramOffer.objects.create(program=program, kind="workshop")
    ProgramIndicator.objects.create(program=program, name="Inspectors trained", value="200")

    data = api("program-detail", {"slug": program.slug}).json()

    assert data["title"] == "Labor inspection <b>online</b>"
    assert data["ministry"]["slug"] == program.owner.slug
    assert data["ministry"]["member_state"]["iso_code"] == program.owner.member_state.iso_code
    assert data["topics"] == [{"slug": "labor-inspection", "name": "Labor inspection"}]
    assert data["target_groups"] == [{"slug": "api-youth", "name": "Youth"}]
    assert data["offers"] == ["workshop"]
    assert data["indicators"] == [{"name": "Inspectors trained", "value": "200", "year": None}]
    assert data["links"] == ["https://example.org/report"]
    assert data["contact"] == {
        "name": "Contact Person",
        "role": "Director",
        "email": "contact@example.org",
    }
    assert data["web_url"] == f"http://testserver/programs/{program.slug}/"
    assert "status" not in data
    assert "review_comment" not in data


def test_a_programs_ministry_is_named_with_its_member_state_in_the_readers_language(client):
    owner = InstitutionFactory(
        member_state=MemberStateFactory(name_en="Peru", name_es="Perú"),
        name_en="Ministry of Labor",
        name_es="Ministerio de Trabajo",
    )
    program = ProgramFactory(owner=owner)
    url = reverse("api:program-detail", kwargs={"slug": program.slug})

    english = client.get(url).json()["ministry"]
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()["ministry"]

    assert english["display_name"] == "Ministry of Labor (Peru)"
    assert spanish["display_name"] == "Ministerio de Trabajo (Perú)"


def test_list_leaves_out_programs_not_confirmed_for_long_unless_asked(api):
    fresh = ProgramFactory()
    stale = ProgramFactory(last_verified=timezone.localdate() - datetime.timedelta(days=3000))

    assert listed(api("program-list")) == [fresh.slug]
    assert set(listed(api("program-list", unverified="true"))) == {fresh.slug, stale.slug}
    assert api("program-detail", {"slug": stale.slug}).status_code == 200


def test_filters_by_member_state_topic_year_and_words(api):
    state = MemberStateFactory(iso_code="UY")
    topic = TopicFactory(slug="social-dialogue")
    match = ProgramFactory(
        owner=InstitutionFactory(member_state=state),
        topics=[topic],
        start_year=2015,
        title_en="Tripartite councils",
    )
    ProgramFactory(topics=[topic], start_year=2015, title_en="Tripartite boards")
    ProgramFactory(owner=match.owner, start_year=2015, title_en="Tripartite forums")
    ProgramFactory(owner=match.owner, topics=[topic], start_year=2016, title_en="Tripartite")

    found = api(
        "program-list", member_state="UY", topic="social-dialogue", year="2015", q="tripartite"
    )

    assert listed(found) == [match.slug]
    assert listed(api("program-list", member_state="UY", q="councils")) == [match.slug]


@pytest.mark.parametrize(
    "query",
    [{"member_state": "ZZ"}, {"topic": "no-such-topic"}, {"year": "1066"}, {"sort": "random"}],
)
def test_a_filter_value_that_is_not_valid_is_400_with_the_reason(api, query):
    response = api("program-list", **query)

    assert response.status_code == 400
    assert list(response.json()) == list(query)


def test_list_is_paginated_by_50_and_page_size_up_to_200(api):
    ProgramFactory.create_batch(52, topics=[])

    first = api("program-list").json()
    assert first["count"] == 52
    assert len(first["results"]) == 50
    assert first["next"].endswith("page=2")
    assert len(api("program-list", page=2).json()["results"]) == 2
    assert len(api("program-list", page_size=10).json()["results"]) == 10
    assert len(api("program-list", page_size=500).json()["results"]) == 52
    assert api("program-list", page=3).status_code == 404


def test_list_runs_a_fixed_number_of_queries(count_queries, django_assert_max_num_queries):
    url = "/api/v1/programs/?topic=shared&member_state=UY&q=program"
    owner = InstitutionFactory(member_state=MemberStateFactory(iso_code="UY"))
    topic = TopicFactory(slug="shared")

    def programs(count):
        for program in ProgramFactory.create_batch(count, owner=owner, topics=[topic]):
            ProgramOffer.objects.create(program=program, kind="workshop")

    programs(2)
    with_two = count_queries(url)
    programs(10)

    assert count_queries(url) == with_two
    # Three of them, on PostgreSQL, parse the words of the search and read the
    # keys of its full-text and of its title matches (core.search.best_matches).
    with django_assert_max_num_queries(10):
        count_queries(url)


def test_detail_runs_a_fixed_number_of_queries(count_queries, django_assert_max_num_queries):
    program = ProgramFactory(topics=TopicFactory.create_batch(3))
    for number in range(3):
        ProgramIndicator.objects.create(program=program, name=f"Indicator {number}", value="1")

    with django_assert_max_num_queries(6):
        count_queries(f"/api/v1/programs/{program.slug}/")
