"""/member-states/: the states by subregion as cards with what each shares,
and a tile map of the Americas drawn on the server."""

import pytest
from django.urls import reverse

from cooperation.enums import RequestStatus
from network.enums import Subregion
from network.tile_map import POSITIONS, tile_map
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import RequestFactory
from tests.factories import InstitutionFactory, MemberStateFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

URL = reverse("network:member_state_list")


def directory(response):
    """What the page showed: passed unevaluated, its fragment builds it."""
    return response.context["directory"]()


def test_every_member_state_of_the_oas_has_a_tile_of_its_own():
    assert len(POSITIONS) == 35
    assert len(set(POSITIONS.values())) == 35


def test_states_are_grouped_by_subregion_with_their_counts(client):
    chile = InstitutionFactory(
        member_state=MemberStateFactory(iso_code="CL", name_en="Chile", subregion="southern_cone")
    )
    peru = InstitutionFactory(
        member_state=MemberStateFactory(iso_code="PE", name_en="Peru", subregion="andean")
    )
    ProgramFactory(owner=chile)
    ProgramFactory(owner=chile)
    ProgramFactory(owner=chile, status=ProgramStatus.DRAFT, published_at=None)
    RequestFactory(provider=chile, requester=peru, status=RequestStatus.APPROVED)
    RequestFactory(provider=peru, requester=chile, status=RequestStatus.DRAFT)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    subregions = {
        subregion.value: [(state.name, state.figures) for state in states]
        for subregion, states in directory(response).subregions
    }
    assert subregions == {
        Subregion.ANDEAN: [
            (
                "Peru",
                [
                    ("0 programs", "/programs/?member_state=PE"),
                    ("1 cooperation activity", "/cooperation/?country=PE"),
                ],
            )
        ],
        Subregion.SOUTHERN_CONE: [
            (
                "Chile",
                [
                    ("2 programs", "/programs/?member_state=CL"),
                    ("1 cooperation activity", "/cooperation/?country=CL"),
                ],
            )
        ],
    }
    assert 'id="subregion-andean-heading"' in html
    assert '<a href="/programs/?member_state=CL">2 programs</a>' in html


def test_a_count_leads_to_the_list_it_counted(client):
    state = MemberStateFactory(iso_code="UY", name_en="Uruguay", subregion="southern_cone")
    ProgramFactory(owner=InstitutionFactory(member_state=state))

    response = client.get(URL)

    figures = directory(response).subregions[0][1][0].figures
    assert client.get(figures[0][1]).context["page"].paginator.count == 1


def test_the_tile_map_links_each_state_with_a_name_for_screen_readers(client):
    MemberStateFactory(iso_code="BR", name_en="Brazil", subregion="southern_cone")
    MemberStateFactory(iso_code="QX", name_en="Nowhere", subregion="caribbean")

    response = client.get(URL)

    html = response.content.decode()
    tiles = directory(response).tile_map["tiles"]
    assert [tile.state.iso_code for tile in tiles] == ["BR"]
    assert '<a href="/member-states/br/" class="tile tile-southern_cone">' in html
    assert "<title>Brazil · 0 programs · 0 cooperation activities</title>" in html
    # The state without a place on the map is still in the list.
    assert '<a class="fw-semibold" href="/member-states/qx/">Nowhere</a>' in html
    assert "style=" not in html.split("<main", 1)[1]


def test_tiles_keep_their_places_relative_to_each_other():
    states = [MemberStateFactory.build(iso_code=code) for code in ("CA", "AR", "MX")]

    tiles = {tile.state.iso_code: tile for tile in tile_map(states)["tiles"]}

    assert tiles["CA"].y < tiles["MX"].y < tiles["AR"].y
    assert tiles["MX"].x < tiles["CA"].x < tiles["AR"].x


def _states(number, start):
    for index in range(number):
        state = MemberStateFactory(iso_code=f"Z{chr(ord('A') + start + index)}")
        ProgramFactory(owner=InstitutionFactory(member_state=state))


def test_the_page_runs_a_fixed_number_of_queries(count_queries):
    _states(1, 0)
    one = count_queries(URL)

    _states(3, 1)

    assert count_queries(URL) == one
