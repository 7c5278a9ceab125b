"""The email machinery (core.mail): render, record one delivery per key,
send it once through a real SMTP server (aiosmtpd on loopback), retry what
the network lost, and never send twice."""

import datetime
import smtplib
import socket
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from core import mail
from core.enums import DeliveryStatus
from core.models import EmailDelivery
from core.signals import email_refused, email_sent
from tests.conftest import broker_outage, wait_for

pytestmark = pytest.mark.django_db

TEMPLATE = "tests/email/greeting"


@pytest.fixture(autouse=True)
def test_email_templates(settings):
    """tests/templates holds the greeting templates these tests render."""
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(__file__).parents[1] / "templates"]
    settings.TEMPLATES = templates


@pytest.fixture
def refused_smtp(settings):
    """The SMTP backend pointed at a loopback port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    return port


def enqueue(*, key="greeting:1", to="ana@example.org", name="Ana", language=""):
    return mail.email_enqueue(
        key=key, to=to, template=TEMPLATE, context={"name": name}, language=language
    )


def create_delivery(**fields):
    """A delivery row as email_enqueue records it, without queueing a task."""
    values = {
        "key": "greeting:1",
        "to": "ana@example.org",
        "subject": "Hello Ana",
        "body": "Dear Ana\n",
        **fields,
    }
    return EmailDelivery.objects.create(**values)


def backdate(delivery, age):
    EmailDelivery.objects.filter(pk=delivery.pk).update(updated_at=timezone.now() - age)


# email_enqueue ---------------------------------------------------------------


def test_email_enqueue_records_one_pending_delivery():
    delivery = enqueue()

    assert EmailDelivery.objects.count() == 1
    row = EmailDelivery.objects.get()
    assert row.pk == delivery.pk
    assert row.key == "greeting:1"
    assert row.to == "ana@example.org"
    assert row.status == DeliveryStatus.PENDING
    assert row.attempts == 0
    assert row.sent_at is None
    assert row.last_error == ""


def test_email_enqueue_renders_subject_on_one_line():
    delivery = enqueue()

    assert EmailDelivery.objects.get(pk=delivery.pk).subject == "Hello Ana"


def test_email_enqueue_renders_body_with_name_and_site_url():
    delivery = enqueue()

    body = EmailDelivery.objects.get(pk=delivery.pk).body
    assert body == f"Dear Ana,\n\nWelcome to {django_settings.SITE_URL}\n"


def test_email_enqueue_same_key_returns_existing_delivery():
    first = enqueue(name="Ana")
    second = enqueue(name="Beatriz", to="beatriz@example.org")

    assert second.pk == first.pk
    assert EmailDelivery.objects.count() == 1
    row = EmailDelivery.objects.get()
    assert row.to == "ana@example.org"
    assert row.subject == "Hello Ana"


def test_email_enqueue_new_key_records_another_delivery():
    first = enqueue(key="greeting:1")
    second = enqueue(key="greeting:2")

    assert second.pk != first.pk
    assert EmailDelivery.objects.count() == 2


def test_email_enqueue_renders_in_given_language():
    # Django's own Spanish catalog translates "January"; the lazy string is
    # evaluated while the template renders.
    with translation.override("en"):
        delivery = mail.email_enqueue(
            key="greeting:es",
            to="ana@example.org",
            template=TEMPLATE,
            context={"name": gettext_lazy("January")},
            language="es",
        )

    assert delivery.subject == "Hello enero"


def test_email_enqueue_without_language_renders_in_site_language():
    with translation.override("es"):
        delivery = mail.email_enqueue(
            key="greeting:default",
            to="ana@example.org",
            template=TEMPLATE,
            context={"name": gettext_lazy("January")},
        )

    assert django_settings.LANGUAGE_CODE == "en"
    assert delivery.subject == "Hello January"


def test_email_enqueue_restores_active_language():
    with translation.override("en"):
        enqueue(language="es")
        assert translation.get_language() == "en"


def test_email_enqueue_unknown_language_renders_untranslated():
    delivery = enqueue(language="xx")

    assert delivery.subject == "Hello Ana"
    assert EmailDelivery.objects.count() == 1


# email_deliver_now -------------------------------------------------------------


def test_email_deliver_now_sends_one_message(smtp_server):
    delivery = enqueue()

    mail.email_deliver_now(delivery_id=delivery.pk)

    assert len(smtp_server) == 1
    message = smtp_server[0]
    assert message["To"] == "ana@example.org"
    assert message["Subject"] == "Hello Ana"
    assert message["From"] == django_settings.DEFAULT_FROM_EMAIL
    # Lines travel with CRLF endings over SMTP.
    assert message.get_content().splitlines() == [
        "Dear Ana,",
        "",
        f"Welcome to {django_settings.SITE_URL}",
    ]


def test_email_deliver_now_marks_delivery_sent(smtp_server):
    delivery = enqueue()
    before = timezone.now()

    returned = mail.email_deliver_now(delivery_id=delivery.pk)

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert returned.pk == delivery.pk
    assert row.status == DeliveryStatus.SENT
    assert row.attempts == 1
    assert row.last_error == ""
    assert before <= row.sent_at <= timezone.now()


def test_email_deliver_now_second_call_sends_nothing(smtp_server):
    delivery = enqueue()
    mail.email_deliver_now(delivery_id=delivery.pk)

    assert mail.email_deliver_now(delivery_id=delivery.pk) is None
    assert len(smtp_server) == 1
    assert EmailDelivery.objects.get(pk=delivery.pk).attempts == 1


def test_email_deliver_now_skips_delivery_claimed_by_another_worker(smtp_server):
    delivery = create_delivery(status=DeliveryStatus.SENDING)

    assert mail.email_deliver_now(delivery_id=delivery.pk) is None
    assert smtp_server == []
    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert row.status == DeliveryStatus.SENDING
    assert row.attempts == 0


def test_email_deliver_now_skips_failed_delivery(smtp_server):
    delivery = create_delivery(status=DeliveryStatus.FAILED, attempts=mail.MAX_ATTEMPTS)

    assert mail.email_deliver_now(delivery_id=delivery.pk) is None
    assert smtp_server == []


def test_email_deliver_now_missing_delivery_returns_none(smtp_server):
    assert mail.email_deliver_now(delivery_id=999_999) is None
    assert smtp_server == []


def test_email_deliver_now_refused_connection_raises(refused_smtp):
    delivery = enqueue()

    with pytest.raises(ConnectionRefusedError):
        mail.email_deliver_now(delivery_id=delivery.pk)


def test_email_deliver_now_refused_connection_puts_delivery_back_to_pending(refused_smtp):
    delivery = enqueue()

    with pytest.raises(ConnectionRefusedError):
        mail.email_deliver_now(delivery_id=delivery.pk)

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert row.status == DeliveryStatus.PENDING
    assert row.attempts == 1
    assert row.last_error.startswith("ConnectionRefusedError: ")
    assert row.sent_at is None


def test_email_deliver_now_fails_delivery_after_max_attempts(refused_smtp):
    delivery = enqueue()
    for attempt in range(1, mail.MAX_ATTEMPTS):
        with pytest.raises(ConnectionRefusedError):
            mail.email_deliver_now(delivery_id=delivery.pk)
        row = EmailDelivery.objects.get(pk=delivery.pk)
        assert (row.status, row.attempts) == (DeliveryStatus.PENDING, attempt)

    with pytest.raises(ConnectionRefusedError):
        mail.email_deliver_now(delivery_id=delivery.pk)

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert row.status == DeliveryStatus.FAILED
    assert row.attempts == mail.MAX_ATTEMPTS
    assert row.last_error.startswith("ConnectionRefusedError: ")
    # A failed delivery is not tried again.
    assert mail.email_deliver_now(delivery_id=delivery.pk) is None


def test_email_deliver_now_succeeds_after_transient_failure(settings, refused_smtp, smtp_server):
    # smtp_server set EMAIL_PORT after refused_smtp did: point it back at the closed port.
    server_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = refused_smtp
    delivery = enqueue()
    with pytest.raises(ConnectionRefusedError):
        mail.email_deliver_now(delivery_id=delivery.pk)

    settings.EMAIL_PORT = server_port
    mail.email_deliver_now(delivery_id=delivery.pk)

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert row.status == DeliveryStatus.SENT
    assert row.attempts == 2
    assert row.last_error == ""
    assert len(smtp_server) == 1


# email_requeue_stale -------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_email_requeue_stale_sends_stale_pending_delivery(celery_worker, smtp_server):
    delivery = create_delivery()  # recorded, but its task was lost with the broker
    backdate(delivery, mail.STALE_PENDING_AFTER + datetime.timedelta(minutes=1))

    assert mail.email_requeue_stale() == (1, 0)

    assert wait_for(
        lambda: (
            EmailDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT
            and len(smtp_server) == 1
        )
    )
    assert smtp_server[0]["To"] == "ana@example.org"
    assert smtp_server[0]["Subject"] == "Hello Ana"


def test_email_requeue_stale_queues_many_deliveries_in_batches(
    django_capture_on_commit_callbacks,
):
    for n in range(mail.REQUEUE_BATCH + 1):
        backdate(create_delivery(key=f"greeting:{n}"), mail.STALE_PENDING_AFTER * 2)

    with django_capture_on_commit_callbacks() as callbacks:
        assert mail.email_requeue_stale() == (mail.REQUEUE_BATCH + 1, 0)

    assert len(callbacks) == 2


def test_email_requeue_stale_fails_delivery_stuck_sending(smtp_server):
    delivery = create_delivery(status=DeliveryStatus.SENDING)
    backdate(delivery, mail.STALE_SENDING_AFTER + datetime.timedelta(minutes=1))

    assert mail.email_requeue_stale() == (0, 1)

    row = EmailDelivery.objects.get(pk=delivery.pk)
    assert row.status == DeliveryStatus.FAILED
    assert row.last_error == (
        "The worker stopped while sending; not sent again to avoid a duplicate."
    )
    # Not sent again, even by a task still in the broker.
    assert mail.email_deliver_now(delivery_id=delivery.pk) is None
    assert smtp_server == []


def test_email_requeue_stale_leaves_fresh_deliveries_alone():
    pending = create_delivery(key="greeting:pending")
    sending = create_delivery(key="greeting:sending", status=DeliveryStatus.SENDING)
    backdate(pending, mail.STALE_PENDING_AFTER - datetime.timedelta(minutes=1))
    backdate(sending, mail.STALE_SENDING_AFTER - datetime.timedelta(minutes=1))

    assert mail.email_requeue_stale() == (0, 0)

    assert EmailDelivery.objects.get(pk=pending.pk).status == DeliveryStatus.PENDING
    assert EmailDelivery.objects.get(pk=sending.pk).status == DeliveryStatus.SENDING


def test_email_requeue_stale_leaves_old_sent_and_failed_deliveries_alone():
    sent = create_delivery(key="greeting:sent", status=DeliveryStatus.SENT)
    failed = create_delivery(key="greeting:failed", status=DeliveryStatus.FAILED)
    backdate(sent, datetime.timedelta(days=30))
    backdate(failed, datetime.timedelta(days=30))

    assert mail.email_requeue_stale() == (0, 0)

    assert EmailDelivery.objects.get(pk=sent.pk).status == DeliveryStatus.SENT
    assert EmailDelivery.objects.get(pk=failed.pk).status == DeliveryStatus.FAILED


# End to end ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_email_enqueue_sends_once_after_commit(celery_worker, smtp_server):
    with transaction.atomic():
        delivery = enqueue()
        # Nothing is queued, so nothing is sent, before the transaction commits.
        assert not wait_for(lambda: smtp_server, timeout=0.5)

    assert wait_for(
        lambda: (
            EmailDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT
            and len(smtp_server) == 1
        )
    )
    # Exactly once: no second message turns up.
    assert not wait_for(lambda: len(smtp_server) > 1, timeout=1)
    assert smtp_server[0]["To"] == "ana@example.org"
    assert smtp_server[0]["Subject"] == "Hello Ana"
    assert EmailDelivery.objects.get(pk=delivery.pk).attempts == 1


@pytest.mark.django_db(transaction=True)
def test_email_enqueue_rolled_back_records_and_sends_nothing(celery_worker, smtp_server):
    with transaction.atomic():
        enqueue()
        transaction.set_rollback(True)
    # A delivery enqueued after it, on the same queue, is sent: the first never was.
    later = enqueue(key="greeting:2", to="beatriz@example.org", name="Beatriz")

    assert wait_for(lambda: EmailDelivery.objects.get(pk=later.pk).status == DeliveryStatus.SENT)
    assert [message["To"] for message in smtp_server] == ["beatriz@example.org"]
    assert EmailDelivery.objects.count() == 1


@pytest.mark.django_db
def test_email_enqueue_never_html_escapes_plain_text():
    delivery = mail.email_enqueue(
        key="escape-check",
        to="ana@example.org",
        template="tests/email/greeting",
        context={"name": "Jobs & Skills <ministry>"},
    )

    assert delivery.subject == "Hello Jobs & Skills <ministry>"
    assert "Dear Jobs & Skills <ministry>," in delivery.body


@pytest.mark.django_db
def test_email_deliver_now_fails_at_once_for_a_refused_address(smtp_server):
    delivery = mail.email_enqueue(
        key="refused",
        to="refused.mailbox@example.org",
        template="tests/email/greeting",
        context={"name": "x"},
    )

    result = mail.email_deliver_now(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert result == delivery
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert delivery.last_error.startswith("SMTPRecipientsRefused: ")
    assert smtp_server == []


@pytest.mark.django_db
def test_email_retry_failed_puts_only_failed_deliveries_back(django_capture_on_commit_callbacks):
    failed = mail.email_enqueue(
        key="failed", to="a@example.org", template="tests/email/greeting", context={"name": "x"}
    )
    sent = mail.email_enqueue(
        key="sent", to="b@example.org", template="tests/email/greeting", context={"name": "x"}
    )
    EmailDelivery.objects.filter(pk=failed.pk).update(status=DeliveryStatus.FAILED, attempts=6)
    EmailDelivery.objects.filter(pk=sent.pk).update(status=DeliveryStatus.SENT)

    with django_capture_on_commit_callbacks() as callbacks:
        count = mail.email_retry_failed(deliveries=EmailDelivery.objects.all())

    failed.refresh_from_db()
    sent.refresh_from_db()
    assert count == 1
    assert len(callbacks) == 1
    assert (failed.status, failed.attempts) == (DeliveryStatus.PENDING, 0)
    assert sent.status == DeliveryStatus.SENT


@pytest.mark.django_db(transaction=True)
def test_email_enqueue_survives_a_broker_that_is_down(tmp_path):
    with broker_outage(tmp_path), transaction.atomic():
        delivery = mail.email_enqueue(
            key="broker-down", to="ana@example.org", template=TEMPLATE, context={"name": "Ana"}
        )

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 0


@pytest.mark.django_db(transaction=True)
def test_email_kept_during_an_outage_goes_out_once_when_the_broker_is_back(
    tmp_path, celery_worker, smtp_server
):
    with broker_outage(tmp_path), transaction.atomic():
        delivery = mail.email_enqueue(
            key="outage", to="ana@example.org", template=TEMPLATE, context={"name": "Ana"}
        )

    later = timezone.now() + mail.STALE_PENDING_AFTER + datetime.timedelta(minutes=1)
    assert mail.email_requeue_stale(now=later) == (1, 0)
    assert wait_for(lambda: EmailDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT)
    mail.email_requeue_stale(now=later)
    time.sleep(1)
    assert len(smtp_server) == 1


# email_deliver_batch ---------------------------------------------------------------


def record(*addresses):
    """Deliveries recorded for a batch, as a bulk sender records them."""
    return mail.email_record_many(
        emails=[
            mail.OutgoingEmail(
                key=f"batch:{address}",
                to=address,
                subject="Hello",
                body="Text",
                html_body="<p>Text</p>",
                headers={"List-Id": "Tests <tests.example.org>"},
            )
            for address in addresses
        ]
    )


def test_email_record_many_returns_pending_ids_and_keeps_existing_deliveries():
    first = record("ana@example.org", "beatriz@example.org")
    EmailDelivery.objects.filter(key="batch:ana@example.org").update(status=DeliveryStatus.SENT)

    again = record("ana@example.org", "beatriz@example.org", "carla@example.org")

    assert EmailDelivery.objects.count() == 3
    assert again[0] == first[1]
    assert [EmailDelivery.objects.get(pk=pk).to for pk in again] == [
        "beatriz@example.org",
        "carla@example.org",
    ]


def test_email_deliver_batch_sends_each_once_over_one_connection(smtp_server):
    ids = record("ana@example.org", "beatriz@example.org", "carla@example.org")

    assert mail.email_deliver_batch(delivery_ids=ids) == 3

    assert [message["To"] for message in smtp_server] == [
        "ana@example.org",
        "beatriz@example.org",
        "carla@example.org",
    ]
    assert len(set(smtp_server.peers)) == 1
    assert smtp_server[0]["List-Id"] == "Tests <tests.example.org>"
    assert smtp_server[0].get_body(preferencelist=("html",)).get_content() == "<p>Text</p>"
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.SENT}
    # Run again (a retry, a duplicate message): nothing is sent twice.
    assert mail.email_deliver_batch(delivery_ids=ids) == 0
    assert len(smtp_server) == 3


def test_email_deliver_batch_goes_on_after_a_refused_address(smtp_server):
    ids = record("refused.mailbox@example.org", "ana@example.org")

    assert mail.email_deliver_batch(delivery_ids=ids) == 1

    refused = EmailDelivery.objects.get(pk=ids[0])
    assert (refused.status, refused.attempts) == (DeliveryStatus.FAILED, 1)
    assert [message["To"] for message in smtp_server] == ["ana@example.org"]


def test_a_temporary_refusal_is_retried_without_holding_up_the_batch(smtp_server):
    ids = record("greylisted@example.org", "ana@example.org")

    # Raised once the batch is through, so that the task retries it later.
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        mail.email_deliver_batch(delivery_ids=ids)

    greylisted = EmailDelivery.objects.get(pk=ids[0])
    assert (greylisted.status, greylisted.attempts) == (DeliveryStatus.PENDING, 1)
    assert "450" in greylisted.last_error
    assert EmailDelivery.objects.get(pk=ids[1]).status == DeliveryStatus.SENT
    assert [message["To"] for message in smtp_server] == ["ana@example.org"]


def test_email_deliver_batch_with_the_server_down_counts_an_attempt_and_raises(refused_smtp):
    ids = record("ana@example.org", "beatriz@example.org")

    with pytest.raises(ConnectionRefusedError):
        mail.email_deliver_batch(delivery_ids=ids)

    first, second = (EmailDelivery.objects.get(pk=pk) for pk in ids)
    assert (first.status, first.attempts) == (DeliveryStatus.PENDING, 1)
    assert (second.status, second.attempts) == (DeliveryStatus.PENDING, 0)


def test_email_deliver_batch_paces_messages_at_the_rate_given(smtp_server):
    ids = record(*(f"person{n}@example.org" for n in range(4)))

    started = time.monotonic()
    mail.email_deliver_batch(delivery_ids=ids, rate_per_second=10)

    # Four messages at ten a second: three pauses of 100 ms at least.
    assert time.monotonic() - started >= 0.3
    assert len(smtp_server) == 4


def test_email_deliver_now_signals_what_was_sent_and_what_was_refused(smtp_server):
    events = []

    def on_sent(sender, delivery, **kwargs):
        events.append(("sent", delivery.to))

    def on_refused(sender, delivery, **kwargs):
        events.append(("refused", delivery.to))

    email_sent.connect(on_sent)
    email_refused.connect(on_refused)
    try:
        mail.email_deliver_batch(delivery_ids=record("ana@example.org", "refused@example.org"))
    finally:
        email_sent.disconnect(on_sent)
        email_refused.disconnect(on_refused)

    assert events == [("sent", "ana@example.org"), ("refused", "refused@example.org")]
