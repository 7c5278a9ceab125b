"""Time the sending of a newsletter issue to 2,000 subscribers.

    .venv/bin/python bench/newsletter_send.py [--subscribers 2000] [--rate 200]

Runs in a throwaway test database (SQLite by default, or a ``test_…``
database beside DATABASE_URL's) with a real Celery worker (one solo worker
in this process, on the broker the settings name: the filesystem transport,
or Redis with REDIS_URL) and a local SMTP server (aiosmtpd on loopback).
Sends one issue without the rate limit, then one with
NEWSLETTER_RATE_PER_SECOND set to ``--rate``, and prints for each: the time
to record the deliveries (render and insert), the time to deliver them, and
messages per second. Checks that the server received exactly one copy per
subscriber. Needs SECRET_KEY or DEBUG=true.
"""

import argparse
import os
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rial_portal.settings")

import django

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from celery.contrib.testing.worker import start_worker  # noqa: E402
from django.contrib.auth.models import Permission  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from network.models import Institution, User  # noqa: E402
from newsletter import services  # noqa: E402
from newsletter.enums import IssueStatus, NewsStatus  # noqa: E402
from newsletter.models import Issue, NewsItem, Subscriber  # noqa: E402
from rial_portal.celery import app  # noqa: E402


class Inbox:
    """An aiosmtpd handler that keeps the recipients of what it accepted.
    It does not parse the messages: it runs in this process, and its work
    would be counted as the sender's."""

    def __init__(self):
        self.recipients = []

    async def handle_DATA(self, server, session, envelope):
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(count):
    """``count`` subscribers, and a person who may send."""
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org", languages=["en"], confirmed_at=timezone.now())
        for n in range(count)
    )
    sender, _created = User.objects.get_or_create(email="bench@example.org", is_staff=True)
    sender.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="newsletter", codename__in=["change_issue", "send_issue"]
        )
    )
    return User.objects.get(pk=sender.pk)  # fresh: permissions are cached per instance


def send_one_issue(sender, inbox, count, timeout):
    """An issue of one fresh news item (and the fund's call for contributions)."""
    inbox.recipients.clear()
    NewsItem.objects.create(
        institution=Institution.objects.get_or_create(name_en="Ministry of Labor")[0],
        language="en",
        title_en="Apprenticeship law",
        text_en="The law passed.\n\nIt takes effect in May.",
        status=NewsStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    issue = services.issue_create(issue=Issue(title_en="Benchmark"), user=sender)
    started = time.perf_counter()
    services.issue_send_now(issue=issue, user=sender)
    recorded = time.perf_counter()
    deadline = recorded + timeout
    while time.perf_counter() < deadline:
        if Issue.objects.filter(pk=issue.pk, status=IssueStatus.SENT).exists():
            break
        time.sleep(0.05)
    else:
        raise SystemExit(f"not finished after {timeout} s: {len(inbox.recipients)} received")
    delivered = time.perf_counter()
    if len(inbox.recipients) != count or len(set(inbox.recipients)) != count:
        raise SystemExit(f"expected {count} copies, one each; received {len(inbox.recipients)}")
    return recorded - started, delivered - recorded


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=100, help="messages per second, limited")
    parser.add_argument("--batch-size", type=int, default=100)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    app.conf.task_default_queue = f"bench-{os.getpid()}"
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with (
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=port,
                EMAIL_USE_TLS=False,
                EMAIL_USE_SSL=False,
                EMAIL_HOST_USER="",
                EMAIL_HOST_PASSWORD="",
                NEWSLETTER_BATCH_SIZE=args.batch_size,
            ),
            start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING"),
        ):
            sender = prepare(args.subscribers)
            print(
                f"database: {connection.vendor}, broker: {app.conf.broker_url.split('://')[0]}, "
                f"{args.subscribers} subscribers, batches of {args.batch_size}, one worker"
            )
            print(f"{'rate limit':<16}{'record s':>10}{'deliver s':>11}{'messages/s':>12}")
            for rate in (0, args.rate):
                with override_settings(NEWSLETTER_RATE_PER_SECOND=rate):
                    timeout = 120 + (args.subscribers / rate if rate else 0)
                    record, deliver = send_one_issue(sender, inbox, args.subscribers, timeout)
                label = f"{rate:g}/s" if rate else "none"
                print(
                    f"{label:<16}{record:>10.2f}{deliver:>11.2f}"
                    f"{args.subscribers / (record + deliver):>12.0f}"
                )
    finally:
        controller.stop()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
