"""The forum in a real browser: a focal point replies in a network space's
thread with Markdown (on a desktop and on a phone), quotes a post and
follows the thread; the Secretariat hides a post with a reason in the admin
and members no longer see it."""

import re

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from core.models import ActivityLog
from forum.enums import Frequency, PostStatus, ReadAccess
from forum.models import Follow, Post
from tests.browser.helpers import field, session_cookie, sign_in
from tests.browser.test_staff import sign_in_staff
from tests.factories import PASSWORD, FocalPointFactory, UserFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def thread():
    """A thread of a space open to the network's members, its first post by
    another ministry's focal point."""
    space = SpaceFactory(name="Labor inspection", read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space, title="Inspection as strategic planning")
    PostFactory(
        thread=thread,
        author=FocalPointFactory(full_name="Luis Gómez"),
        body="How did your ministry plan its inspections?",
    )
    return thread


@pytest.fixture
def focal_point():
    return FocalPointFactory(full_name="Ana Pérez")


def open_thread(page, thread):
    """From the forum's list of spaces to the thread, as a reader goes."""
    page.goto("/forum/")
    page.get_by_role("link", name=thread.space.name).click()
    page.get_by_role("link", name=thread.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(thread.title)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_focal_point_replies_with_markdown_and_a_script_shows_as_text(
    new_context, thread, focal_point, viewport
):
    page = new_context(viewport=viewport).new_page()
    sign_in(page, focal_point, password=PASSWORD)
    open_thread(page, thread)

    field(page, "Your reply").fill(
        "We plan by **risk**:\n\n- by sector\n- by region\n\n<script>alert('x')</script>"
    )
    page.get_by_role("button", name="Post the reply").click()

    expect(page.get_by_role("status").filter(has_text="Your reply is posted.")).to_be_visible()
    reply = Post.objects.get(author=focal_point)
    post = page.locator(f"#post-{reply.pk}")
    text = post.locator(".forum-post")
    expect(text.locator("strong")).to_have_text("risk")
    expect(text.get_by_role("listitem")).to_have_text(["by sector", "by region"])
    # The script is text on the page, never an element.
    expect(text).to_contain_text("<script>alert('x')</script>")
    expect(text.locator("script")).to_have_count(0)
    # The page fits the window: nothing scrolls sideways, the reply included.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    expect(post).to_be_in_viewport()


def test_focal_point_quotes_a_post(page, thread, focal_point):
    sign_in(page, focal_point, password=PASSWORD)
    open_thread(page, thread)

    # A reply sent empty is refused on the reply's own address; quoting
    # from there leads back to the thread.
    page.get_by_role("button", name="Post the reply").click()
    expect(page).to_have_url(re.compile(r"/reply/$"))
    expect(page.get_by_text("This field is required.")).to_be_visible()
    first = thread.posts.get()
    page.locator(f"#post-{first.pk}").get_by_role("link", name="Quote").click()
    reply = field(page, "Your reply")
    expect(reply).to_have_value(
        re.compile(r"^> \*\*Luis Gómez:\*\*\n>\n> How did your ministry plan its inspections\?")
    )
    reply.press("Control+End")
    reply.press_sequentially("By risk, sector by sector.")
    page.get_by_role("button", name="Post the reply").click()

    post = Post.objects.get(author=focal_point)
    quote = page.locator(f"#post-{post.pk} blockquote")
    expect(quote).to_contain_text("Luis Gómez:")
    expect(quote).to_contain_text("How did your ministry plan its inspections?")
    expect(page.locator(f"#post-{post.pk}")).to_contain_text("By risk, sector by sector.")


def test_focal_point_follows_a_thread_by_daily_digest_then_stops(page, thread, focal_point):
    sign_in(page, focal_point, password=PASSWORD)
    open_thread(page, thread)

    page.get_by_label("Emails").select_option(label="A daily digest")
    page.get_by_role("button", name="Follow", exact=True).click()

    expect(page.get_by_role("status").filter(has_text="You follow it")).to_be_visible()
    expect(page.get_by_text("You follow this by a daily digest.")).to_be_visible()
    follow = Follow.objects.get(user=focal_point)
    assert (follow.thread, follow.space, follow.frequency) == (thread, None, Frequency.DAILY)

    page.get_by_role("button", name="Stop following").click()

    expect(page.get_by_role("status").filter(has_text="You no longer follow it.")).to_be_visible()
    expect(page.get_by_role("button", name="Follow", exact=True)).to_be_visible()
    assert not Follow.objects.filter(user=focal_point).exists()


@pytest.fixture
def moderator():
    """Staff who moderate the forum. Given the permissions directly: a
    transactional test's flush removes the groups that migrations made."""
    user = UserFactory(is_staff=True, email="moderator@example.org", full_name="Sam Staff")
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="forum", codename__in=["view_post", "change_post"]
        )
    )
    return user


def test_staff_hide_a_post_with_a_reason_and_members_no_longer_see_it(
    page, new_context, live_server, thread, focal_point, moderator
):
    offending = PostFactory(thread=thread, body="Buy cheap watches at example.com")
    member = new_context().new_page()
    member.context.add_cookies([session_cookie(live_server, focal_point)])
    member.goto(thread.get_absolute_url())
    expect(member.get_by_text("Buy cheap watches")).to_be_visible()

    sign_in_staff(page, moderator)
    page.goto(f"/admin/forum/post/{offending.pk}/change/")
    page.get_by_role("link", name="Hide", exact=True).click()
    field(page, "Why?").fill("Advertising, not an exchange between ministries.")
    page.get_by_role("button", name="Hide").click()

    expect(page.locator(".messagelist")).to_contain_text("The post is hidden.")
    offending.refresh_from_db()
    assert offending.status == PostStatus.HIDDEN
    move = ActivityLog.objects.get(action="hide")
    assert (move.actor, move.comment) == (
        moderator,
        "Advertising, not an exchange between ministries.",
    )

    member.reload()
    expect(member.get_by_text("How did your ministry plan its inspections?")).to_be_visible()
    expect(member.get_by_text("Buy cheap watches")).to_have_count(0)
    expect(member.locator(f"#post-{offending.pk}")).to_have_count(0)
    # The space's list counts the replies members see.
    member.goto(thread.space.get_absolute_url())
    row = member.get_by_role("row").filter(has_text=thread.title)
    expect(row.get_by_role("cell").nth(2)).to_have_text("0")
