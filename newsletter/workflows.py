"""The review of a news item, as one table (``network.workflow``):

    draft → submitted → published
              ↓    ↑
            returned

Every move is recorded in the activity log with its actor and comment; the
services in ``services/news.py`` are the only callers of ``transition()``."""

from django.utils.translation import gettext_lazy as _

from network.enums import Notice
from network.mail import email_people
from network.selectors import secretariat_recipients, submitter_or_focal_points
from network.workflow import Workflow, review_moves

from . import rules
from .enums import NewsStatus
from .models import NewsItem


def _can_review(user, news):
    return rules.can_review_news(user)


def _published(news, *, user, comment, when):
    news.published_at = when
    return ("published_at",)


def _tell_secretariat(news, *, user, comment, when):
    email_people(
        people=secretariat_recipients(),
        key=f"news-submitted:{news.pk}:{when.isoformat()}",
        template="newsletter/email/news_submitted",
        context={"news": news},
    )


def _tell_submitter(template):
    def notify(news, *, user, comment, when):
        email_people(
            people=submitter_or_focal_points(news.submitted_by, news.institution),
            key=f"{template.rsplit('/', 1)[-1]}:{news.pk}:{when.isoformat()}",
            template=template,
            context={"news": news},
            notice=Notice.REVIEW_OUTCOMES,
        )

    return notify


NEWS_WORKFLOW = Workflow(
    NewsItem,
    transitions=review_moves(
        NewsStatus,
        may_edit=rules.can_edit_news,
        may_review=_can_review,
        refused={
            "submit": _("You cannot submit this news item."),
            "publish": _("Only the Secretariat publishes news."),
            "return": _("Only the Secretariat reviews news."),
        },
        wrong_state={
            "submit": _("Only a draft or a returned item can be submitted."),
            "publish": _("Only a submitted item can be published."),
            "return": _("Only a submitted item can be returned."),
        },
        notify={
            "submit": _tell_secretariat,
            "publish": _tell_submitter("newsletter/email/news_published"),
            "return": _tell_submitter("newsletter/email/news_returned"),
        },
        on_accept=_published,
    ),
)
