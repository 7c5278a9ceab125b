"""What /metrics/ tells Prometheus, besides the requests counted by
django-prometheus's middleware: the Celery queue's length and the email
outbox by state, both read at scrape time, so that every web process (and
every node) answers the same figures whichever one is scraped.

With several gunicorn processes, set PROMETHEUS_MULTIPROC_DIR (see the
README): each process's request counters are then written there and
summed at every scrape."""

import os

from django.db.models import Count, Min
from django.utils import timezone
from kombu.exceptions import ChannelError
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily

from core.enums import DeliveryStatus
from core.models import EmailDelivery

from .celery import app as celery_app
from .health import broker_connection


def _queue_length(channel, queue):
    try:
        return channel.queue_declare(queue=queue, passive=True).message_count
    except ChannelError:
        # Redis drops an empty list: a queue nobody sent to yet is empty.
        return 0


class OperationsCollector:
    """Gauges computed at each scrape from the broker and the database.
    ``queues``: the Celery queues to measure (the default queue if None)."""

    def __init__(self, queues=None):
        self.queues = queues

    def collect(self):
        yield from self._queues()
        yield from self._outbox()

    def _queues(self):
        up = GaugeMetricFamily(
            "rial_celery_broker_up", "1 if Celery's broker answered this scrape, else 0."
        )
        length = GaugeMetricFamily(
            "rial_celery_queue_length",
            "Tasks waiting in the queue (not yet taken by a worker).",
            labels=["queue"],
        )
        queues = self.queues or [celery_app.conf.task_default_queue]
        try:
            with broker_connection() as broker:
                for queue in queues:
                    length.add_metric([queue], _queue_length(broker.default_channel, queue))
        except Exception:  # noqa: BLE001 - a broker that fails is reported as down
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield length

    def _outbox(self):
        by_status = dict(
            EmailDelivery.objects.order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        deliveries = GaugeMetricFamily(
            "rial_email_deliveries",
            "Email deliveries in the outbox, by state (sent and failed ones are kept).",
            labels=["status"],
        )
        for status in DeliveryStatus.values:
            deliveries.add_metric([status], by_status.get(status, 0))
        yield deliveries
        oldest = EmailDelivery.objects.filter(status=DeliveryStatus.PENDING).aggregate(
            oldest=Min("updated_at")
        )["oldest"]
        waiting = GaugeMetricFamily(
            "rial_email_oldest_pending_seconds",
            "Seconds the longest-waiting pending delivery has waited (0: none pending).",
        )
        waiting.add_metric([], (timezone.now() - oldest).total_seconds() if oldest else 0)
        yield waiting


OPERATIONS = CollectorRegistry(auto_describe=False)
OPERATIONS.register(OperationsCollector())


def metrics_exposition():
    """The text Prometheus reads: this process's (or, with
    PROMETHEUS_MULTIPROC_DIR, all processes') metrics, then the operations'."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        processes = CollectorRegistry()
        multiprocess.MultiProcessCollector(processes)
    else:
        processes = REGISTRY
    return generate_latest(processes) + generate_latest(OPERATIONS)
