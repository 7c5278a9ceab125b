import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.workflow import activity_of
from forum import services
from forum.enums import PostStatus, ReadAccess, ThreadStatus
from forum.models import Report
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def _log(obj):
    return [(entry.action, entry.actor, entry.comment) for entry in activity_of(obj)]


def test_staff_lock_and_unlock_a_thread_and_the_log_says_who(staff):
    thread = ThreadFactory()

    thread = services.thread_lock(thread=thread, user=staff, comment="Off topic")
    assert thread.status == ThreadStatus.LOCKED
    thread = services.thread_unlock(thread=thread, user=staff)

    assert thread.status == ThreadStatus.OPEN
    assert _log(thread) == [("lock", staff, "Off topic"), ("unlock", staff, "")]


def test_a_focal_point_cannot_lock_a_thread():
    thread = ThreadFactory()

    with pytest.raises(PermissionDenied):
        services.thread_lock(thread=thread, user=thread.author)
    thread.refresh_from_db()
    assert thread.status == ThreadStatus.OPEN


def test_a_locked_thread_refuses_a_focal_points_reply(staff):
    thread = services.thread_lock(thread=ThreadFactory(), user=staff)

    with pytest.raises(PermissionDenied):
        services.post_reply(thread=thread, user=FocalPointFactory(), body="Still here")


def test_staff_pin_a_thread_to_the_top_of_its_space(client, staff):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    old = ThreadFactory(
        space=space, title="Old news", last_posted_at=timezone.now() - datetime.timedelta(days=9)
    )
    ThreadFactory(space=space, title="Fresh talk")

    services.thread_pin(thread=old, user=staff)
    page = client.get(space.get_absolute_url()).content.decode()

    assert page.index("Old news") < page.index("Fresh talk")
    with pytest.raises(ValidationError):
        services.thread_pin(thread=old, user=staff)
    assert [action for action, *_rest in _log(old)] == ["pin"]


def test_staff_move_a_thread_to_another_space(staff):
    thread = ThreadFactory()
    other = SpaceFactory()

    thread = services.thread_move(thread=thread, user=staff, space=other, comment="Belongs there")

    assert thread.space == other
    assert _log(thread) == [("move", staff, "Belongs there")]
    with pytest.raises(ValidationError):
        services.thread_move(thread=thread, user=staff, space=other)


def test_hiding_a_post_needs_a_reason_kept_in_the_log(staff):
    post = PostFactory()

    with pytest.raises(ValidationError):
        services.post_hide(post=post, user=staff, reason="  ")
    post = services.post_hide(post=post, user=staff, reason="Personal data")

    assert post.status == PostStatus.HIDDEN
    assert _log(post) == [("hide", staff, "Personal data")]


def test_a_hidden_reply_leaves_the_count_and_comes_back(staff):
    thread = ThreadFactory()
    PostFactory(thread=thread)
    reply = services.post_reply(thread=thread, user=FocalPointFactory(), body="A reply")

    services.post_hide(post=reply, user=staff, reason="Spam")
    thread.refresh_from_db()
    assert thread.reply_count == 0
    services.post_unhide(post=reply, user=staff)
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_every_state_change_of_a_post_is_logged_with_its_actor(staff):
    post = PostFactory()

    services.post_edit(post=post, user=post.author, body="Corrected")
    services.post_hide(post=post, user=staff, reason="Off topic")
    services.post_unhide(post=post, user=staff, comment="Agreed with the author")

    assert _log(post) == [
        ("edit", post.author, ""),
        ("hide", staff, "Off topic"),
        ("unhide", staff, "Agreed with the author"),
    ]


def test_the_author_corrects_a_post_in_time_and_the_page_says_edited(client):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    post = PostFactory(thread=ThreadFactory(space=space), body="Frist draft")
    client.force_login(post.author)

    response = client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "First *draft*"})

    post.refresh_from_db()
    assert response["Location"] == post.get_absolute_url()
    assert post.body_html == "<p>First <em>draft</em></p>\n"
    assert post.edited_at is not None
    assert "edited" in client.get(post.thread.get_absolute_url()).content.decode()


def test_a_post_cannot_be_corrected_after_the_time_limit(client):
    post = PostFactory(created_at=timezone.now() - datetime.timedelta(hours=2))
    client.force_login(post.author)

    response = client.post(reverse("forum:post_edit", args=[post.pk]), {"body": "Late"})

    assert response.status_code == 403
    post.refresh_from_db()
    assert post.body != "Late"


def test_someone_signed_in_reports_a_post_once(client):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    post = PostFactory(thread=ThreadFactory(space=space))
    reporter = FocalPointFactory()
    client.force_login(reporter)
    url = reverse("forum:post_report", args=[post.pk])

    client.post(url, {"reason": "Advertising"})
    client.post(url, {"reason": "Advertising again"})

    assert list(Report.objects.values_list("post", "reporter", "reason")) == [
        (post.pk, reporter.pk, "Advertising")
    ]


def test_staff_see_reports_in_the_admin(client, staff):
    from tests.conftest import sign_in_with_second_factor

    report = Report.objects.create(post=PostFactory(), reporter=FocalPointFactory(), reason="Rude")
    sign_in_with_second_factor(client, staff)

    page = client.get(reverse("admin:forum_report_changelist")).content.decode()

    assert str(report.post) in page


def test_staff_hide_a_post_from_its_admin_page(client, staff):
    from tests.conftest import sign_in_with_second_factor

    post = PostFactory()
    sign_in_with_second_factor(client, staff)

    response = client.post(
        reverse("admin:forum_post_step", args=[post.pk, "hide"]), {"comment": "Insults"}
    )

    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert _log(post) == [("hide", staff, "Insults")]


def test_the_reply_count_leaves_out_the_opening_post_hidden_or_not(staff):
    thread = ThreadFactory()
    opening = PostFactory(thread=thread)
    replies = [
        services.post_reply(thread=thread, user=FocalPointFactory(), body=f"Reply {n}")
        for n in range(2)
    ]

    services.post_hide(post=opening, user=staff, reason="Personal data")
    thread.refresh_from_db()
    assert thread.reply_count == 2
    services.post_hide(post=replies[0], user=staff, reason="Spam")
    thread.refresh_from_db()
    assert thread.reply_count == 1
    services.post_unhide(post=opening, user=staff)
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_a_hidden_reply_no_longer_dates_the_thread(staff):
    started = timezone.now() - datetime.timedelta(days=3)
    thread = ThreadFactory(last_posted_at=started)
    PostFactory(thread=thread, created_at=started)
    reply = services.post_reply(thread=thread, user=FocalPointFactory(), body="Buy now")

    services.post_hide(post=reply, user=staff, reason="Spam")
    thread.refresh_from_db()
    assert thread.last_posted_at == started
    services.post_unhide(post=reply, user=staff)
    thread.refresh_from_db()
    assert thread.last_posted_at == reply.created_at
