import re

import pytest
from django.urls import reverse

from network.models import MemberState
from tests.factories import (
    ConferenceFactory,
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    OrganizationFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


def test_home_says_what_rial_is_and_lists_member_states_by_subregion(client):
    MemberStateFactory(name_en="Barbados", subregion="caribbean")
    MemberStateFactory(name_en="Peru", subregion="andean")

    response = client.get(reverse("home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Inter-American Network for Labor Administration" in html
    subregions = [
        (subregion.value, [state.name for state in states])
        # Passed unevaluated: the page's fragment builds it.
        for subregion, states in response.context["subregions"]()
    ]
    assert subregions == [("caribbean", ["Barbados"]), ("andean", ["Peru"])]
    assert 'href="/member-states/"' in html
    assert 'href="/about/"' in html


def test_home_shows_member_state_names_in_the_reader_language(client):
    MemberStateFactory(name_en="Brazil", name_es="Brasil")

    response = client.get(reverse("home"), headers={"accept-language": "es"})

    assert "Brasil" in response.content.decode()


def test_member_state_page_lists_its_ministry_and_focal_points(client):
    ministry = InstitutionFactory(name_en="Ministry of Labor of Colombia")
    FocalPointFactory(institution=ministry, full_name="Ana Pérez", job_title="Advisor")
    FocalPointFactory(institution=ministry, full_name="Gone Person", is_active=False)
    OrganizationFactory(member_state=ministry.member_state, name_en="Local council")

    response = client.get(ministry.member_state.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ministry of Labor of Colombia" in html
    assert "Ana Pérez, Advisor" in html
    assert "Gone Person" not in html
    assert [i.name for i in response.context["institutions"]] == [
        "Ministry of Labor of Colombia",
        "Local council",
    ]


def test_member_state_page_accepts_any_case_of_the_code(client):
    state = MemberStateFactory(iso_code="QC")

    assert client.get("/member-states/qc/").context["member_state"] == state
    assert client.get("/member-states/QC/").context["member_state"] == state


@pytest.mark.parametrize("code", ["zz", "x", "<script>", "a" * 300, "%00"])
def test_member_state_page_unknown_code_is_404(client, code):
    assert client.get(f"/member-states/{code}/").status_code == 404


def test_member_state_page_does_not_show_emails(client):
    focal_point = FocalPointFactory(email="private.person@example.org")

    response = client.get(focal_point.institution.member_state.get_absolute_url())

    assert "private.person@example.org" not in response.content.decode()


def test_institution_page_shows_former_names_and_working_groups(client):
    group = WorkingGroupFactory(number=2, name_en="Building the Capacity of Labor Ministries")
    ministry = group.chair
    ministry.former_names.create(name="Ministry of Labor and Human Resources", until_year=2004)

    response = client.get(ministry.get_absolute_url())

    html = response.content.decode()
    assert "Ministry of Labor and Human Resources" in html
    assert "until 2004" in html
    assert "Building the Capacity of Labor Ministries" in html


def test_institution_page_unknown_slug_is_404(client):
    assert client.get("/institutions/no-such-thing/").status_code == 404


def test_about_page_lists_conferences_with_chairs_and_vice_chairs(client):
    canada = InstitutionFactory(member_state=MemberStateFactory(name_en="Canada"))
    peru = InstitutionFactory(member_state=MemberStateFactory(name_en="Peru"))
    conference = ConferenceFactory(number=18, city="Medellín", year=2013)
    group = WorkingGroupFactory(conference=conference, number=2, chair=canada)
    group.vice_chairs.add(peru)

    html = client.get(reverse("network:about")).content.decode()

    assert "XVIII IACML — Medellín" in html
    assert '<a href="/member-states/' in html
    assert "Canada" in html
    assert "Peru" in html


def test_about_page_links_a_chair_without_member_state_to_its_page(client):
    organization = OrganizationFactory(acronym="ILO")
    WorkingGroupFactory(chair=organization)

    html = client.get(reverse("network:about")).content.decode()

    assert f'<a href="{organization.get_absolute_url()}">ILO</a>' in html


def test_pages_load_every_asset_from_the_portal_itself(client):
    html = client.get(reverse("home")).content.decode()

    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets
    assert all(asset.startswith("/static/") for asset in assets), assets


def test_pages_refuse_post(client):
    assert client.post(reverse("home")).status_code == 405


def _build_directory(size):
    for _ in range(size):
        ministry = InstitutionFactory()
        FocalPointFactory(institution=ministry)
        ministry.former_names.create(name=f"Old name of {ministry.pk}", until_year=2000)
        group = WorkingGroupFactory(chair=ministry)
        group.vice_chairs.add(InstitutionFactory())
        OrganizationFactory(member_state=ministry.member_state)


@pytest.mark.parametrize("url_name", ["home", "network:member_state_list", "network:about"])
def test_list_pages_run_a_bounded_number_of_queries(count_queries, url_name):
    _build_directory(1)
    small = count_queries(reverse(url_name))

    _build_directory(3)

    assert count_queries(reverse(url_name)) == small


def test_member_state_page_runs_a_bounded_number_of_queries(count_queries):
    _build_directory(1)
    state = MemberState.objects.first()
    small = count_queries(state.get_absolute_url())

    for _ in range(3):
        FocalPointFactory(institution=InstitutionFactory(member_state=state, is_active=False))
        OrganizationFactory(member_state=state)

    assert count_queries(state.get_absolute_url()) == small


def test_about_page_gives_working_groups_in_spanish_and_marks_an_english_one(client):
    WorkingGroupFactory(
        name_en="Building the Capacity of Labor Ministries",
        name_es="Fortalecimiento de la capacidad de los Ministerios de Trabajo",
    )
    WorkingGroupFactory(name_en="Labor dimensions of the Summit of the Americas process")

    html = client.get(reverse("network:about"), headers={"accept-language": "es"})

    html = html.content.decode()
    assert (
        '<span lang="es">Fortalecimiento de la capacidad de los Ministerios de Trabajo</span>'
    ) in html
    assert '<span lang="en">Labor dimensions of the Summit of the Americas process</span>' in html
