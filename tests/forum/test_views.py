import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forum import services
from forum.enums import PostStatus, ReadAccess, SpaceKind, WriteAccess
from forum.models import Post, Thread
from tests.factories import FocalPointFactory, SecretariatStaffFactory, WorkingGroupFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def _thread_with_post(space, body="A question for the network."):
    return PostFactory(thread=ThreadFactory(space=space), body=body).thread


def test_a_visitor_cannot_read_a_network_space_or_its_posts(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK, name="Inspection planning")
    thread = _thread_with_post(space, body="Our inspection plan for 2016")

    assert client.get(space.get_absolute_url()).status_code == 404
    assert client.get(thread.get_absolute_url()).status_code == 404
    listing = client.get(reverse("forum:space_list")).content.decode()
    assert "Inspection planning" not in listing


def test_a_focal_point_reads_a_network_space_and_its_posts(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK, name="Inspection planning")
    thread = _thread_with_post(space, body="Our inspection plan for 2016")
    client.force_login(FocalPointFactory())

    assert "Inspection planning" in client.get(reverse("forum:space_list")).content.decode()
    assert "Our inspection plan for 2016" in client.get(thread.get_absolute_url()).content.decode()


def test_a_script_in_a_post_is_shown_as_text(client):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    thread = _thread_with_post(space, body="<script>alert('pwned')</script>")

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page or (
        "&lt;script&gt;alert('pwned')&lt;/script&gt;" in page
    )


def test_a_title_with_markup_is_escaped(client):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    thread = ThreadFactory(space=space, title="<i>Who</i> has solved this?")
    PostFactory(thread=thread)

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "&lt;i&gt;Who&lt;/i&gt; has solved this?" in page


