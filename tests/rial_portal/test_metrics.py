"""/metrics/ for Prometheus: who may read it, and the figures it gives (the
email outbox by state, Celery's queue on the configured broker, requests)."""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.urls import reverse
from prometheus_client import CollectorRegistry, generate_latest

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from rial_portal import rules
from rial_portal.celery import app as celery_app
from rial_portal.health import broker_connection
from rial_portal.metrics import OperationsCollector
from tests.factories import SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def samples(response):
    """{'name{labels}': value} of the exposition's lines."""
    assert response.status_code == 200
    values = {}
    for line in response.content.decode().splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    return values


@pytest.fixture
def monitoring(settings):
    """The test client's address (127.0.0.1) is in the monitoring network."""
    settings.METRICS_ALLOWED_IPS = ["10.0.5.7", "127.0.0.0/8"]


@pytest.fixture
def own_queue():
    """A queue of this test's own on the configured broker, which no worker
    of the test run reads; messages are put there with kombu alone, leaving
    the Celery app's queues as they were."""
    name = f"metrics-test-{uuid.uuid4().hex}"
    with broker_connection() as broker:
        queue = broker.SimpleQueue(name)
        try:
            yield name, queue
        finally:
            queue.clear()
            queue.close()


def collected(collector):
    registry = CollectorRegistry()
    registry.register(collector)
    response = HttpResponse(generate_latest(registry))
    return samples(response)


def test_metrics_give_the_email_outbox_by_state(client, monitoring):
    for number, status in enumerate(
        [DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.SENT, DeliveryStatus.FAILED]
    ):
        EmailDelivery.objects.create(
            key=f"metrics:{number}", to="ana@example.org", subject="Hi", body=".", status=status
        )

    values = samples(client.get(reverse("metrics")))

    assert values['rial_email_deliveries{status="pending"}'] == 2
    assert values['rial_email_deliveries{status="sending"}'] == 0
    assert values['rial_email_deliveries{status="sent"}'] == 1
    assert values['rial_email_deliveries{status="failed"}'] == 1
    assert 0 <= values["rial_email_oldest_pending_seconds"] < 60


def test_metrics_give_the_celery_queue_length_on_the_broker(own_queue):
    name, queue = own_queue
    before = collected(OperationsCollector(queues=[name]))
    for number in range(3):
        queue.put({"task": number})

    after = collected(OperationsCollector(queues=[name]))

    assert before["rial_celery_broker_up"] == 1
    assert before[f'rial_celery_queue_length{{queue="{name}"}}'] == 0
    assert after[f'rial_celery_queue_length{{queue="{name}"}}'] == 3


def test_metrics_measure_the_default_queue(client, monitoring):
    values = samples(client.get(reverse("metrics")))

    queue = celery_app.conf.task_default_queue
    assert values[f'rial_celery_queue_length{{queue="{queue}"}}'] >= 0


def test_metrics_say_the_broker_is_down_and_still_answer(client, monitoring, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}

    values = samples(client.get(reverse("metrics")))

    assert values["rial_celery_broker_up"] == 0
    assert not [name for name in values if name.startswith("rial_celery_queue_length")]
    assert 'rial_email_deliveries{status="pending"}' in values


def test_metrics_count_requests_by_view(client, monitoring):
    name = (
        "django_http_requests_total_by_view_transport_method_total"
        '{method="GET",transport="http",view="network:about"}'
    )
    before = samples(client.get(reverse("metrics"))).get(name, 0)
    client.get(reverse("network:about"))
    client.get(reverse("network:about"))

    assert samples(client.get(reverse("metrics")))[name] == before + 2


def test_metrics_are_refused_outside_the_monitoring_network(client, settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.5.0/24"]

    assert client.get(reverse("metrics")).status_code == 403
    assert client.get(reverse("metrics"), REMOTE_ADDR="10.0.5.9").status_code == 200
    # A client cannot claim an allowed address through the proxy's header.
    forged = client.get(
        reverse("metrics"), REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="10.0.5.9"
    )
    assert forged.status_code == 403


def test_metrics_are_read_by_staff_with_their_second_factor(client, staff_client):
    assert staff_client.get(reverse("metrics")).status_code == 200


def test_can_read_metrics_needs_staff_verified_or_an_allowed_address(settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.5.0/24", "2001:db8::/32"]
    staff_without_second_factor = SecretariatStaffFactory()
    staff_without_second_factor.is_verified = lambda: False

    assert rules.can_read_metrics(AnonymousUser(), "10.0.5.200")
    assert rules.can_read_metrics(AnonymousUser(), "2001:db8::1")
    assert not rules.can_read_metrics(AnonymousUser(), "10.0.6.1")
    assert not rules.can_read_metrics(AnonymousUser(), "")
    assert not rules.can_read_metrics(AnonymousUser(), None)
    assert not rules.can_read_metrics(AnonymousUser(), "not an address")
    assert not rules.can_read_metrics(UserFactory(), "192.0.2.1")
    assert not rules.can_read_metrics(staff_without_second_factor, "192.0.2.1")
