"""Reads of the portfolio (portfolio/selectors.py)."""

import pytest

from network.enums import InstitutionKind
from portfolio import selectors
from tests.factories import InstitutionFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_related_programs_share_the_specific_topic_before_a_broad_one():
    inspection, dialogue, mediation = TopicFactory(), TopicFactory(), TopicFactory()
    program = ProgramFactory(title_en="Inspection system", topics=[inspection, dialogue])
    # Mediation programs share only the broad topic, one of them of the same ministry.
    ProgramFactory(title_en="Own mediation", owner=program.owner, topics=[mediation, dialogue])
    ProgramFactory(title_en="Mediation A", topics=[mediation, dialogue])
    ProgramFactory(title_en="Mediation B", topics=[mediation, dialogue])
    ProgramFactory(title_en="Inspectors' training", topics=[inspection])
    ProgramFactory(title_en="Joint inspections", topics=[inspection])

    related = [p.title for p in selectors.programs_related(program=program)]

    assert set(related[:2]) == {"Joint inspections", "Inspectors' training"}
    assert related[2] == "Own mediation"
    assert len(related) == 4


def test_related_programs_prefer_the_same_ministry_then_the_same_member_state():
    topic = TopicFactory()
    program = ProgramFactory(topics=[topic])
    # A body under the same state's ministry (one ministry per member state).
    neighbour = InstitutionFactory(
        member_state=program.owner.member_state, kind=InstitutionKind.OTHER
    )
    other = ProgramFactory(title_en="Elsewhere", topics=[topic])
    same_state = ProgramFactory(title_en="Same state", owner=neighbour, topics=[topic])
    same_owner = ProgramFactory(title_en="Same ministry", owner=program.owner, topics=[topic])
    for later in (other, same_state):
        later.last_verified = same_owner.last_verified
        later.save()

    related = [p.title for p in selectors.programs_related(program=program)]

    assert related == ["Same ministry", "Same state", "Elsewhere"]


def test_related_programs_fill_with_the_member_states_other_programs_last():
    topic = TopicFactory()
    program = ProgramFactory(topics=[topic])
    ProgramFactory(title_en="Same state, other subject", owner=program.owner, topics=[])
    ProgramFactory(title_en="Same subject", topics=[topic])
    ProgramFactory(title_en="Unrelated", topics=[TopicFactory()])

    related = [p.title for p in selectors.programs_related(program=program)]

    assert related == ["Same subject", "Same state, other subject"]


def test_related_programs_leave_out_drafts_and_the_program_itself():
    topic = TopicFactory()
    program = ProgramFactory(topics=[topic])
    ProgramFactory(title_en="Draft", status="draft", topics=[topic])

    assert selectors.programs_related(program=program) == []
