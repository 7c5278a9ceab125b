import pytest
from django.contrib.auth.models import AnonymousUser

from forum import rules, selectors
from forum.enums import ReadAccess, SpaceKind, ThreadStatus, WriteAccess
from meetings.enums import RegistrationStatus
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory
from tests.forum.factories import SpaceFactory, ThreadFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    meeting = MeetingFactory()
    delegate = UserFactory()
    RegistrationFactory(meeting=meeting, email=delegate.email, status=RegistrationStatus.APPROVED)
    return {
        "visitor": AnonymousUser(),
        "focal_point": FocalPointFactory(),
        "delegate": delegate,
        "staff": SecretariatStaffFactory(),
        "meeting": meeting,
    }


def test_a_public_space_is_read_by_everyone_and_written_by_focal_points(people):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)

    assert all(
        rules.can_read_space(people[who], space)
        for who in ("visitor", "focal_point", "delegate", "staff")
    )
    assert [
        who
        for who in ("visitor", "focal_point", "delegate", "staff")
        if rules.can_write_in_space(people[who], space)
    ] == ["focal_point", "staff"]


def test_a_network_space_is_closed_to_visitors_and_to_delegates_of_other_meetings(people):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)

    assert not rules.can_read_space(people["visitor"], space)
    assert not rules.can_read_space(people["delegate"], space)
    assert rules.can_read_space(people["focal_point"], space)
    assert rules.can_read_space(people["staff"], space)


def test_a_group_space_is_read_by_its_member_institutions_only(people):
    space = SpaceFactory(read_access=ReadAccess.GROUP, kind=SpaceKind.WORKING_GROUP)
    member = FocalPointFactory()
    space.member_institutions.add(member.institution)

    assert rules.can_read_space(member, space)
    assert rules.can_write_in_space(member, space)
    assert not rules.can_read_space(people["focal_point"], space)
    assert not rules.can_write_in_space(people["focal_point"], space)


def test_a_meeting_space_is_for_its_delegates(people):
    space = SpaceFactory(
        kind=SpaceKind.MEETING, topic=None, meeting=people["meeting"], read_access=ReadAccess.GROUP
    )

    assert rules.can_read_space(people["delegate"], space)
    assert rules.can_write_in_space(people["delegate"], space)
    assert not rules.can_read_space(people["focal_point"], space)


def test_a_staff_only_space_is_written_by_the_secretariat_alone(people):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC, write_access=WriteAccess.STAFF)

    assert not rules.can_write_in_space(people["focal_point"], space)
    assert rules.can_write_in_space(people["staff"], space)


def test_a_locked_thread_takes_replies_from_staff_only(people):
    thread = ThreadFactory(status=ThreadStatus.LOCKED)

    assert not rules.can_reply(people["focal_point"], thread)
    assert rules.can_reply(people["staff"], thread)


def test_an_inactive_focal_point_reads_nothing_closed():
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    person = FocalPointFactory(is_active=False)

    assert not rules.can_read_space(person, space)


def test_the_writable_spaces_are_those_the_rule_lets_each_person_write_in(people):
    meeting_space = SpaceFactory(
        kind=SpaceKind.MEETING, topic=None, meeting=people["meeting"], read_access=ReadAccess.GROUP
    )
    spaces = [
        SpaceFactory(read_access=ReadAccess.PUBLIC),
        SpaceFactory(read_access=ReadAccess.NETWORK),
        SpaceFactory(read_access=ReadAccess.NETWORK, write_access=WriteAccess.STAFF),
        meeting_space,
        SpaceFactory(
            kind=SpaceKind.MEETING,
            topic=None,
            meeting=MeetingFactory(),
            read_access=ReadAccess.GROUP,
        ),
    ]

    for who in ("visitor", "focal_point", "delegate", "staff"):
        user = people[who]
        expected = {space.pk for space in spaces if rules.can_write_in_space(user, space)}
        assert set(selectors.writable_spaces(user).values_list("pk", flat=True)) == expected, who
    assert list(selectors.writable_spaces(people["delegate"])) == [meeting_space]
