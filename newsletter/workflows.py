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
from network.workflow import Transition, Workflow

from . import rules
from .enums import NewsStatus
from .models import NewsItem


def _can_review(user, news):
    return rules.can_review_news(user)


def _submitted(news, *, user, comment, when):
    news.submitted_by = user
    news.submitted_at = when
    return ("submitted_by", "submitted_at")


def _published(news, *, user, comment, when):
    news.published_at = when
    news.review_comment = ""
    return ("published_at", "review_comment")


def _returned(news, *, user, comment, when):
    # The latest comment, for the ministry's screens; every one stays in the log.
    news.review_comment = comment
    return ("review_comment",)


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
    transitions=[
        Transition(
            name="submit",
            sources=(NewsStatus.DRAFT, NewsStatus.RETURNED),
            target=NewsStatus.SUBMITTED,
            label=_("Submit for review"),
            allowed=rules.can_edit_news,
            refused=_("You cannot submit this news item."),
            wrong_state=_("Only a draft or a returned item can be submitted."),
            apply=_submitted,
            notify=_tell_secretariat,
        ),
        Transition(
            name="publish",
            sources=(NewsStatus.SUBMITTED,),
            target=NewsStatus.PUBLISHED,
            label=_("Publish"),
            allowed=_can_review,
            refused=_("Only the Secretariat publishes news."),
            wrong_state=_("Only a submitted item can be published."),
            apply=_published,
            notify=_tell_submitter("newsletter/email/news_published"),
        ),
        Transition(
            name="return",
            sources=(NewsStatus.SUBMITTED,),
            target=NewsStatus.RETURNED,
            label=_("Return to the ministry"),
            allowed=_can_review,
            refused=_("Only the Secretariat reviews news."),
            wrong_state=_("Only a submitted item can be returned."),
            apply=_returned,
            notify=_tell_submitter("newsletter/email/news_returned"),
            comment_required=True,
        ),
    ],
)