def test_a_focal_point_starts_a_thread(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    author = FocalPointFactory()
    client.force_login(author)

    response = client.post(
        reverse("forum:thread_create", args=[space.slug]),
        {"title": "South–south cooperation", "body": "Who has **done** a technical visit?"},
    )

    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    post = thread.posts.get()
    assert (post.author, thread.author, thread.space) == (author, author, space)
    assert post.body_html == "<p>Who has <strong>done</strong> a technical visit?</p>\n"


def test_a_thread_without_a_title_is_refused_and_nothing_is_saved(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    client.force_login(FocalPointFactory())

    response = client.post(reverse("forum:thread_create", args=[space.slug]), {"body": "Text"})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Thread.objects.exists()


def test_a_reply_is_added_at_the_end_and_counted(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(space)
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("forum:thread_reply", args=[space.slug, thread.pk]), {"body": "We did, in 2014."}
    )

    reply = Post.objects.latest("pk")
    assert response["Location"] == reply.get_absolute_url()
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert thread.last_posted_at == reply.created_at


def test_an_empty_reply_is_refused_with_a_message(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(space)
    client.force_login(FocalPointFactory())

    response = client.post(
        reverse("forum:thread_reply", args=[space.slug, thread.pk]), {"body": " "}
    )

    assert response.status_code == 200
    assert thread.posts.count() == 1


def test_a_hidden_post_disappears_from_the_thread_except_for_staff(client):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    thread = _thread_with_post(space)
    PostFactory(thread=thread, body="An insult", status=PostStatus.HIDDEN)

    assert "An insult" not in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(SecretariatStaffFactory())
    assert "An insult" in client.get(thread.get_absolute_url()).content.decode()


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_pages_run_the_same_number_of_queries_for_one_item_and_for_three(client):
    client.force_login(FocalPointFactory())
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(space)
    urls = [reverse("forum:space_list"), space.get_absolute_url(), thread.get_absolute_url()]
    for url in urls:
        client.get(url)
    one = [_queries(client, url) for url in urls]
    SpaceFactory.create_batch(2, read_access=ReadAccess.NETWORK)
    _thread_with_post(space)
    _thread_with_post(space)
    PostFactory.create_batch(2, thread=thread)

    assert [_queries(client, url) for url in urls] == one


def test_a_reply_can_quote_a_post(client):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(space, body="Plan by areas.\nNot only complaints.")
    quoted = thread.posts.get()
    client.force_login(FocalPointFactory())

    page = client.get(f"{thread.get_absolute_url()}?quote={quoted.pk}").content.decode()

    assert (
        f"&gt; **{quoted.author.full_name}:**\n&gt;\n&gt; Plan by areas.\n&gt; Not only complaints."
        in page
    )


def test_the_quote_links_of_a_refused_reply_lead_to_the_thread(client):
    """A refused reply is shown at the reply's address, which takes POST
    only: a quote link relative to the page would answer 405 there."""
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(space)
    quoted = thread.posts.get()
    client.force_login(FocalPointFactory())

    page = client.post(
        reverse("forum:thread_reply", args=[space.slug, thread.pk]), {"body": " "}
    ).content.decode()

    quote = f"{thread.get_absolute_url()}?quote={quoted.pk}"
    assert f'href="{quote}#reply"' in page
    assert client.get(quote).status_code == 200


def test_a_visitor_cannot_download_a_network_space_s_attachment(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forum.models import Attachment

    settings.MEDIA_ROOT = tmp_path
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    post = _thread_with_post(space).posts.get()
    attachment = Attachment.objects.create(
        post=post, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%plan\n")
    )

    assert client.get(attachment.get_absolute_url()).status_code == 404
    client.force_login(FocalPointFactory())
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_reply_attaches_a_checked_document(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(space)
    client.force_login(FocalPointFactory())
    url = reverse("forum:thread_reply", args=[space.slug, thread.pk])

    refused = client.post(
        url, {"body": "See the file", "attachment": SimpleUploadedFile("plan.pdf", b"MZ not a pdf")}
    )
    assert refused.status_code == 200
    assert thread.posts.count() == 1
    client.post(
        url,
        {"body": "See the file", "attachment": SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%x\n")},
    )
    reply = thread.posts.latest("pk")
    assert [a.kind for a in reply.attachments.all()] == ["pdf"]


def test_the_old_address_of_a_moved_thread_leads_to_where_it_is_now(client):
    old_space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    thread = _thread_with_post(old_space)
    old_address = thread.get_absolute_url()
    services.thread_move(
        thread=thread, user=SecretariatStaffFactory(), space=SpaceFactory(), comment="There"
    )
    thread.refresh_from_db()

    assert client.get(old_address).status_code == 404
    client.force_login(FocalPointFactory())
    response = client.get(old_address, {"quote": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{thread.get_absolute_url()}?quote=1"
    assert client.get(response["Location"]).status_code == 200


def test_a_reply_sent_from_a_page_left_open_while_the_thread_moved_is_posted(client):
    old_space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = _thread_with_post(old_space)
    reply_address = reverse("forum:thread_reply", args=[old_space.slug, thread.pk])
    follow_address = reverse("forum:thread_follow", args=[old_space.slug, thread.pk])
    services.thread_move(
        thread=thread, user=SecretariatStaffFactory(), space=SpaceFactory(), comment="There"
    )
    client.force_login(FocalPointFactory())

    response = client.post(reply_address, {"body": "We planned by risk."})

    assert response.status_code == 302
    assert thread.posts.filter(body="We planned by risk.").exists()
    assert client.post(follow_address, {"frequency": "each"}).status_code == 302
    assert thread.follows.exists()


def test_an_address_naming_another_space_s_thread_reveals_nothing(client):
    public = SpaceFactory(read_access=ReadAccess.PUBLIC)
    closed = _thread_with_post(SpaceFactory(read_access=ReadAccess.NETWORK))
    address = reverse("forum:thread_detail", args=[public.slug, closed.pk])

    assert client.get(address).status_code == 404
    assert client.get(reverse("forum:thread_detail", args=["gone", closed.pk])).status_code == 404


def test_a_thread_whose_opening_post_is_hidden_is_gone_but_for_staff(client):
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    hidden = ThreadFactory(space=space, title="Cheap watches")
    PostFactory(thread=hidden, status=PostStatus.HIDDEN)
    PostFactory(thread=hidden, body="A reply still visible")
    kept = _thread_with_post(space)

    page = client.get(space.get_absolute_url()).content.decode()
    assert "Cheap watches" not in page
    assert kept.title in page
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.force_login(SecretariatStaffFactory())
    assert "Cheap watches" in client.get(space.get_absolute_url()).content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 200


def test_the_replies_of_a_thread_whose_opening_post_is_hidden_are_gone_too(
    client, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forum.models import Attachment

    settings.MEDIA_ROOT = tmp_path
    hidden = ThreadFactory(space=SpaceFactory(read_access=ReadAccess.PUBLIC))
    PostFactory(thread=hidden, status=PostStatus.HIDDEN)
    author = FocalPointFactory()
    reply = PostFactory(thread=hidden, author=author, body="A reply with a file")
    attachment = Attachment.objects.create(
        post=reply, file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%plan\n")
    )
    addresses = [
        attachment.get_absolute_url(),
        reverse("forum:post_edit", args=[reply.pk]),
        reverse("forum:post_report", args=[reply.pk]),
    ]

    client.force_login(author)
    assert [client.get(address).status_code for address in addresses] == [404, 404, 404]
    client.force_login(SecretariatStaffFactory())
    assert client.get(attachment.get_absolute_url()).status_code == 200


def test_a_space_page_says_who_may_write_in_it(client):
    client.force_login(SecretariatStaffFactory())
    meeting_space = SpaceFactory(
        kind=SpaceKind.MEETING, topic=None, meeting=MeetingFactory(), read_access=ReadAccess.GROUP
    )
    group_space = SpaceFactory(
        kind=SpaceKind.WORKING_GROUP,
        topic=None,
        working_group=WorkingGroupFactory(),
        read_access=ReadAccess.GROUP,
    )

    for space, sentence in (
        (SpaceFactory(read_access=ReadAccess.PUBLIC), "The network's focal points write here."),
        (
            SpaceFactory(read_access=ReadAccess.NETWORK, write_access=WriteAccess.STAFF),
            "Only the Secretariat writes here.",
        ),
        (meeting_space, "Focal points and the meeting's delegates who read it write here."),
        (group_space, "The focal points of its member institutions write here."),
    ):
        page = html.unescape(client.get(space.get_absolute_url()).content.decode())
        assert sentence in page, space
