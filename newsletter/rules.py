"""Who may do what with news."""

from network.rules import is_active_user, is_focal_point, is_focal_point_of


def can_submit_news(user):
    return is_focal_point(user)


def can_edit_news(user, news):
    return is_focal_point_of(user, news.institution) or can_review_news(user)


def can_view_news(user, news):
    return news.is_public or can_edit_news(user, news)


def can_review_news(user):
    return is_active_user(user) and user.is_staff and user.has_perm("newsletter.change_newsitem")
