"""Permission predicates about people and institutions, shared by every app.
Each is one rule, checked on the server, and tested in tests/network/test_rules.py.
Staff rights are Django permissions (granted through the Technical
Secretariat group); each app's rules.py names the ones it needs."""


def is_active_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_focal_point(user):
    """A signed-in focal point of some institution."""
    return is_active_user(user) and user.is_focal_point and user.institution_id is not None


def is_focal_point_of(user, institution):
    """A focal point who may act for ``institution``: only their own."""
    return (
        is_focal_point(user) and institution is not None and user.institution_id == institution.pk
    )
