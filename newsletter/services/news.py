"""News review: focal points submit, staff publish or return (the same
pattern as programs)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.enums import Notice
from network.mail import email_people
from network.selectors import secretariat_recipients, submitter_or_focal_points

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


@transaction.atomic
def news_submit(*, news, user):
    require(rules.can_edit_news(user, news), _("You cannot submit this news item."))
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if not news.can_be_submitted:
        raise ValidationError(_("Only a draft or a returned item can be submitted."))
    news.status = NewsStatus.SUBMITTED
    news.submitted_by = user
    news.submitted_at = timezone.now()
    news.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
    email_people(
        people=secretariat_recipients(),
        key=f"news-submitted:{news.pk}:{news.submitted_at.isoformat()}",
        template="newsletter/email/news_submitted",
        context={"news": news},
    )
    return news


@transaction.atomic
def news_publish(*, news, user):
    require(rules.can_review_news(user), _("Only the Secretariat publishes news."))
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if news.status != NewsStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted item can be published."))
    news.status = NewsStatus.PUBLISHED
    news.published_at = timezone.now()
    news.review_comment = ""
    news.save()
    _tell_submitter(news, "newsletter/email/news_published")
    return news


@transaction.atomic
def news_return(*, news, user, comment):
    require(rules.can_review_news(user), _("Only the Secretariat reviews news."))
    if not comment.strip():
        raise ValidationError({"comment": _("Say what should change.")})
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if news.status != NewsStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted item can be returned."))
    news.status = NewsStatus.RETURNED
    news.review_comment = comment.strip()
    news.save(update_fields=["status", "review_comment", "updated_at"])
    _tell_submitter(news, "newsletter/email/news_returned")
    return news


def _tell_submitter(news, template):
    email_people(
        people=submitter_or_focal_points(news.submitted_by, news.institution),
        key=f"{template.rsplit('/', 1)[-1]}:{news.pk}:{news.updated_at.isoformat()}",
        template=template,
        context={"news": news},
        notice=Notice.REVIEW_OUTCOMES,
    )
