"""Reads of the newsletter shared by the admin and the services."""

from dataclasses import dataclass

from django.db.models import Count

from core.enums import DeliveryStatus
from core.models import EmailDelivery

from . import rules
from .enums import IssueStatus, NewsStatus
from .models import NewsItem


@dataclass(frozen=True)
class Progress:
    """Where the sending of an issue stands (deliveries, by outcome)."""

    total: int
    sent: int
    failed: int
    pending: int  # not sent yet, or being sent at this moment

    @property
    def done(self):
        return self.total - self.pending

    @property
    def percent_done(self):
        return round(100 * self.done / self.total) if self.total else 100


def issue_progress(issue):
    """Counted from the deliveries while the issue is being sent; the final
    counts recorded on the issue once it is sent."""
    if issue.status == IssueStatus.SENT:
        return Progress(
            total=issue.recipients_count,
            sent=issue.sent_count,
            failed=issue.failed_count,
            pending=0,
        )
    counts = dict(
        EmailDelivery.objects.filter(key__startswith=issue.delivery_key_prefix)
        .values_list("status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    sent = counts.get(DeliveryStatus.SENT, 0)
    failed = counts.get(DeliveryStatus.FAILED, 0)
    pending = counts.get(DeliveryStatus.PENDING, 0) + counts.get(DeliveryStatus.SENDING, 0)
    return Progress(total=sent + failed + pending, sent=sent, failed=failed, pending=pending)


def dashboard_section(user):
    """A focal point's news not published yet: drafts and returned items to
    finish, and those waiting for the Secretariat's review."""
    if not rules.can_submit_news(user):
        return None
    items = list(
        NewsItem.objects.filter(institution_id=user.institution_id)
        .exclude(status=NewsStatus.PUBLISHED)
        .order_by("-updated_at", "pk")
    )
    return "newsletter/_section_dashboard.html", {
        "to_finish": [item for item in items if item.can_be_submitted],
        "in_review": [item for item in items if item.status == NewsStatus.SUBMITTED],
    }
