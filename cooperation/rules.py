"""Who may do what with calls, needs and requests. Checked on the server by
every view, admin action and service; tested in tests/cooperation/test_rules.py.

Only the two ministries' focal points and staff see a request before it is
approved; each step of its lifecycle belongs to one side."""

from network.rules import is_active_user, is_focal_point, is_focal_point_of

from .enums import PUBLIC_STATUSES, RequestStatus


def is_cooperation_staff(user):
    """Secretariat staff who run calls and review requests."""
    return is_active_user(user) and user.is_staff and user.has_perm("cooperation.change_request")


def can_see_all_needs(user):
    """Needs are shared within the network: focal points and staff."""
    return is_focal_point(user) or is_cooperation_staff(user)


def can_view_need(user, need):
    return need.is_public or can_see_all_needs(user)


def can_edit_need(user, need):
    return is_focal_point_of(user, need.institution)


def can_create_request(user):
    """A focal point of a ministry of labor."""
    return is_focal_point(user) and user.institution.kind == "ministry"


def can_request_program(user, program):
    """A focal point of another country's ministry asks for a published
    program's cooperation (a ministry does not request its own country's)."""
    return (
        can_create_request(user)
        and program.status == "published"
        and program.owner.member_state_id != user.institution.member_state_id
    )


def is_requester(user, request):
    return is_focal_point_of(user, request.requester)


def is_provider(user, request):
    return is_focal_point_of(user, request.provider)


def can_view_request(user, request):
    if request.status in PUBLIC_STATUSES or is_cooperation_staff(user):
        return True
    if is_requester(user, request):
        return True
    return is_provider(user, request) and request.status != RequestStatus.DRAFT


def can_edit_request(user, request):
    """The requester changes a draft."""
    return request.status == RequestStatus.DRAFT and is_requester(user, request)


def can_review_request(user):
    return is_cooperation_staff(user)


def can_decide_request(user):
    """Selecting, approving and creating the fund allocation: staff who may
    also keep the fund's books."""
    return is_cooperation_staff(user) and user.has_perm("fund.add_allocation")
