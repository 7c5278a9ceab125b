"""Email for every app: render in the recipient's language, record one
delivery per (event, recipient), send it from a Celery task after commit.

Guarantees:
- a delivery row exists before anything is queued, so a broker that is down
  loses nothing: ``email_requeue_stale`` (beat, every few minutes) queues the
  pending rows again;
- a delivery is claimed atomically (pending → sending) before it is sent, so
  two workers, a retry or a duplicate message never send it twice;
- a worker that dies between sending and recording leaves the row "sending";
  it is then marked failed, not sent again: we prefer a rare lost email, which
  staff see in the admin, to a duplicate in a minister's inbox.
"""

import datetime
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from .enums import DeliveryStatus
from .models import EmailDelivery

MAX_ATTEMPTS = 6
# Errors worth another try: the mail server or the network, not our message.
TRANSIENT_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)
STALE_PENDING_AFTER = datetime.timedelta(minutes=10)
STALE_SENDING_AFTER = datetime.timedelta(hours=1)


def email_enqueue(*, key, to, template, context, language=""):
    """Record the email ``template`` for ``to`` under ``key`` and send it once
    the current transaction commits. A key seen before sends nothing again.

    ``template`` names ``<template>_subject.txt`` and ``<template>_body.txt``;
    they are rendered in ``language`` (the recipient's), or the site's."""
    context = Context({"site_url": settings.SITE_URL, **context}, autoescape=False)
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(_render_text(f"{template}_subject.txt", context).split())
        body = _render_text(f"{template}_body.txt", context)
    delivery, created = EmailDelivery.objects.get_or_create(
        key=key[:255], defaults={"to": to, "subject": subject[:255], "body": body}
    )
    if created:
        _queue_after_commit(delivery.pk)
    return delivery


def _queue_after_commit(delivery_id):
    # Imported here: tasks.py imports this module.
    from .tasks import email_deliver

    # robust: a broker that is down must not fail the request that saved the
    # row; email_requeue_stale sends it once the broker is back.
    transaction.on_commit(lambda: email_deliver.delay(delivery_id), robust=True)


def email_people(*, people, key, template, context, notice=None):
    """``email_enqueue`` for each person, in their own language, with
    ``recipient`` in the context and ``key:<person pk>`` as the key. With a
    ``notice``, people who turned that kind of email off are skipped."""
    for person in people:
        if notice is not None and not person.wants_notice(notice):
            continue
        email_enqueue(
            key=f"{key}:{person.pk}",
            to=person.email,
            template=template,
            context={**context, "recipient": person},
            language=person.language,
        )


def _render_text(template_name, context):
    # Plain-text mail is never HTML-escaped: "Jobs & Skills" stays as typed.
    return get_template(template_name).template.render(context)


def email_deliver_now(*, delivery_id):
    """Send one delivery if it is still pending. Returns the delivery, or None
    when there was nothing to do. Raises a transient error after putting the
    delivery back to pending, so that the caller may retry."""
    claimed = EmailDelivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.SENDING, updated_at=timezone.now()
    )
    if not claimed:
        return None
    delivery = EmailDelivery.objects.get(pk=delivery_id)
    message = EmailMultiAlternatives(
        subject=delivery.subject,
        body=delivery.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.to],
        headers=delivery.headers,
    )
    if delivery.html_body:
        message.attach_alternative(delivery.html_body, "text/html")
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        # The server refused the address itself: trying again cannot help.
        _record_failure(delivery, error, final=True)
        return delivery
    except TRANSIENT_ERRORS as error:
        _record_failure(delivery, error, final=delivery.attempts + 1 >= MAX_ATTEMPTS)
        raise
    delivery.attempts += 1
    delivery.status = DeliveryStatus.SENT
    delivery.sent_at = timezone.now()
    delivery.last_error = ""
    delivery.save(update_fields=["attempts", "status", "sent_at", "last_error", "updated_at"])
    return delivery


def _record_failure(delivery, error, *, final):
    delivery.attempts += 1
    delivery.last_error = f"{error.__class__.__name__}: {error}"[:2000]
    delivery.status = DeliveryStatus.FAILED if final else DeliveryStatus.PENDING
    delivery.save(update_fields=["attempts", "last_error", "status", "updated_at"])


def email_retry_failed(*, deliveries):
    """Give failed deliveries a fresh start (after a person fixed the cause).
    Returns how many were queued."""
    pks = list(deliveries.filter(status=DeliveryStatus.FAILED).values_list("pk", flat=True))
    EmailDelivery.objects.filter(pk__in=pks).update(
        status=DeliveryStatus.PENDING, attempts=0, updated_at=timezone.now()
    )
    for pk in pks:
        _queue_after_commit(pk)
    return len(pks)


def email_requeue_stale(*, now=None):
    """Queue again what the broker may have lost; give up on interrupted sends.
    Returns (requeued, abandoned) counts."""
    now = now or timezone.now()
    pending = list(
        EmailDelivery.objects.filter(
            status=DeliveryStatus.PENDING, updated_at__lt=now - STALE_PENDING_AFTER
        ).values_list("pk", flat=True)
    )
    for pk in pending:
        _queue_after_commit(pk)
    abandoned = EmailDelivery.objects.filter(
        status=DeliveryStatus.SENDING, updated_at__lt=now - STALE_SENDING_AFTER
    ).update(
        status=DeliveryStatus.FAILED,
        last_error="The worker stopped while sending; not sent again to avoid a duplicate.",
        updated_at=now,
    )
    return len(pending), abandoned
