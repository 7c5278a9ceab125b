"""Searching the forum: only the posts the reader may read, never a hidden
one, on their own and in the global search."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forum.enums import PostStatus, ReadAccess
from forum.selectors import post_search
from tests.factories import FocalPointFactory, SecretariatStaffFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts():
    public = ThreadFactory(space=SpaceFactory(read_access=ReadAccess.PUBLIC))
    network = ThreadFactory(space=SpaceFactory(read_access=ReadAccess.NETWORK))
    return {
        "public": PostFactory(
            thread=public, body="Inspecciones planificadas por áreas", language="es"
        ),
        "network": PostFactory(
            thread=network, body="Inspecciones planificadas por sector", language="es"
        ),
        "hidden": PostFactory(
            thread=public, body="Inspecciones, publicidad", language="es", status=PostStatus.HIDDEN
        ),
    }


def _found(user, query):
    return {post.body for post in post_search(user=user, query=query)}


def test_a_visitor_finds_only_the_public_spaces_visible_posts(posts):
    assert _found(AnonymousUser(), "inspecciones") == {"Inspecciones planificadas por áreas"}


def test_a_focal_point_finds_the_network_s_posts_but_no_hidden_one(posts):
    assert _found(FocalPointFactory(), "inspecciones") == {
        "Inspecciones planificadas por áreas",
        "Inspecciones planificadas por sector",
    }


def test_staff_find_hidden_posts_too(posts):
    assert "Inspecciones, publicidad" in _found(SecretariatStaffFactory(), "inspecciones")


def test_the_global_search_shows_forum_posts_only_to_those_who_may_read_them(client, posts):
    url = f"{reverse('search:search')}?q=sector"

    assert "Inspecciones planificadas por sector" not in client.get(url).content.decode()
    client.force_login(FocalPointFactory())
    page = client.get(url).content.decode()
    assert "Inspecciones planificadas por sector" in page
    assert 'id="results-forum"' in page
    forum_only = client.get(f"{url}&kind=forum").content.decode()
    assert "Inspecciones planificadas por sector" in forum_only


def test_a_thread_whose_opening_post_is_hidden_is_not_found_but_by_staff():
    thread = ThreadFactory(space=SpaceFactory(read_access=ReadAccess.PUBLIC))
    PostFactory(thread=thread, body="Relojes baratos", status=PostStatus.HIDDEN)
    PostFactory(thread=thread, body="Inspecciones y relojes", language="es")

    assert _found(FocalPointFactory(), "relojes") == set()
    assert _found(SecretariatStaffFactory(), "relojes") == {
        "Relojes baratos",
        "Inspecciones y relojes",
    }
