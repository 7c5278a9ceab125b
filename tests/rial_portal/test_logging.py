"""Log lines are JSON with the request's id, and the Celery tasks a request
queued log under the same id (django-structlog, through the task's headers)."""

import io
import json
import logging
import uuid

import pytest
import structlog
from django.conf import settings
from django.urls import reverse

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from tests.conftest import wait_for


@pytest.fixture
def log_lines():
    """The lines every logger writes, formatted as production writes them
    (settings.LOGGING's JSON formatter), parsed back: a function returning
    the lines so far."""
    formatter = settings.LOGGING["formatters"]["json"]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=formatter["foreign_pre_chain"], processors=formatter["processors"]
        )
    )
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)


def subscribe(client, **headers):
    return client.post(
        reverse("newsletter:subscribe"),
        {"email": "ana@example.org", "languages": ["es"]},
        headers=headers,
    )


@pytest.mark.django_db(transaction=True)
def test_request_and_the_email_task_it_queued_log_the_same_request_id(
    client, celery_worker, smtp_server, log_lines
):
    response = subscribe(client, x_request_id="proxy-7f3a.42")

    assert response.status_code == 302
    assert response["X-Request-ID"] == "proxy-7f3a.42"
    assert wait_for(lambda: EmailDelivery.objects.filter(status=DeliveryStatus.SENT).exists())
    delivery = EmailDelivery.objects.get()
    lines = log_lines()
    (finished,) = [line for line in lines if line["event"] == "request_finished"]
    (enqueued,) = [line for line in lines if line["event"] == "task_enqueued"]
    (task_started,) = [
        line
        for line in lines
        if line["event"] == "task_started" and line["task"] == "core.tasks.email_deliver"
    ]
    (sent,) = [line for line in lines if line["event"] == f"Email delivery {delivery.pk} sent"]
    assert finished["request"] == f"POST {reverse('newsletter:subscribe')}"
    assert finished["code"] == 302
    assert finished["request_id"] == "proxy-7f3a.42"
    assert enqueued["child_task_name"] == "core.tasks.email_deliver"
    assert enqueued["request_id"] == "proxy-7f3a.42"
    assert task_started["request_id"] == "proxy-7f3a.42"
    # A line the task's own code wrote (core.mail), through plain logging.
    assert sent["request_id"] == "proxy-7f3a.42"
    assert sent["logger"] == "core.mail"
    assert sent["level"] == "info"
    # The portal's lines name the delivery, never the address it went to
    # (aiosmtpd's, "mail.log", are the test mail server's).
    portal = [line for line in lines if line["logger"] != "mail.log"]
    assert not [line for line in portal if "ana@example.org" in json.dumps(line)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "given",
    [
        "forged\nrequest_finished",
        '{"request_id": "x"}',
        "x" * 129,
        "-starts-with-a-dash",
        "ünïcode",
    ],
)
def test_request_id_that_is_not_a_plain_token_is_replaced(client, log_lines, given):
    response = client.get(reverse("health"), headers={"x_request_id": given})

    request_id = response["X-Request-ID"]
    assert str(uuid.UUID(request_id)) == request_id
    logged = {line["request_id"] for line in log_lines() if "request_id" in line}
    assert logged == {request_id}


@pytest.mark.django_db
def test_request_without_an_id_gets_a_new_one_each_time(client, log_lines):
    first = client.get(reverse("health"))["X-Request-ID"]
    second = client.get(reverse("health"))["X-Request-ID"]

    assert first != second
    assert {line["request_id"] for line in log_lines()} == {first, second}
