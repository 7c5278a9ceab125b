"""News review: focal points submit, staff publish or return, through the
table of ``workflows.py`` (checked, logged and notified by
``core.workflow.transition``, as programs are)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.workflow import transition

from .. import rules
from ..enums import NewsStatus
from ..models import NewsItem
from ..rules import require


def news_save(*, user, news=None, **fields):
    """Create a draft, or change a draft or returned item."""
    if news is None:
        require(rules.can_submit_news(user), _("Only focal points submit news."))
        news = NewsItem(institution=user.institution, created_by=user)
    else:
        require(rules.can_edit_news(user, news), _("You cannot edit this news item."))
        if news.status not in (NewsStatus.DRAFT, NewsStatus.RETURNED):
            raise ValidationError(_("Only a draft or a returned item can be changed."))
    for name, value in fields.items():
        setattr(news, name, value)
    news.full_clean()
    news.save()
    return news


def news_submit(*, news, user):
    return transition(news, "submit", user=user)


def news_publish(*, news, user):
    return transition(news, "publish", user=user)


def news_return(*, news, user, comment):
    return transition(news, "return", user=user, comment=comment)
