"""The review of a news item, as one table (``core.workflow``):

    draft → submitted → published
              ↓    ↑
            returned

Every move is recorded in the activity log with its actor and comment; the
services in ``services/news.py`` are the only callers of ``transition()``."""

from django.utils.translation import pgettext_lazy

from core.workflow import Reviewed, ReviewEmails, Workflow, review_moves
from network.selectors import secretariat_recipients, submitter_or_focal_points

from . import rules
from .enums import NewsStatus
from .models import NewsItem

NEWS_WORKFLOW = Workflow(
    NewsItem,
    transitions=review_moves(
        NewsStatus,
        Reviewed(
            this=pgettext_lazy("review", "this news item"),
            one=pgettext_lazy("review", "news item"),
            many=pgettext_lazy("review", "news"),
            gender="feminine",
        ),
        may_edit=rules.can_edit_news,
        may_review=rules.can_review_news,
        emails=ReviewEmails(
            reviewers=secretariat_recipients,
            owners=lambda news: submitter_or_focal_points(news.submitted_by, news.institution),
            context=lambda news, comment: {"news": news},
            submitted="newsletter/email/news_submitted",
            submitted_key="news-submitted",
            accepted="newsletter/email/news_published",
            returned="newsletter/email/news_returned",
        ),
    ),
)
