"""Sending an issue through the real SMTP test server: multipart copies with
one-click unsubscribe headers, one connection per batch, the rate limit, and
addresses disabled after repeated refusals."""

import time
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from core import mail
from core.enums import DeliveryStatus
from core.models import EmailDelivery
from newsletter import services, tasks
from newsletter.enums import IssueStatus
from newsletter.models import Issue, Subscriber
from tests.factories import SecretariatStaffFactory
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fund_above_minimum(settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("0")


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def send_issue(staff, **fields):
    """Create an issue of the news published so far, send it, and run its
    batches here, as a worker would."""
    issue = services.issue_create(issue=Issue(**fields), user=staff)
    services.issue_send_now(issue=issue, user=staff)
    run_batches(issue)
    issue.refresh_from_db()
    return issue


def run_batches(issue):
    pending = EmailDelivery.objects.filter(
        key__startswith=issue.delivery_key_prefix, status=DeliveryStatus.PENDING
    ).order_by("pk")
    tasks.issue_send_batch(issue.pk, list(pending.values_list("pk", flat=True)))


def test_each_subscriber_receives_one_multipart_copy_and_the_issue_is_closed(staff, smtp_server):
    news = NewsItemFactory(title="Apprenticeship law")
    readers = SubscriberFactory.create_batch(3)

    issue = send_issue(staff, title_en="Spring news")

    assert sorted(message["To"] for message in smtp_server) == sorted(r.email for r in readers)
    message = smtp_server[0]
    assert message["Subject"] == "Spring news"
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert news.title in text
    assert news.title in html
    assert (issue.status, issue.sent_count, issue.failed_count) == (IssueStatus.SENT, 3, 0)


def test_every_copy_has_the_one_click_unsubscribe_headers_and_the_click_unsubscribes(
    staff, smtp_server
):
    NewsItemFactory()
    reader = SubscriberFactory()
    send_issue(staff)

    message = smtp_server[0]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip().strip("<>")
    assert link.startswith("http://127.0.0.1:8000/newsletter/unsubscribe/")
    assert link in message.get_body(preferencelist=("plain",)).get_content()

    # What a mail program does for its "unsubscribe" button (RFC 8058): a
    # POST with this body and no cookie or CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        link.removeprefix("http://127.0.0.1:8000"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.unsubscribed_at is not None
    assert not Subscriber.objects.active().exists()


def test_a_batch_sends_over_one_connection(staff, smtp_server):
    NewsItemFactory()
    SubscriberFactory.create_batch(5)

    send_issue(staff)

    assert len(smtp_server) == 5
    assert len(set(smtp_server.peers)) == 1


def test_the_rate_limit_paces_a_batch(staff, settings, smtp_server):
    settings.NEWSLETTER_RATE_PER_SECOND = 20
    NewsItemFactory()
    SubscriberFactory.create_batch(5)
    issue = services.issue_create(issue=Issue(), user=staff)
    services.issue_send_now(issue=issue, user=staff)

    started = time.monotonic()
    run_batches(issue)
    elapsed = time.monotonic() - started

    assert len(smtp_server) == 5
    # Five messages at 20 a second: four pauses of 50 ms at least.
    assert elapsed >= 0.2


def test_a_batch_run_again_sends_nothing_twice(staff, smtp_server):
    NewsItemFactory()
    SubscriberFactory.create_batch(3)
    issue = send_issue(staff)

    tasks.issue_send_batch(
        issue.pk,
        list(
            EmailDelivery.objects.filter(key__startswith=issue.delivery_key_prefix).values_list(
                "pk", flat=True
            )
        ),
    )

    assert len(smtp_server) == 3


def test_an_address_refused_three_issues_in_a_row_is_disabled(staff, settings, smtp_server):
    settings.NEWSLETTER_DISABLE_AFTER_FAILURES = 3
    refused = SubscriberFactory(email="refused.mailbox@example.org")
    SubscriberFactory(email="reader@example.org")

    for expected_refusals in (1, 2):
        NewsItemFactory()
        issue = send_issue(staff)
        refused.refresh_from_db()
        assert refused.refusals == expected_refusals
        assert refused.is_active
    NewsItemFactory()
    third = send_issue(staff)

    refused.refresh_from_db()
    assert refused.disabled_at is not None
    assert "550" in refused.disabled_reason
    assert list(Subscriber.objects.active()) == [Subscriber.objects.get(email="reader@example.org")]
    assert (third.sent_count, third.failed_count) == (1, 1)
    assert issue.failed_count == 1
    NewsItemFactory()
    assert send_issue(staff).recipients_count == 1


def test_an_accepted_copy_clears_the_refusals(staff, smtp_server):
    reader = SubscriberFactory(refusals=2)
    NewsItemFactory()

    send_issue(staff)

    reader.refresh_from_db()
    assert reader.refusals == 0


def test_confirming_again_puts_a_disabled_address_back_on_the_list(client):
    subscriber = SubscriberFactory(
        refusals=3, disabled_at=timezone.now(), disabled_reason="550 No such mailbox"
    )

    client.post(f"/newsletter/confirm/{services.confirmation_token(subscriber)}/")

    subscriber.refresh_from_db()
    assert subscriber.refusals == 0
    assert subscriber.disabled_at is None
    assert subscriber.disabled_reason == ""
    assert subscriber.is_active


def test_a_test_copy_goes_to_the_staff_member_only(staff, smtp_server):
    NewsItemFactory(title="Apprenticeship law")
    SubscriberFactory.create_batch(3)
    issue = services.issue_create(issue=Issue(title_es="Noticias"), user=staff)

    delivery = services.issue_send_test(issue=issue, user=staff, language="es")
    mail.email_deliver_now(delivery_id=delivery.pk)

    assert [message["To"] for message in smtp_server] == [staff.email]
    # The test copy is marked in the language it is written in.
    assert smtp_server[0]["Subject"] == "[Prueba] Noticias"
    assert EmailDelivery.objects.count() == 1
    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
