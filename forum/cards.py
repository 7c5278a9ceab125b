"""Addresses of the portal pasted in a post — a program, a library item, a
meeting, a cooperation request — shown under it as cards.

A card shows only what a visitor may read (a published program or item, a
public meeting, a public cooperation request), whoever reads the post, so
that a post never reveals a draft to someone who could not open it; an
address of anything else stays a plain link. The posts of a page are read
in one query per kind of card, however many posts and addresses."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import Resolver404, resolve

ADDRESS = re.compile(r"(?:https?://[^\s<>()\[\]\"']+|(?<![\w/])/[a-z][^\s<>()\[\]\"']*)")
# Route name -> (kind, URL argument).
CARD_ROUTES = {
    "portfolio:program_detail": ("program", "slug"),
    "library:item_detail": ("library_item", "slug"),
    "meetings:meeting_detail": ("meeting", "slug"),
    "cooperation:request_detail": ("request", "reference"),
}
# At most this many cards under one post: a pasted list of addresses stays readable.
MAX_CARDS = 5


def addresses_in(text):
    """The (kind, key) of each portal page ``text`` names, in order, once each."""
    site = urlsplit(settings.SITE_URL).netloc
    found = []
    for address in ADDRESS.findall(text):
        parts = urlsplit(address.rstrip(".,;:!?"))
        if parts.netloc and parts.netloc != site:
            continue
        try:
            match = resolve(parts.path)
        except Resolver404:
            continue
        route = CARD_ROUTES.get(match.view_name)
        if route is not None:
            kind, argument = route
            found.append((kind, match.kwargs[argument]))
    return list(dict.fromkeys(found))[:MAX_CARDS]


def _public_objects(kind, keys):
    # Imported here: the forum's models load before these apps' querysets are needed.
    from cooperation.models import Request
    from library.models import LibraryItem
    from meetings.models import Meeting
    from portfolio.models import Program

    if kind == "program":
        rows = Program.objects.published().select_related("owner").filter(slug__in=keys)
        return {row.slug: row for row in rows}
    if kind == "library_item":
        rows = LibraryItem.objects.published().select_related("owner").filter(slug__in=keys)
        return {row.slug: row for row in rows}
    if kind == "meeting":
        rows = Meeting.objects.visible_to(AnonymousUser()).filter(slug__in=keys)
        return {row.slug: row for row in rows}
    rows = Request.objects.public().select_related("requester", "provider")
    return {row.reference: row for row in rows.filter(reference__in=keys)}


def attach_cards(posts):
    """Give each post its ``cards``: (kind, object) for each public page its
    text names, and the program a reply proposes first."""
    posts = list(posts)
    named = {post.pk: addresses_in(post.body) for post in posts}
    wanted = {}
    for addresses in named.values():
        for kind, key in addresses:
            wanted.setdefault(kind, set()).add(key)
    found = {kind: _public_objects(kind, keys) for kind, keys in wanted.items()}
    for post in posts:
        cards = [(kind, found[kind].get(key)) for kind, key in named[post.pk]]
        post.cards = [(kind, obj) for kind, obj in cards if obj is not None]
        program = post.program
        post.proposed_program = program if program is not None and program.is_public else None
    return posts
