"""Who may do what with news and newsletter issues."""

from django.core.exceptions import PermissionDenied

from network.rules import is_active_user, is_focal_point, is_focal_point_of


def can_submit_news(user):
    return is_focal_point(user)


def can_edit_news(user, news):
    return is_focal_point_of(user, news.institution) or can_review_news(user)


def can_view_news(user, news):
    return news.is_public or can_edit_news(user, news)


def can_review_news(user):
    return is_active_user(user) and user.is_staff and user.has_perm("newsletter.change_newsitem")


def _staff_with(user, permission):
    return is_active_user(user) and user.is_staff and user.has_perm(permission)


def can_view_issue(user):
    return _staff_with(user, "newsletter.view_issue")


def can_edit_issue(user):
    return _staff_with(user, "newsletter.change_issue")


def can_change_subscriber(user):
    return _staff_with(user, "newsletter.change_subscriber")


def can_send_issue(user):
    """Sending reaches every subscriber: a right of its own."""
    return _staff_with(user, "newsletter.send_issue")


def require(allowed, message):
    """Refuse what a predicate did not allow (the services' guard)."""
    if not allowed:
        raise PermissionDenied(message)
