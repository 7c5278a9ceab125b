"""Who may do what with a program. Checked on the server by every view and
admin action; tested as a matrix in tests/portfolio/test_rules.py."""

from network.rules import is_active_user, is_focal_point, is_focal_point_of


def is_portfolio_staff(user):
    """Secretariat staff who review programs (a permission of their group)."""
    return is_active_user(user) and user.is_staff and user.has_perm("portfolio.change_program")


def can_create_program(user):
    """A focal point of a ministry of labor."""
    return is_focal_point(user) and user.institution.kind == "ministry"


def can_edit_program(user, program):
    """The owner ministry's focal points, and the Secretariat."""
    return is_focal_point_of(user, program.owner) or is_portfolio_staff(user)


def can_view_program(user, program):
    """Public programs for anyone; the others only for those who may edit them."""
    return program.is_public or can_edit_program(user, program)


def can_review_program(user):
    return is_portfolio_staff(user)


def can_export_programs(user):
    return is_active_user(user) and user.is_staff and user.has_perm("portfolio.view_program")
