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

Bulk mail (the newsletter) records its deliveries with ``email_record_many``
and sends them with ``email_deliver_batch``: one connection to the mail server
per batch, the same claim and record per message as a single email.
"""

import base64
import datetime
import logging
import random
import re
import smtplib
import time
from dataclasses import dataclass, field
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone, translation

from .enums import DeliveryStatus
from .models import EmailDelivery
from .signals import email_refused, email_sent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# Errors worth another try: the mail server or the network, not our message.
TRANSIENT_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError, OSError)
STALE_PENDING_AFTER = datetime.timedelta(minutes=10)
STALE_SENDING_AFTER = datetime.timedelta(hours=1)
# Rows per INSERT or lookup when recording many deliveries: well under
# SQLite's limit of variables per statement.
RECORD_CHUNK = 500
# Deliveries per task when stale ones are queued again: one connection each.
REQUEUE_BATCH = 100


@dataclass(frozen=True)
class OutgoingEmail:
    """A rendered email for one recipient, under the key that makes it unique."""

    key: str
    to: str
    subject: str
    body: str
    html_body: str = ""
    headers: dict = field(default_factory=dict)

    def delivery_fields(self):
        return {
            "to": self.to,
            "subject": self.subject[:255],
            "body": self.body,
            "html_body": self.html_body,
            "headers": self.headers,
        }


# An image the HTML carries in its address (a check-in QR code), as its
# template writes it.
DATA_IMAGE = re.compile(r'src="data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/=]+)"')


def _inline_images(html):
    """``html`` with each data: image replaced by a cid: reference, and the
    images as MIME parts bearing those Content-IDs."""
    images = []

    def part(match):
        subtype, data = match.groups()
        content_id = f"image{len(images) + 1}@rial"
        image = MIMEImage(base64.b64decode(data), _subtype=subtype)
        image.add_header("Content-ID", f"<{content_id}>")
        image.add_header("Content-Disposition", "inline", filename=f"{content_id}.{subtype}")
        images.append(image)
        return f'src="cid:{content_id}"'

    return DATA_IMAGE.sub(part, html), images


def backoff_seconds(retries):
    """Seconds before retry number ``retries + 1``: exponential with jitter,
    capped far below Redis's one-hour visibility timeout."""
    return min(30 * 2**retries, 900) + random.randint(0, 15)


def queue_after_commit(task, *args):
    """Queue ``task(*args)`` once the current transaction commits."""
    # robust: a broker that is down must not fail the request that saved the
    # rows; email_requeue_stale sends them once the broker is back.
    transaction.on_commit(lambda: task.delay(*args), robust=True)


def email_enqueue(*, key, to, template, context, language="", html_template="", headers=None):
    """Record the email ``template`` for ``to`` under ``key`` and send it once
    the current transaction commits. A key seen before sends nothing again.

    ``template`` names ``<template>_subject.txt`` and ``<template>_body.txt``;
    they are rendered in ``language`` (the recipient's), or the site's. An
    ``html_template`` (escaped as HTML, with the plain text as ``text_body``)
    adds an HTML version, for what plain text cannot carry (an image);
    ``headers``, the email's own (List-Unsubscribe)."""
    values = {"site_url": settings.SITE_URL, **context}
    context = Context(values, autoescape=False)
    html_body = ""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(_render_text(f"{template}_subject.txt", context).split())
        body = _render_text(f"{template}_body.txt", context)
        if html_template:
            html_body = get_template(html_template).render({**values, "text_body": body})
    return email_enqueue_rendered(
        email=OutgoingEmail(
            key=key, to=to, subject=subject, body=body, html_body=html_body, headers=headers or {}
        )
    )


def email_enqueue_rendered(*, email):
    """``email_enqueue`` for an email rendered by the caller (HTML, headers)."""
    delivery, created = EmailDelivery.objects.get_or_create(
        key=email.key[:255], defaults=email.delivery_fields()
    )
    if created:
        _queue_after_commit(delivery.pk)
    return delivery


def email_record_many(*, emails):
    """Record many deliveries in a few queries and queue nothing: the caller
    sends them in batches (``email_deliver_batch``). A key recorded before
    keeps its delivery. Returns the ids of the deliveries of these keys that
    are still pending, in the order of ``emails``."""
    emails = list(emails)
    for start in range(0, len(emails), RECORD_CHUNK):
        EmailDelivery.objects.bulk_create(
            [
                EmailDelivery(key=email.key[:255], **email.delivery_fields())
                for email in emails[start : start + RECORD_CHUNK]
            ],
            ignore_conflicts=True,
        )
    keys = [email.key[:255] for email in emails]
    pending = {}
    for start in range(0, len(keys), RECORD_CHUNK):
        pending.update(
            EmailDelivery.objects.filter(
                key__in=keys[start : start + RECORD_CHUNK], status=DeliveryStatus.PENDING
            ).values_list("key", "pk")
        )
    return [pending[key] for key in keys if key in pending]


