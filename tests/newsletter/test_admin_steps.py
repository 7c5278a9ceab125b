"""Publish and Return on a submitted news item's own admin page: allowed for
the Secretariat, refused without the permission, refused with a message when
the item is not submitted."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from newsletter.enums import NewsStatus
from tests.conftest import sign_in_with_second_factor
from tests.factories import FocalPointFactory, SecretariatStaffFactory, UserFactory
from tests.newsletter.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    return sign_in_with_second_factor(client, SecretariatStaffFactory())


@pytest.fixture
def viewer_client(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="newsletter", codename="view_newsitem")
    )
    return sign_in_with_second_factor(client, user)


def submitted_news(**kwargs):
    focal_point = FocalPointFactory()
    return NewsItemFactory(
        institution=focal_point.institution,
        submitted_by=focal_point,
        status=NewsStatus.SUBMITTED,
        published_at=None,
        **kwargs,
    )


def step_url(news, step):
    return reverse("admin:newsletter_newsitem_step", args=[news.pk, step])


def texts(response, level):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == level]


def test_submitted_news_page_offers_publish_and_return(staff_client):
    news = submitted_news()

    html = staff_client.get(reverse("admin:newsletter_newsitem_change", args=[news.pk])).content

    assert step_url(news, "publish").encode() in html
    assert step_url(news, "return").encode() in html


def test_publish_step_publishes_the_item(staff_client, django_capture_on_commit_callbacks):
    news = submitted_news()

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(news, "publish"))

    assert texts(response, messages.SUCCESS) == ["The item is published."]
    news.refresh_from_db()
    assert news.status == NewsStatus.PUBLISHED


def test_publish_step_is_refused_without_the_permission(viewer_client):
    news = submitted_news()

    assert viewer_client.post(step_url(news, "publish")).status_code == 403
    news.refresh_from_db()
    assert news.status == NewsStatus.SUBMITTED


def test_publish_step_on_a_published_item_says_why(staff_client):
    news = NewsItemFactory(status=NewsStatus.PUBLISHED)

    response = staff_client.post(step_url(news, "publish"))

    assert texts(response, messages.ERROR) == ["Only a submitted news item can be published."]


def test_return_step_returns_the_item_with_the_comment(
    staff_client, django_capture_on_commit_callbacks
):
    news = submitted_news()

    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(step_url(news, "return"), {"comment": "Add a photo."})

    assert texts(response, messages.SUCCESS) == ["The item is returned to its ministry."]
    news.refresh_from_db()
    assert (news.status, news.review_comment) == (NewsStatus.RETURNED, "Add a photo.")


def test_return_step_is_refused_without_the_permission(viewer_client):
    news = submitted_news()

    assert viewer_client.post(step_url(news, "return"), {"comment": "No."}).status_code == 403
    news.refresh_from_db()
    assert news.status == NewsStatus.SUBMITTED


def test_return_step_on_a_draft_says_why(staff_client):
    news = NewsItemFactory(status=NewsStatus.DRAFT, published_at=None)

    response = staff_client.post(step_url(news, "return"), {"comment": "Too early."})

    assert texts(response, messages.ERROR) == ["Only a submitted news item can be returned."]
    news.refresh_from_db()
    assert news.status == NewsStatus.DRAFT
