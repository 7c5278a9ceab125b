"""Following a thread or a space: an email per post or a daily digest, in
the follower's language, through core.mail's once-only deliveries."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import EmailDelivery
from forum import links, services, tasks
from forum.enums import Frequency, PostStatus, ReadAccess
from forum.models import Follow
from tests.conftest import wait_for
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


def _deliveries():
    return list(EmailDelivery.objects.order_by("pk").values_list("to", "subject"))


def test_a_follower_gets_an_email_in_their_language_for_a_reply(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space, title="Inspección estratégica")
    follower = FocalPointFactory(email="ana@example.org", language="es")
    client.force_login(follower)
    client.post(reverse("forum:thread_follow", args=[space.slug, thread.pk]), {"frequency": "each"})

    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="Lo hicimos.")
    services.post_notify(post_id=post.pk)

    delivery = EmailDelivery.objects.get()
    assert (delivery.to, delivery.subject) == (
        "ana@example.org",
        "Nueva publicación en «Inspección estratégica»",
    )
    assert delivery.key == f"forum-post:{post.pk}:{follower.pk}"
    assert "Lo hicimos." in delivery.body
    # The link names the follow (its token is signed with the second it was
    # written in: compared by what it names, not by its text).
    token = re.search(r"/forum/unfollow/([^/\s]+)/", delivery.body).group(1)
    assert links.follows_from_token(token) == [Follow.objects.get(user=follower)]


def test_a_reply_notifies_each_follower_once_even_when_the_task_runs_again():
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    both = FocalPointFactory(email="both@example.org")
    Follow.objects.create(user=both, thread=thread)
    Follow.objects.create(user=both, space=space)
    Follow.objects.create(user=FocalPointFactory(email="space@example.org"), space=space)
    author = FocalPointFactory(email="author@example.org")
    Follow.objects.create(user=author, thread=thread)

    post = services.post_reply(thread=thread, user=author, body="Answer")
    services.post_notify(post_id=post.pk)
    tasks.post_notify.apply(args=[post.pk])

    assert sorted(to for to, _subject in _deliveries()) == [
        "both@example.org",
        "space@example.org",
    ]


def test_no_email_to_a_follower_who_may_no_longer_read_the_space():
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    former = FocalPointFactory(is_active=False)
    Follow.objects.create(user=former, thread=thread)

    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="Answer")

    assert services.post_notify(post_id=post.pk) == 0
    assert _deliveries() == []


def test_a_post_hidden_before_the_task_runs_is_not_sent():
    thread = ThreadFactory()
    Follow.objects.create(user=FocalPointFactory(), thread=thread)
    post = PostFactory(thread=thread)
    services.post_hide(post=post, user=SecretariatStaffFactory(), reason="Spam")

    assert services.post_notify(post_id=post.pk) == 0
    assert _deliveries() == []


def test_the_daily_digest_lists_the_days_visible_posts_once():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    at = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(10)))
    space = SpaceFactory(read_access=ReadAccess.NETWORK, name="Labor inspection")
    thread = ThreadFactory(space=space, title="Planning inspections")
    reader = FocalPointFactory(email="digest@example.org", language="en")
    Follow.objects.create(user=reader, space=space, frequency=Frequency.DAILY)
    PostFactory(thread=thread, body="Kept in the digest", created_at=at)
    PostFactory(thread=thread, body="Hidden from it", created_at=at, status=PostStatus.HIDDEN)
    PostFactory(thread=thread, body="Posted today", created_at=timezone.now())

    assert services.digest_send(day=yesterday) == 1
    services.digest_send(day=yesterday)

    delivery = EmailDelivery.objects.get()
    assert delivery.to == "digest@example.org"
    assert "Kept in the digest" in delivery.body
    assert "Hidden from it" not in delivery.body
    assert "Posted today" not in delivery.body
    assert "Labor inspection" in delivery.body


def test_a_digest_whose_run_was_missed_goes_out_with_the_next_run():
    today = timezone.localdate()
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    Follow.objects.create(user=FocalPointFactory(), space=space, frequency=Frequency.DAILY)
    for back in (1, 2, tasks.DIGEST_DAYS_BACK + 1):
        day = today - datetime.timedelta(days=back)
        at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        PostFactory(thread=thread, body=f"Posted {back} days ago", created_at=at)
    # Yesterday's run happened; the one before was missed.
    services.digest_send(day=today - datetime.timedelta(days=1))

    tasks.digest_send()
    tasks.digest_send()

    bodies = list(EmailDelivery.objects.order_by("pk").values_list("body", flat=True))
    assert len(bodies) == 2
    assert "Posted 1 days ago" in bodies[0]
    assert "Posted 2 days ago" in bodies[1]
    assert not any(f"Posted {tasks.DIGEST_DAYS_BACK + 1} days ago" in body for body in bodies)


def test_the_unfollow_link_shows_a_button_and_only_the_post_unfollows(client):
    follow = Follow.objects.create(user=FocalPointFactory(), thread=ThreadFactory())
    url = links.unfollow_path(follow)

    page = client.get(url)
    assert page.status_code == 200
    assert Follow.objects.filter(pk=follow.pk).exists()
    assert "Stop these emails" in page.content.decode()

    client.post(url)
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_an_altered_unfollow_link_says_so(client):
    follow = Follow.objects.create(user=FocalPointFactory(), thread=ThreadFactory())

    response = client.get(links.unfollow_path(follow)[:-3] + "xyz/")

    assert response.status_code == 400
    assert Follow.objects.filter(pk=follow.pk).exists()


def test_a_visitor_cannot_follow_a_network_space(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    client.force_login(FocalPointFactory(is_active=False))

    client.post(reverse("forum:space_follow", args=[space.slug]), {"frequency": "each"})

    assert not Follow.objects.exists()


def test_starting_a_thread_follows_it():
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    author = FocalPointFactory()

    thread = services.thread_start(space=space, user=author, title="Q", body="Who has?")

    assert Follow.objects.filter(user=author, thread=thread).exists()


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_a_reply_to_each_follower_exactly_once(celery_worker, smtp_server):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space, title="South-south cooperation")
    Follow.objects.create(
        user=FocalPointFactory(email="ana@example.org", language="en"), thread=thread
    )
    Follow.objects.create(
        user=FocalPointFactory(email="luis@example.org", language="en"), space=space
    )

    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="We can help.")
    assert wait_for(lambda: len(smtp_server) == 2)
    # The task again, as a retry or a duplicate message from the broker would run it.
    tasks.post_notify.delay(post.pk)

    assert not wait_for(lambda: len(smtp_server) > 2, timeout=2)
    assert sorted(message["To"] for message in smtp_server) == [
        "ana@example.org",
        "luis@example.org",
    ]
    assert {message["Subject"] for message in smtp_server} == {
        "New post in “South-south cooperation”"
    }


def test_no_email_to_a_deactivated_follower_even_of_a_public_space():
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    thread = ThreadFactory(space=space)
    Follow.objects.create(user=FocalPointFactory(is_active=False), thread=thread)
    Follow.objects.create(user=FocalPointFactory(is_active=False), space=space)

    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="Answer")

    assert services.post_notify(post_id=post.pk) == 0
    assert _deliveries() == []


# The thread's follow must come first however the database sorts NULLs.
@pytest.mark.parametrize(
    "database", ["any", pytest.param("postgresql", marks=pytest.mark.postgresql)]
)
def test_a_follower_of_a_thread_and_its_space_gets_the_thread_s_link(database):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    both = FocalPointFactory()
    Follow.objects.create(user=both, space=space)
    thread_follow = Follow.objects.create(user=both, thread=thread)

    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="Answer")
    services.post_notify(post_id=post.pk)

    delivery = EmailDelivery.objects.get()
    header_path = delivery.headers["List-Unsubscribe"].strip("<>").removeprefix(settings.SITE_URL)
    assert header_path in delivery.body
    token = header_path.rstrip("/").rsplit("/", 1)[1]
    assert links.follows_from_token(token) == [thread_follow]


def test_a_thread_followed_by_digest_is_not_emailed_post_by_post_through_its_space():
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    both = FocalPointFactory()
    Follow.objects.create(user=both, space=space, frequency=Frequency.EACH)
    Follow.objects.create(user=both, thread=thread, frequency=Frequency.DAILY)

    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="Answer")

    assert services.post_notify(post_id=post.pk) == 0


def test_the_digest_lists_a_post_once_to_a_follower_of_its_thread_and_space():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    at = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(10)))
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    other = ThreadFactory(space=space)
    emailed = ThreadFactory(space=space)
    reader = FocalPointFactory()
    Follow.objects.create(user=reader, space=space, frequency=Frequency.DAILY)
    Follow.objects.create(user=reader, thread=thread, frequency=Frequency.DAILY)
    Follow.objects.create(user=reader, thread=emailed, frequency=Frequency.EACH)
    PostFactory(thread=thread, body="Followed twice", created_at=at)
    PostFactory(thread=other, body="Through the space", created_at=at)
    PostFactory(thread=emailed, body="Sent by the post", created_at=at)

    services.digest_send(day=yesterday)

    body = EmailDelivery.objects.get().body
    assert body.count("Followed twice") == 1
    assert body.count("Through the space") == 1
    assert "Sent by the post" not in body


def test_one_click_in_the_mail_program_unfollows_without_a_page():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    at = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(10)))
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    reader = FocalPointFactory()
    Follow.objects.create(user=reader, space=space, frequency=Frequency.DAILY)
    Follow.objects.create(user=reader, thread=ThreadFactory(), frequency=Frequency.DAILY)
    each = Follow.objects.create(user=reader, thread=thread, frequency=Frequency.EACH)
    PostFactory(thread=ThreadFactory(space=space), created_at=at)
    services.digest_send(day=yesterday)
    post = services.post_reply(thread=thread, user=FocalPointFactory(), body="Answer")
    services.post_notify(post_id=post.pk)
    digest, reply = EmailDelivery.objects.order_by("pk")
    mail_program = Client(enforce_csrf_checks=True)

    for delivery in (digest, reply):
        assert delivery.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    digest_url = digest.headers["List-Unsubscribe"].strip("<>")
    page = mail_program.get(digest_url)
    assert "Stop these emails" in page.content.decode()
    assert Follow.objects.filter(user=reader).count() == 3
    response = mail_program.post(digest_url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert list(Follow.objects.filter(user=reader)) == [each]
    mail_program.post(
        reply.headers["List-Unsubscribe"].strip("<>"), {"List-Unsubscribe": "One-Click"}
    )
    assert not Follow.objects.filter(user=reader).exists()


def test_no_digest_nor_email_tells_of_a_thread_whose_opening_post_is_hidden():
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    at = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(10)))
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    PostFactory(thread=thread, status=PostStatus.HIDDEN, created_at=at)
    Follow.objects.create(user=FocalPointFactory(), space=space, frequency=Frequency.DAILY)
    Follow.objects.create(user=FocalPointFactory(), thread=thread, frequency=Frequency.EACH)
    reply = PostFactory(thread=thread, body="A reply to it", created_at=at)

    assert services.post_notify(post_id=reply.pk) == 0
    assert services.digest_send(day=yesterday) == 0
