"""Who may do what with meetings, documents and registrations. Checked on the
server by every view and admin action; tested in tests/meetings/test_rules.py.

Functions taking a meeting or registration read only what they are given
(and the person's registrations), so they are cheap on a page."""

from network.rules import is_active_user, is_focal_point, is_focal_point_of

from .enums import MaterialsAccess, RegistrationStatus, Visibility


def is_meetings_staff(user):
    """Secretariat staff who run meetings (a permission of their group)."""
    return is_active_user(user) and user.is_staff and user.has_perm("meetings.change_meeting")


def is_delegate_of(user, meeting):
    """A signed-in person with an approved registration for ``meeting``."""
    if not is_active_user(user):
        return False
    return (
        meeting.registrations.for_person(user).filter(status=RegistrationStatus.APPROVED).exists()
    )


def can_view_meeting(user, meeting):
    """Public meetings for everyone; restricted ones for their delegates, the
    focal points (who register their delegations) and staff."""
    return (
        meeting.visibility == Visibility.PUBLIC
        or is_meetings_staff(user)
        or is_focal_point(user)
        or is_delegate_of(user, meeting)
    )


def can_view_restricted_material(user, meeting):
    """Delegates-only documents and national reports: the
    meeting's approved delegates, the focal points of the network and staff."""
    return is_meetings_staff(user) or is_focal_point(user) or is_delegate_of(user, meeting)


def can_join_online(user, meeting):
    """The online link of a webinar or hybrid meeting: its approved
    participants and staff only (not every focal point: a link passed around
    lets anyone into the room)."""
    return is_meetings_staff(user) or is_delegate_of(user, meeting)


def registration_may_join(registration):
    """A registrant reached by their signed link sees the online link once
    approved, and never before."""
    return registration.status == RegistrationStatus.APPROVED and bool(
        registration.meeting.online_url
    )


def can_download_document(user, document):
    if not can_view_meeting(user, document.meeting):
        return False
    return document.visibility == Visibility.PUBLIC or can_view_restricted_material(
        user, document.meeting
    )


def can_register_delegation(user, institution):
    """A focal point registers their own institution's delegation, and no other."""
    return is_focal_point_of(user, institution)


def can_endorse(user, registration):
    """The focal point of the registration's institution."""
    return registration.institution_id is not None and is_focal_point_of(
        user, registration.institution
    )


def can_manage_registrations(user):
    return is_active_user(user) and user.is_staff and user.has_perm("meetings.change_registration")


def can_record_attendance(user):
    """Check participants in at the door and import a webinar's attendance:
    staff who may change registrations."""
    return can_manage_registrations(user)


def can_upload_national_report(user, meeting):
    """A focal point of a ministry of a member state, while reports are asked for."""
    return (
        meeting.national_reports_due is not None
        and is_focal_point(user)
        and user.institution.member_state_id is not None
    )


def is_attendee_of(user, meeting):
    """A signed-in person recorded as present at ``meeting``."""
    if not is_active_user(user):
        return False
    return meeting.registrations.for_person(user).certified().exists()


def can_view_materials(user, meeting):
    """The recording and slides, once the meeting is over, for those its
    setting names (staff always)."""
    if not meeting.is_over() or not can_view_meeting(user, meeting):
        return False
    if is_meetings_staff(user) or meeting.materials_access == MaterialsAccess.PUBLIC:
        return True
    if meeting.materials_access == MaterialsAccess.PARTICIPANTS:
        return is_delegate_of(user, meeting)
    return is_attendee_of(user, meeting)


def registration_may_see_materials(registration):
    """As can_view_materials, for a registrant reached by their signed link."""
    meeting = registration.meeting
    if not meeting.is_over():
        return False
    if meeting.materials_access == MaterialsAccess.PUBLIC:
        return True
    if meeting.materials_access == MaterialsAccess.PARTICIPANTS:
        return registration.status == RegistrationStatus.APPROVED
    return registration.is_certified


def registration_may_have_certificate(registration):
    """A certificate of attendance: recorded as present (checked in, ticked
    or in the imported report), still approved, and the meeting is over."""
    return registration.is_certified and registration.meeting.is_over()
