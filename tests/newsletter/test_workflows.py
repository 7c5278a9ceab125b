"""NEWS_WORKFLOW (newsletter/workflows.py): the Secretariat's review of a
ministry's news, each move tried in every state of an item, through news_*
services, the news pages and the news admin."""

import pytest
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.models import ActivityLog
from newsletter import services
from newsletter.enums import NewsStatus
from newsletter.models import NewsItem
from newsletter.workflows import NEWS_WORKFLOW
from tests.conftest import (
    assert_move_follows_table,
    assert_refused_as_the_table_says,
    moves_logged,
    refusals,
)
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.newsletter.factories import NewsItemFactory
from tests.newsletter.test_news import run_action, submitted_news
from tests.portfolio.test_admin import message_texts

pytestmark = pytest.mark.django_db

# Each move through its service, as a member of the Secretariat (who may make all).
SERVICES = {
    "submit": lambda news, user: services.news_submit(news=news, user=user),
    "publish": lambda news, user: services.news_publish(news=news, user=user),
    "return": lambda news, user: services.news_return(news=news, user=user, comment="Add a date."),
}


def test_every_move_of_the_table_has_its_service():
    assert set(SERVICES) == set(NEWS_WORKFLOW.transitions)


@pytest.mark.parametrize("state", NewsStatus.values)
@pytest.mark.parametrize("name", SERVICES)
def test_each_move_is_made_from_its_sources_and_refused_from_other_states(state, name):
    news = NewsItemFactory(status=state)
    staff = SecretariatStaffFactory()

    assert_move_follows_table(NEWS_WORKFLOW, news, name, lambda: SERVICES[name](news, staff))


@pytest.mark.parametrize("name", ["publish", "return"])
def test_the_secretariats_moves_are_refused_to_the_ministry(name):
    news = submitted_news()

    with pytest.raises(PermissionDenied):
        SERVICES[name](news, FocalPointFactory(institution=news.institution))

    assert NewsItem.objects.get().status == NewsStatus.SUBMITTED
    assert not ActivityLog.objects.exists()


def test_every_state_change_of_a_news_item_is_logged_with_its_actor():
    news = NewsItemFactory(status=NewsStatus.DRAFT, published_at=None)
    focal_point = FocalPointFactory(institution=news.institution)
    staff = SecretariatStaffFactory()

    services.news_submit(news=news, user=focal_point)
    services.news_return(news=news, user=staff, comment="Add a date.")
    services.news_submit(news=news, user=focal_point)
    services.news_publish(news=news, user=staff)

    assert moves_logged(news) == [
        ("submit", focal_point, "draft", "submitted"),
        ("return", staff, "submitted", "returned"),
        ("submit", focal_point, "returned", "submitted"),
        ("publish", staff, "submitted", "published"),
    ]


def test_a_returns_comment_is_kept_after_a_second_return():
    news = submitted_news()
    focal_point = FocalPointFactory(institution=news.institution)
    staff = SecretariatStaffFactory()

    services.news_return(news=news, user=staff, comment="Add a date.")
    services.news_submit(news=news, user=focal_point)
    services.news_return(news=news, user=staff, comment="Name the source.")

    news.refresh_from_db()
    assert news.review_comment == "Name the source."
    assert moves_logged(news, "action", "comment") == [
        ("return", "Add a date."),
        ("submit", ""),
        ("return", "Name the source."),
    ]


# The ministry's pages.


def test_news_page_offers_submit_only_when_the_table_allows_it(client):
    draft = NewsItemFactory(status=NewsStatus.DRAFT, published_at=None)
    submitted = NewsItemFactory(
        institution=draft.institution, status=NewsStatus.SUBMITTED, published_at=None
    )
    client.force_login(FocalPointFactory(institution=draft.institution))

    submit = reverse("newsletter:news_submit", args=[draft.slug])
    assert submit in client.get(draft.get_absolute_url()).content.decode()
    submitted_submit = reverse("newsletter:news_submit", args=[submitted.slug])
    assert submitted_submit not in client.get(submitted.get_absolute_url()).content.decode()


@pytest.mark.parametrize(("state", "name"), refusals(NEWS_WORKFLOW, "submit"))
def test_submit_page_refuses_an_item_its_state_does_not_allow(client, state, name):
    news = NewsItemFactory(status=state)
    client.force_login(FocalPointFactory(institution=news.institution))

    response = client.post(reverse("newsletter:news_submit", args=[news.slug]))

    assert_refused_as_the_table_says(NEWS_WORKFLOW, news, name, message_texts(response))


def test_submit_view_refuses_a_submitted_item_with_the_tables_message(client):
    news = submitted_news()
    client.force_login(FocalPointFactory(institution=news.institution))

    response = client.post(reverse("newsletter:news_submit", args=[news.slug]))

    assert message_texts(response) == ["Only a draft or a returned news item can be submitted."]


# The admin.


def test_admin_action_writes_the_log_with_the_acting_staff_member(
    staff_client, django_capture_on_commit_callbacks
):
    news = submitted_news()

    with django_capture_on_commit_callbacks(execute=False):
        run_action(staff_client, "publish", [news.pk])

    entry = ActivityLog.objects.get()
    assert (entry.action, entry.actor) == ("publish", staff_client.staff)


@pytest.mark.parametrize(("state", "name"), refusals(NEWS_WORKFLOW, "publish", "return"))
def test_each_admin_step_refuses_a_move_its_state_does_not_allow(staff_client, state, name):
    news = NewsItemFactory(status=state)

    response = staff_client.post(
        reverse("admin:newsletter_newsitem_step", args=[news.pk, name]),
        {"comment": "Add a date."},
    )

    shown = message_texts(response, messages.ERROR)
    assert_refused_as_the_table_says(NEWS_WORKFLOW, news, name, shown)


def test_news_change_page_shows_the_activity_log(staff_client):
    news = submitted_news()
    services.news_return(news=news, user=staff_client.staff, comment="Add a date.")

    page = staff_client.get(
        reverse("admin:newsletter_newsitem_change", args=[news.pk])
    ).content.decode()

    assert "Activity log" in page
    assert "Submitted for review → Returned for changes" in page
    assert "Add a date." in page
