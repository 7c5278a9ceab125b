"""The issue's "done when": 2,000 subscribers, a real Celery worker, the
local SMTP test server; exactly one copy each, even when the worker is killed
mid-way and started again."""

import contextlib
import datetime
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import connection
from django.utils import timezone

from core import mail
from core.enums import DeliveryStatus
from core.models import EmailDelivery
from newsletter import services
from newsletter.enums import IssueStatus
from newsletter.models import Issue, Subscriber
from rial_portal.celery import app
from tests.conftest import wait_for
from tests.factories import UserFactory
from tests.newsletter.factories import NewsItemFactory

SUBSCRIBERS = 2000
# How long a phase of sending may take: a minute when the machine is idle, but
# several under CI's load (browser tests beside it). The waits end as soon as
# their condition holds, so a generous bound costs nothing when all is well.
PATIENCE = 600


@pytest.fixture(autouse=True)
def fund_above_minimum(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("0")


def issue_for_many_readers():
    """An issue of one news item, and SUBSCRIBERS active subscribers."""
    now = timezone.now()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org", languages=["en"], confirmed_at=now)
        for n in range(SUBSCRIBERS)
    )
    NewsItemFactory(title="Apprenticeship law")
    # Given its rights directly: a transactional test's flush removes the
    # staff groups that migrations create.
    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=["change_issue", "send_issue"]
        )
    )
    return staff, services.issue_create(issue=Issue(title_en="Spring news"), user=staff)


def deliveries_of(issue):
    return EmailDelivery.objects.filter(key__startswith=issue.delivery_key_prefix)


def assert_each_reader_got_one_copy(recipients, issue):
    assert len(recipients) == SUBSCRIBERS
    assert len(set(recipients)) == SUBSCRIBERS
    assert set(recipients) == set(Subscriber.objects.values_list("email", flat=True))
    assert deliveries_of(issue).filter(status=DeliveryStatus.SENT).count() == SUBSCRIBERS
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count, issue.failed_count) == (
        IssueStatus.SENT,
        SUBSCRIBERS,
        0,
    )


@pytest.mark.django_db(transaction=True)
def test_an_issue_reaches_2000_subscribers_once_each(celery_worker, smtp_recipients):
    staff, issue = issue_for_many_readers()

    services.issue_send_now(issue=issue, user=staff)

    assert wait_for(
        lambda: Issue.objects.get(pk=issue.pk).status == IssueStatus.SENT, timeout=PATIENCE
    )
    # Nothing more turns up afterwards.
    assert not wait_for(lambda: len(smtp_recipients) > SUBSCRIBERS, timeout=0.5)
    assert_each_reader_got_one_copy(smtp_recipients, issue)


# The worker killed and started again -------------------------------------------------


def database_url():
    """This test database's address, for a worker in another process."""
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        options = database["OPTIONS"].get("init_command")
        query = f"?{urlencode({'init_command': options})}" if options else ""
        return f"sqlite:///{database['NAME']}{query}"
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "localhost"
    port = f":{database['PORT']}" if database["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{database['NAME']}"


class WorkerProcess:
    """``celery worker --pool=solo`` in a process of its own, on this test
    database and broker, taking tasks from ``queue`` only, mailing to ``port``."""

    def __init__(self, *, queue, port, log):
        self.command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "rial_portal",
            "worker",
            "--pool=solo",
            "--queues",
            queue,
            "--hostname",
            f"{queue}@%h",
            "--loglevel=WARNING",
            # Alone on its queue: no need to meet other workers.
            "--without-mingle",
            "--without-gossip",
        ]
        self.environment = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        }
        self.log = log
        self.process = None

    def start(self):
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=settings.BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill_between_two_messages(self, claimed):
        """SIGKILL, at a moment when no message is between its claim and its
        record (``claimed()`` is false while the process is stopped). A kill
        inside that window leaves one copy in doubt: the mail module then
        never sends it again (tests/core/test_mail.py), as it may have
        gone out; that case cannot end with an exact count, whatever the design."""
        while True:
            self.process.send_signal(signal.SIGSTOP)
            os.waitpid(self.process.pid, os.WUNTRACED)  # until it has stopped
            if not claimed():
                self.process.send_signal(signal.SIGKILL)
                self.process.wait(timeout=10)
                return
            self.process.send_signal(signal.SIGCONT)
            time.sleep(0.002)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def tasks_sent_to(queue):
    """Tasks queued inside go to ``queue``: to the worker process, not to a
    worker thread this test process may run on its usual queue."""
    usual = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        yield
    finally:
        app.conf.task_default_queue = usual


def wait_until_still(count, quiet=0.5, timeout=PATIENCE):
    """Wait until ``count()`` has not changed for ``quiet`` seconds."""
    deadline = time.monotonic() + timeout
    last, since = count(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        current = count()
        if current != last:
            last, since = current, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return True
    return False


@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_issue_still_sends_each_copy_once(
    smtp_recipients, settings, tmp_path
):
    staff, issue = issue_for_many_readers()
    queue = f"tests-{os.getpid()}-killable"
    worker = WorkerProcess(queue=queue, port=settings.EMAIL_PORT, log=tmp_path / "worker.log")
    try:
        with tasks_sent_to(queue):
            services.issue_send_now(issue=issue, user=staff)
        worker.start()
        assert wait_for(lambda: len(smtp_recipients) >= SUBSCRIBERS // 4, timeout=PATIENCE), (
            worker.log.read_text()
        )

        worker.kill_between_two_messages(
            lambda: deliveries_of(issue).filter(status=DeliveryStatus.SENDING).exists()
        )
        sent_before_the_kill = len(smtp_recipients)
        assert sent_before_the_kill < SUBSCRIBERS

        worker.start()
        # The worker goes through the batches still queued…
        assert wait_until_still(lambda: len(smtp_recipients))
        # …but the batch the killed worker had taken is gone with it (or, on
        # Redis, hidden until the visibility timeout): the beat's requeue of
        # stale deliveries sends its rest.
        later = timezone.now() + mail.STALE_PENDING_AFTER + datetime.timedelta(minutes=1)
        with tasks_sent_to(queue):
            mail.email_requeue_stale(now=later)
        assert wait_for(
            lambda: not deliveries_of(issue).exclude(status=DeliveryStatus.SENT).exists(),
            timeout=PATIENCE,
        ), worker.log.read_text()
        services.issue_send_due()
        assert not wait_for(lambda: len(smtp_recipients) > SUBSCRIBERS, timeout=0.5)
    finally:
        worker.stop()

    assert sent_before_the_kill < len(smtp_recipients)
    assert_each_reader_got_one_copy(smtp_recipients, issue)
