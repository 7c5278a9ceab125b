"""The meetings' permission rules as a matrix: role by meeting and document
visibility."""

import pytest

from meetings import rules
from meetings.enums import Visibility
from tests.factories import FocalPointFactory, InstitutionFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import DocumentFactory, MeetingFactory
from tests.meetings.roles import ROLES, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_is_meetings_staff(role):
    meeting = MeetingFactory()

    assert rules.is_meetings_staff(make_user(role, meeting)) == (role == "staff")


def test_staff_without_the_secretariat_group_is_not_meetings_staff():
    assert not rules.is_meetings_staff(UserFactory(is_staff=True))


@pytest.mark.parametrize("visibility", Visibility.values)
@pytest.mark.parametrize("role", ROLES)
def test_can_view_meeting(role, visibility):
    meeting = MeetingFactory(visibility=visibility)

    # Focal points see restricted meetings: they register their delegations.
    expected = visibility == Visibility.PUBLIC or role in ("focal_point", "delegate", "staff")
    assert rules.can_view_meeting(make_user(role, meeting), meeting) == expected


@pytest.mark.parametrize("role", ROLES)
def test_can_view_restricted_material(role):
    meeting = MeetingFactory()

    expected = role in ("focal_point", "delegate", "staff")
    assert rules.can_view_restricted_material(make_user(role, meeting), meeting) == expected


def test_a_delegate_of_another_meeting_sees_no_restricted_material_here():
    meeting, other = MeetingFactory(), MeetingFactory()

    assert not rules.can_view_restricted_material(make_user("delegate", other), meeting)


@pytest.mark.parametrize("meeting_visibility", Visibility.values)
@pytest.mark.parametrize("document_visibility", Visibility.values)
@pytest.mark.parametrize("role", ROLES)
def test_can_download_document(role, document_visibility, meeting_visibility):
    document = DocumentFactory(
        visibility=document_visibility, meeting=MeetingFactory(visibility=meeting_visibility)
    )
    user = make_user(role, document.meeting)

    sees_meeting = meeting_visibility == Visibility.PUBLIC or role in (
        "focal_point",
        "delegate",
        "staff",
    )
    sees_document = document_visibility == Visibility.PUBLIC or role in (
        "focal_point",
        "delegate",
        "staff",
    )
    assert rules.can_download_document(user, document) == (sees_meeting and sees_document)


@pytest.mark.parametrize("role", ROLES)
def test_can_upload_national_report_only_focal_points_while_reports_are_asked(role):
    meeting = MeetingFactory(national_reports_due=None)
    asking = MeetingFactory(national_reports_due=meeting.start_date)

    user = make_user(role, asking)

    assert not rules.can_upload_national_report(user, meeting)
    assert rules.can_upload_national_report(user, asking) == (role == "focal_point")


def test_focal_points_of_an_organization_without_member_state_send_no_national_report():
    meeting = MeetingFactory(national_reports_due=MeetingFactory().start_date)

    assert not rules.can_upload_national_report(
        FocalPointFactory(institution=OrganizationFactory()), meeting
    )
    assert rules.can_upload_national_report(
        FocalPointFactory(institution=InstitutionFactory()), meeting
    )


def test_an_inactive_focal_point_may_not_upload_a_national_report():
    meeting = MeetingFactory(national_reports_due=MeetingFactory().start_date)

    assert not rules.can_upload_national_report(FocalPointFactory(is_active=False), meeting)
