"""RSS and Atom feeds of newly published library items: published ones only,
the newest first, plain text escaped."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from library.enums import ItemStatus
from tests.library.factories import LibraryItemFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("status", [ItemStatus.DRAFT, ItemStatus.SUBMITTED, ItemStatus.RETURNED])
def test_rss_lists_published_items_only_newest_first(client, status):
    now = timezone.now()
    LibraryItemFactory(title_en="Older", published_at=now - datetime.timedelta(days=2))
    LibraryItemFactory(title_en="Newer", published_at=now)
    LibraryItemFactory(title_en="Not published", status=status, published_at=None)

    channel = ET.fromstring(client.get(reverse("library:item_feed_rss")).content)

    assert [item.findtext("title") for item in channel.findall("./channel/item")] == [
        "Newer",
        "Older",
    ]


def test_atom_escapes_the_abstract(client):
    LibraryItemFactory(title_en="Study", abstract_en="<script>alert(1)</script>")

    feed = ET.fromstring(client.get(reverse("library:item_feed_atom")).content)

    summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert "&lt;script&gt;" in summary
    assert "<script>" not in summary
