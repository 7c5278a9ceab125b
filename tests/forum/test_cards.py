"""Pasted addresses become cards; a reply proposes a program; a thread asks
about a cooperation need."""

import pytest
from django.conf import settings
from django.urls import reverse

from forum.enums import ReadAccess
from forum.models import Post, Thread
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import NeedFactory
from tests.factories import FocalPointFactory
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
