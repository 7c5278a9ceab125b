import pytest

from network.enums import InstitutionKind, Subregion
from tests.api.conftest import listed
from tests.factories import InstitutionFactory, MemberStateFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_member_states_by_iso_code_with_their_ministry(api):
    state = MemberStateFactory(iso_code="JM", name_en="Jamaica", subregion=Subregion.CARIBBEAN)
    ministry = InstitutionFactory(member_state=state, name_en="Ministry of Labour", acronym="MLSS")
    InstitutionFactory(
        member_state=state, kind=InstitutionKind.ADVISORY_BODY, name_en="Labour council"
    )

    data = api("member-state-detail", {"iso_code": "jm"}).json()

    assert data["iso_code"] == "JM"
    assert data["name"] == "Jamaica"
    assert data["subregion"] == "caribbean"
    assert data["ministry"]["slug"] == ministry.slug
    assert data["ministry"]["acronym"] == "MLSS"
    assert data["web_url"] == "http://testserver/member-states/jm/"
    assert "JM" in listed(api("member-state-list"), "iso_code")


def test_member_states_filter_by_subregion(api):
    MemberStateFactory(iso_code="BR", subregion=Subregion.SOUTHERN_CONE)
    MemberStateFactory(iso_code="CR", subregion=Subregion.CENTRAL_AMERICA)

    found = listed(api("member-state-list", subregion="southern_cone", page_size=200), "iso_code")

    assert "BR" in found
    assert "CR" not in found


def test_an_unknown_member_state_is_404(api):
    assert api("member-state-detail", {"iso_code": "ZZ"}).status_code == 404


def test_topics_by_slug(api):
    topic = TopicFactory(slug="child-labor", name_en="Child labor", description_en="<p>Text</p>")

    data = api("topic-detail", {"slug": "child-labor"}).json()

    assert data["name"] == "Child labor"
    assert data["description"] == "<p>Text</p>"
    assert topic.slug in listed(api("topic-list", page_size=200))
    assert api("topic-detail", {"slug": "no-such-topic"}).status_code == 404


def test_member_state_list_runs_a_fixed_number_of_queries(
    count_queries, django_assert_max_num_queries
):
    url = "/api/v1/member-states/?page_size=200"
    InstitutionFactory.create_batch(2)
    with_two = count_queries(url)
    InstitutionFactory.create_batch(10)

    assert count_queries(url) == with_two
    with django_assert_max_num_queries(3):
        count_queries(url)


def test_topic_list_runs_a_fixed_number_of_queries(count_queries, django_assert_max_num_queries):
    url = "/api/v1/topics/"
    TopicFactory.create_batch(2)
    with_two = count_queries(url)
    TopicFactory.create_batch(10)

    assert count_queries(url) == with_two
    with django_assert_max_num_queries(2):
        count_queries(url)
