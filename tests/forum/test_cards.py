"""Pasted addresses become cards; a reply proposes a program; a thread asks
about a cooperation need."""

import pytest
from django.conf import settings
from django.urls import reverse

from forum.enums import ReadAccess, SpaceKind, WriteAccess
from forum.models import Post, Thread
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import NeedFactory
from tests.factories import FocalPointFactory, UserFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import MeetingFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def test_pasted_addresses_of_public_pages_are_shown_as_cards(client):
    program = ProgramFactory(title_en="Inspection by areas")
    item = LibraryItemFactory(title_en="Feasibility study")
    meeting = MeetingFactory(title_en="Workshop on mediation")
    draft = ProgramFactory(title_en="Secret draft", status=ProgramStatus.DRAFT, published_at=None)
    space = SpaceFactory(read_access=ReadAccess.PUBLIC)
    body = (
        f"See {settings.SITE_URL}{program.get_absolute_url()}, {item.get_absolute_url()} and "
        f"{meeting.get_absolute_url()}; also {draft.get_absolute_url()} and "
        "https://example.org/programs/elsewhere/"
    )
    thread = PostFactory(thread=ThreadFactory(space=space), body=body).thread

    page = client.get(thread.get_absolute_url()).content.decode()

    cards = page.split('class="forum-post"', 1)[1]
    for title in ("Inspection by areas", "Feasibility study", "Workshop on mediation"):
        assert f">{title}</a>" in cards
    assert "Secret draft" not in page


def test_a_reply_proposes_a_published_program(client):
    program = ProgramFactory(title_en="Labor observatory")
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = PostFactory(thread=ThreadFactory(space=space)).thread
    client.force_login(FocalPointFactory())
    url = reverse("forum:thread_reply", args=[space.slug, thread.pk])

    refused = client.post(url, {"body": "Try this", "program": "/programs/no-such-program/"})
    assert "No published program has this address" in refused.content.decode()
    client.post(
        url, {"body": "Try this", "program": f"{settings.SITE_URL}/programs/{program.slug}/"}
    )

    assert Post.objects.latest("pk").program == program
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Proposed program" in page
    assert ">Labor observatory</a>" in page


def test_a_thread_starts_from_a_cooperation_need(client):
    need = NeedFactory(title="Digital case management for inspectors")
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    client.force_login(FocalPointFactory())
    url = f"{reverse('forum:thread_create', args=[space.slug])}?need={need.pk}"

    form = client.get(url).content.decode()
    assert "Who has solved this? Digital case management for inspectors" in form
    client.post(url, {"title": "Who has solved this?", "body": "Any experience?"})

    thread = Thread.objects.get()
    assert thread.need == need
    assert (
        "Digital case management for inspectors"
        in client.get(thread.get_absolute_url()).content.decode()
    )


def test_a_need_page_offers_to_ask_the_network_in_a_space_one_may_write_in(client):
    need = NeedFactory(title="Digital case management for inspectors", is_public=True)
    space = SpaceFactory(read_access=ReadAccess.NETWORK, name="Labor inspection")
    SpaceFactory(
        read_access=ReadAccess.NETWORK, write_access=WriteAccess.STAFF, name="Announcements"
    )
    address = reverse("cooperation:need_detail", args=[need.pk])

    assert "Ask the network who has solved this" not in client.get(address).content.decode()
    client.force_login(FocalPointFactory())
    page = client.get(address).content.decode()
    assert "Ask the network who has solved this" in page
    assert f'<option value="{space.slug}">Labor inspection</option>' in page
    assert "Announcements" not in page

    response = client.get(reverse("forum:thread_ask"), {"need": need.pk, "space": space.slug})
    assert response.status_code == 302
    form = client.get(response["Location"]).content.decode()
    assert "Who has solved this? Digital case management for inspectors" in form
    assert "We need to strengthen our labor inspection." in form


def test_a_need_page_offers_nothing_to_whoever_may_write_nowhere(client):
    need = NeedFactory(is_public=True)
    SpaceFactory(read_access=ReadAccess.PUBLIC)
    client.force_login(UserFactory())

    page = client.get(reverse("cooperation:need_detail", args=[need.pk])).content.decode()

    assert "Ask the network who has solved this" not in page


def test_a_need_kept_to_focal_points_is_not_quoted_where_others_read(client):
    need = NeedFactory(title="Inspection of rural work", is_public=False)
    client.force_login(FocalPointFactory())
    need_address = reverse("cooperation:need_detail", args=[need.pk])

    for space, quoted in (
        (SpaceFactory(read_access=ReadAccess.NETWORK), True),
        (SpaceFactory(read_access=ReadAccess.PUBLIC), False),
        (
            SpaceFactory(
                kind=SpaceKind.MEETING,
                topic=None,
                meeting=MeetingFactory(),
                read_access=ReadAccess.NETWORK,
            ),
            False,
        ),
    ):
        url = f"{reverse('forum:thread_create', args=[space.slug])}?need={need.pk}"
        form = client.get(url).content.decode()
        assert "Who has solved this? Inspection of rural work" in form
        assert ("We need to strengthen our labor inspection." in form) is quoted, space
        assert (f"{settings.SITE_URL}{need_address}" in form) is not quoted, space


def test_a_long_need_title_is_cut_to_fit_the_thread_title(client):
    need = NeedFactory(title="Inspection " * 18)
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    client.force_login(FocalPointFactory())

    response = client.get(f"{reverse('forum:thread_create', args=[space.slug])}?need={need.pk}")

    title = response.context["form"].initial["title"]
    assert title.startswith("Who has solved this? Inspection")
    assert len(title) == Thread._meta.get_field("title").max_length


@pytest.mark.parametrize("junk", ["²", "١٢", "abc", "-1", ""])
def test_a_junk_need_is_left_out_of_a_new_thread(client, junk):
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    client.force_login(FocalPointFactory())

    response = client.get(reverse("forum:thread_create", args=[space.slug]), {"need": junk})

    assert response.status_code == 200
    assert response.context["need"] is None
