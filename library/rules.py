"""Who may do what with a library item. Checked on the server by every view
and admin action; tested as a matrix in tests/library/test_rules.py and
tests/test_access_matrix.py."""

from network.rules import is_active_user, is_focal_point, is_focal_point_of


def is_library_staff(user):
    """Secretariat staff who review and publish library items (a permission of their group)."""
    return is_active_user(user) and user.is_staff and user.has_perm("library.change_libraryitem")


def can_propose_item(user):
    """A focal point of a ministry of labor, for their ministry's publications."""
    return is_focal_point(user) and user.institution.kind == "ministry"


def can_edit_item(user, item):
    """The owner institution's focal points, and the Secretariat."""
    return is_focal_point_of(user, item.owner) or is_library_staff(user)


def can_change_item(user, item):
    """Whoever may edit the item, while it is a draft or returned: a
    submitted item waits for its review, a published one is the
    Secretariat's to change (in the admin)."""
    return item.can_be_submitted and can_edit_item(user, item)


def can_view_item(user, item):
    """Published items for anyone; drafts only for their institution and the Secretariat."""
    return item.is_public or can_edit_item(user, item)


def can_review_item(user):
    return is_library_staff(user)
