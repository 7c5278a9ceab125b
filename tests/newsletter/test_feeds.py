"""RSS and Atom feeds of the published news: published items only, plain
text escaped so that feed readers show markup as typed, linked from the page."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from newsletter.enums import NewsStatus
from tests.factories import TopicFactory
from tests.newsletter.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RSS_URL = reverse("newsletter:news_feed_rss")
ATOM_URL = reverse("newsletter:news_feed_atom")


@pytest.mark.parametrize("status", [NewsStatus.DRAFT, NewsStatus.SUBMITTED, NewsStatus.RETURNED])
def test_rss_lists_published_news_only(client, status):
    published = NewsItemFactory(title="Published news")
    NewsItemFactory(title="Not yet", status=status, published_at=None)

    root = ET.fromstring(client.get(RSS_URL).content)

    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Published news"]
    assert items[0].findtext("link") == f"http://testserver{published.get_absolute_url()}"


def test_atom_lists_published_news_only(client):
    NewsItemFactory(title="Published news")
    NewsItemFactory(title="Not yet", status=NewsStatus.DRAFT, published_at=None)

    root = ET.fromstring(client.get(ATOM_URL).content)

    assert [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")] == [
        "Published news"
    ]


def test_description_is_escaped_html_in_paragraphs(client):
    NewsItemFactory(text='<script>alert("x")</script> Jobs & skills\n\nSecond paragraph.')

    description = ET.fromstring(client.get(RSS_URL).content).findtext("./channel/item/description")

    # What a feed reader renders as HTML: the markup shows as typed, nothing runs.
    assert description == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Jobs &amp; skills</p>\n\n"
        "<p>Second paragraph.</p>"
    )


def test_atom_summary_is_escaped_html(client):
    NewsItemFactory(text="<b>bold</b>")

    entry = ET.fromstring(client.get(ATOM_URL).content).find(f"{ATOM}entry")

    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert summary.text == "<p>&lt;b&gt;bold&lt;/b&gt;</p>"


def test_items_name_their_ministry_and_topic(client):
    news = NewsItemFactory(topic=TopicFactory(name_en="Child labor"))

    item = ET.fromstring(client.get(RSS_URL).content).find("./channel/item")

    assert item.findtext("category") == "Child labor"
    assert news.institution.name in item.findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_feed_language_follows_the_reader(client):
    root = ET.fromstring(client.get(RSS_URL, headers={"accept-language": "es"}).content)

    assert root.findtext("./channel/language") == "es"


def test_news_page_announces_and_links_its_feeds(client):
    html = client.get(reverse("newsletter:news_list")).content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert f'href="{RSS_URL}"' in html
    assert f'href="{ATOM_URL}"' in html


def test_feed_runs_a_fixed_number_of_queries(count_queries):
    NewsItemFactory.create_batch(2, topic=TopicFactory())
    with_two = count_queries(RSS_URL)
    NewsItemFactory.create_batch(10, topic=TopicFactory())

    assert count_queries(RSS_URL) == with_two
