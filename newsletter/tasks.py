from celery import shared_task
from django.conf import settings

from core import mail

from . import services


@shared_task(bind=True, max_retries=mail.MAX_ATTEMPTS, acks_late=True)
def issue_send_batch(self, issue_id, delivery_ids):
    """Send one batch of an issue's deliveries over one connection; a retry
    (after a transient error) skips what was sent."""
    try:
        mail.email_deliver_batch(
            delivery_ids=delivery_ids, rate_per_second=settings.NEWSLETTER_RATE_PER_SECOND
        )
    except mail.TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=mail.backoff_seconds(self.request.retries)) from error
    services.issue_finish_if_done(issue_id=issue_id)


@shared_task
def issue_send_due():
    services.issue_send_due()


@shared_task
def issue_draft_if_due():
    services.issue_draft_if_due()
