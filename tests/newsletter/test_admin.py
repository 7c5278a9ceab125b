"""The newsletter's admin pages load for the Secretariat."""

import pytest
from django.urls import reverse
from django.utils import timezone

from newsletter.enums import NewsStatus
from newsletter.models import Subscriber
from tests.factories import FocalPointFactory, TopicFactory
from tests.newsletter.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_news_admin_pages_load(staff_client):
    news = NewsItemFactory(topic=TopicFactory(), created_by=FocalPointFactory())
    NewsItemFactory(status=NewsStatus.SUBMITTED, published_at=None)

    changelist = reverse("admin:newsletter_newsitem_changelist")
    assert staff_client.get(changelist).status_code == 200
    assert staff_client.get(changelist + "?status__exact=submitted").status_code == 200
    assert staff_client.get(changelist + "?q=News").status_code == 200
    for name in ("change", "history"):
        url = reverse(f"admin:newsletter_newsitem_{name}", args=[news.pk])
        assert staff_client.get(url).status_code == 200, name
    assert staff_client.get(reverse("admin:newsletter_newsitem_add")).status_code == 200


def test_subscriber_admin_pages_load(staff_client):
    subscriber = Subscriber.objects.create(email="reader@example.org")

    assert staff_client.get(reverse("admin:newsletter_subscriber_changelist")).status_code == 200
    url = reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])
    assert staff_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("confirmed_at__isempty=0", ["confirmed@example.org", "gone@example.org"]),
        ("confirmed_at__isempty=1", ["pending@example.org"]),
        ("unsubscribed_at__isempty=0", ["gone@example.org"]),
        ("unsubscribed_at__isempty=1", ["confirmed@example.org", "pending@example.org"]),
        ("q=pending", ["pending@example.org"]),
    ],
)
def test_subscriber_changelist_filters(staff_client, query, expected):
    now = timezone.now()
    Subscriber.objects.create(email="pending@example.org")
    Subscriber.objects.create(email="confirmed@example.org", confirmed_at=now)
    Subscriber.objects.create(email="gone@example.org", confirmed_at=now, unsubscribed_at=now)

    response = staff_client.get(reverse("admin:newsletter_subscriber_changelist") + "?" + query)

    assert response.status_code == 200
    shown = sorted(s.email for s in response.context["cl"].result_list)
    assert shown == expected