def _queue_after_commit(delivery_id):
    # Imported here: tasks.py imports this module.
    from .tasks import email_deliver

    queue_after_commit(email_deliver, delivery_id)


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


def email_deliver_now(*, delivery_id, connection=None):
    """Send one delivery if it is still pending, over ``connection`` (an email
    backend that a batch keeps open) or a connection of its own. Returns the
    delivery, or None when there was nothing to do. Raises a transient error
    after putting the delivery back to pending, so that the caller may retry."""
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
        connection=connection,
    )
    if delivery.html_body:
        html, images = _inline_images(delivery.html_body)
        message.attach_alternative(html, "text/html")
        if images:
            # The images are parts of the message that the HTML names by
            # Content-ID: Gmail and Outlook show those, not data: addresses.
            message.mixed_subtype = "related"
            for image in images:
                message.attach(image)
    try:
        if connection is not None:
            # Opened here rather than by the batch, so that a server that is
            # down counts as this delivery's failed attempt. No-op once open.
            connection.open()
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        if not _refused_for_good(error):
            _record_failure(delivery, error, final=delivery.attempts + 1 >= MAX_ATTEMPTS)
            raise
        # The server refused the address itself: trying again cannot help.
        _record_failure(delivery, error, final=True)
        email_refused.send(sender=EmailDelivery, delivery=delivery)
        return delivery
    except TRANSIENT_ERRORS as error:
        _record_failure(delivery, error, final=delivery.attempts + 1 >= MAX_ATTEMPTS)
        raise
    delivery.attempts += 1
    delivery.status = DeliveryStatus.SENT
    delivery.sent_at = timezone.now()
    delivery.last_error = ""
    delivery.save(update_fields=["attempts", "status", "sent_at", "last_error", "updated_at"])
    # The delivery's id, never its address: logs leave the portal.
    logger.info("Email delivery %s sent", delivery.pk)
    email_sent.send(sender=EmailDelivery, delivery=delivery)
    return delivery


def email_deliver_batch(*, delivery_ids, rate_per_second=0):
    """Send the pending deliveries among ``delivery_ids``, in order, over one
    connection to the mail server. Returns how many were sent.

    ``rate_per_second`` (0: no limit) paces the messages by sleeping between
    them; it holds per process, so N workers send up to N times the rate.
    Deliveries already sent or claimed elsewhere are skipped without a pause.
    A transient error stops the batch and is raised (the delivery it hit is
    back to pending), so that the caller retries the batch: the retry skips
    what was sent. An address refused for now (4xx) does not stop the others:
    its refusal is raised once the batch is through."""
    interval = 1 / rate_per_second if rate_per_second > 0 else 0
    connection = get_connection()
    next_send = time.monotonic()
    sent = 0
    refused_for_now = None
    try:
        for delivery_id in delivery_ids:
            pause = next_send - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            started = time.monotonic()
            try:
                delivery = email_deliver_now(delivery_id=delivery_id, connection=connection)
            except smtplib.SMTPRecipientsRefused as error:
                # The server answered and the connection is still good.
                refused_for_now = error
                next_send = started + interval
                continue
            if delivery is None:
                continue
            next_send = started + interval
            sent += delivery.status == DeliveryStatus.SENT
    finally:
        connection.close()
    if refused_for_now is not None:
        raise refused_for_now
    return sent


def _refused_for_good(error):
    # 5xx means the mailbox does not exist or will never accept this; 4xx
    # (greylisting, a full mailbox) may pass on a later attempt.
    return all(code >= 500 for code, _answer in error.recipients.values())


def _record_failure(delivery, error, *, final):
    delivery.attempts += 1
    delivery.last_error = f"{error.__class__.__name__}: {error}"[:2000]
    delivery.status = DeliveryStatus.FAILED if final else DeliveryStatus.PENDING
    delivery.save(update_fields=["attempts", "last_error", "status", "updated_at"])
    logger.warning(
        "Email delivery %s failed (attempt %s, %s): %s",
        delivery.pk,
        delivery.attempts,
        delivery.status,
        error.__class__.__name__,
    )


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
    """Queue again what the broker may have lost (in batches: after an outage
    or a killed worker there may be many); give up on interrupted sends.
    Returns (requeued, abandoned) counts."""
    # Imported here: tasks.py imports this module.
    from .tasks import email_deliver_many

    now = now or timezone.now()
    pending = list(
        EmailDelivery.objects.filter(
            status=DeliveryStatus.PENDING, updated_at__lt=now - STALE_PENDING_AFTER
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(pending), REQUEUE_BATCH):
        queue_after_commit(email_deliver_many, pending[start : start + REQUEUE_BATCH])
    abandoned = EmailDelivery.objects.filter(
        status=DeliveryStatus.SENDING, updated_at__lt=now - STALE_SENDING_AFTER
    ).update(
        status=DeliveryStatus.FAILED,
        last_error="The worker stopped while sending; not sent again to avoid a duplicate.",
        updated_at=now,
    )
    return len(pending), abandoned
