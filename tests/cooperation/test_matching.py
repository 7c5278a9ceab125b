"""Matching returns programs on the need's topic first, never the requester's
own ministry's (nor its member state's), with the reason."""

import pytest
from django.urls import reverse

from cooperation.enums import NeedStatus
from cooperation.matching import needs_for_program, programs_for_need
from cooperation.models import Need
from network.enums import Subregion
from portfolio.enums import OfferKind, ProgramStatus
from tests.cooperation.factories import NeedFactory
from tests.factories import FocalPointFactory, InstitutionFactory, MemberStateFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def ministry(subregion=Subregion.CARIBBEAN):
    return InstitutionFactory(member_state=MemberStateFactory(subregion=subregion))


def program(title, *, topics, offers=(), owner=None, **fields):
    made = ProgramFactory(title_en=title, topics=topics, owner=owner or ministry(), **fields)
    for kind in offers:
        made.offers.create(kind=kind)
    return made


def titles(matches):
    return [match.program.title for match in matches]


@pytest.fixture
def inspection():
    return TopicFactory(name_en="Labor inspection")


@pytest.fixture
def need(inspection):
    return NeedFactory(
        institution=ministry(),
        topic=inspection,
        title="Electronic inspection",
        description="Our inspectors still fill paper forms during visits.",
        support_kinds=["visit_to_provider"],
        language="en",
    )


def test_programs_on_the_needs_topic_come_first_with_the_reason(need, inspection):
    program(
        "Digital inspectors",
        topics=[TopicFactory()],
        summary_en="Inspectors fill electronic forms during their visits.",
    )
    program("Inspection system", topics=[inspection], offers=[OfferKind.TECHNICAL_VISIT])

    matches = programs_for_need(need=need)

    assert titles(matches) == ["Inspection system", "Digital inspectors"]
    # Text similarity may add its reason in between, depending on the database.
    assert matches[0].reason.startswith("Same topic: Labor inspection; offers technical visit; ")
    assert matches[0].reason.endswith("; same subregion; same language")
    assert matches[1].reason.startswith("Similar words: electronic, inspection")


def test_never_the_requesters_own_ministry_nor_its_member_state(need, inspection):
    program("Our own", topics=[inspection], owner=need.institution)
    program("A peer's", topics=[inspection])

    assert titles(programs_for_need(need=need)) == ["A peer's"]


@pytest.mark.parametrize("status", [ProgramStatus.DRAFT, ProgramStatus.ARCHIVED])
def test_only_published_programs(need, inspection, status):
    program("Not public", topics=[inspection], status=status)

    assert programs_for_need(need=need) == []


def test_an_unrelated_program_is_no_match(need):
    program("Pensions", topics=[TopicFactory()], summary_en="Retirement savings schemes.")

    assert programs_for_need(need=need) == []


def test_the_kind_of_support_sought_ranks_programs_on_the_same_topic(need, inspection):
    program("Workshops only", topics=[inspection], offers=[OfferKind.WORKSHOP])
    program("Visits welcome", topics=[inspection], offers=[OfferKind.TECHNICAL_VISIT])

    assert titles(programs_for_need(need=need)) == ["Visits welcome", "Workshops only"]


def test_subregion_then_language_break_ties(need, inspection):
    far = ministry(Subregion.ANDEAN)
    program("Far, other language", topics=[inspection], owner=far, language="es")
    program("Far, same language", topics=[inspection], owner=ministry(Subregion.ANDEAN))
    program("Near, other language", topics=[inspection], language="es")

    assert titles(programs_for_need(need=need)) == [
        "Near, other language",
        "Far, same language",
        "Far, other language",
    ]


def test_for_a_program_the_ministries_whose_open_needs_match(need, inspection):
    offered = program("Inspection system", topics=[inspection])
    NeedFactory(institution=offered.owner, topic=inspection, title="Owner's own need")
    NeedFactory(topic=inspection, title="Met already", status=NeedStatus.MET)
    NeedFactory(topic=TopicFactory(), title="Pensions", description="Retirement savings.")

    matches = needs_for_program(program=offered, needs=Need.objects.all())

    assert [match.need for match in matches] == [need]
    assert matches[0].reason.startswith("Same topic: Labor inspection")


def test_the_needs_page_offers_matches_and_a_request_to_its_ministry(client, need, inspection):
    offered = program("Inspection system", topics=[inspection])
    client.force_login(FocalPointFactory(institution=need.institution))

    html = client.get(reverse("cooperation:need_detail", args=[need.pk])).content.decode()

    assert "Inspection system" in html
    assert "Same topic: Labor inspection" in html
    assert f"?program={offered.slug}&amp;need={need.pk}" in html


def test_another_ministry_sees_the_matches_without_starting_a_request(client, need, inspection):
    program("Inspection system", topics=[inspection])
    client.force_login(FocalPointFactory())

    html = client.get(reverse("cooperation:need_detail", args=[need.pk])).content.decode()

    assert "Inspection system" in html
    assert "Start a request" not in html


def test_the_programs_page_lists_the_needs_a_visitor_may_see(client, need, inspection):
    offered = program("Inspection system", topics=[inspection])
    NeedFactory(topic=inspection, title="A public need", is_public=True)
    address = reverse("cooperation:program_needs", args=[offered.slug])

    assert [m.need.title for m in client.get(address).context["matches"]] == ["A public need"]
    client.force_login(FocalPointFactory(institution=need.institution))
    response = client.get(address)
    assert {m.need.title for m in response.context["matches"]} == {
        "A public need",
        "Electronic inspection",
    }
    assert "Start a request" in response.content.decode()


def test_an_unpublished_programs_needs_page_is_a_404(client):
    draft = ProgramFactory(status=ProgramStatus.DRAFT)

    assert client.get(reverse("cooperation:program_needs", args=[draft.slug])).status_code == 404
