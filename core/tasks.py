from celery import shared_task

from . import mail


@shared_task(bind=True, max_retries=mail.MAX_ATTEMPTS, acks_late=True)
def email_deliver(self, delivery_id):
    try:
        mail.email_deliver_now(delivery_id=delivery_id)
    except mail.TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=mail.backoff_seconds(self.request.retries)) from error


@shared_task(bind=True, max_retries=mail.MAX_ATTEMPTS, acks_late=True)
def email_deliver_many(self, delivery_ids):
    """Deliveries queued again together (email_requeue_stale): one connection."""
    try:
        mail.email_deliver_batch(delivery_ids=delivery_ids)
    except mail.TRANSIENT_ERRORS as error:
        raise self.retry(exc=error, countdown=mail.backoff_seconds(self.request.retries)) from error


@shared_task
def email_requeue_stale():
    mail.email_requeue_stale()
