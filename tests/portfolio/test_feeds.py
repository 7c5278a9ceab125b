"""RSS and Atom feeds of newly published programs: published ones only, the
newest first, plain text escaped, linked from the portfolio's page."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from portfolio.enums import ProgramStatus
from tests.factories import TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RSS_URL = reverse("portfolio:program_feed_rss")
ATOM_URL = reverse("portfolio:program_feed_atom")


def rss_items(client):
    return ET.fromstring(client.get(RSS_URL).content).findall("./channel/item")


@pytest.mark.parametrize(
    "status",
    [
        ProgramStatus.DRAFT,
        ProgramStatus.SUBMITTED,
        ProgramStatus.RETURNED,
        ProgramStatus.ARCHIVED,
    ],
)
def test_rss_lists_published_programs_only(client, status):
    published = ProgramFactory(title_en="Published program")
    ProgramFactory(title_en="Not published", status=status)

    items = rss_items(client)

    assert [item.findtext("title") for item in items] == ["Published program"]
    assert items[0].findtext("link") == f"http://testserver{published.get_absolute_url()}"


def test_newest_publication_first(client):
    now = timezone.now()
    ProgramFactory(title_en="Older", published_at=now - datetime.timedelta(days=30))
    ProgramFactory(title_en="Newer", published_at=now)

    assert [item.findtext("title") for item in rss_items(client)] == ["Newer", "Older"]


def test_atom_lists_published_programs_only(client):
    ProgramFactory(title_en="Published program")
    ProgramFactory(status=ProgramStatus.DRAFT, published_at=None)

    root = ET.fromstring(client.get(ATOM_URL).content)

    assert root.tag == f"{ATOM}feed"
    assert [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")] == [
        "Published program"
    ]


def test_title_and_summary_are_escaped(client):
    ProgramFactory(title_en="<i>Jobs</i> & skills", summary_en='<img src=x onerror="alert(1)">')

    item = rss_items(client)[0]

    assert item.findtext("title") == "<i>Jobs</i> & skills"
    assert item.findtext("description") == ("<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>")


def test_items_name_their_ministry_and_topics(client):
    program = ProgramFactory(topics=[TopicFactory(name_en="Labor inspection")])

    item = rss_items(client)[0]

    assert [category.text for category in item.findall("category")] == ["Labor inspection"]
    # Named with its member state, as everywhere: ministries share names.
    owner = program.owner
    creator = item.findtext("{http://purl.org/dc/elements/1.1/}creator")
    assert creator == f"{owner.name} ({owner.member_state.name})"


def test_program_list_announces_and_links_its_feeds(client):
    html = client.get(reverse("portfolio:program_list")).content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert f'href="{RSS_URL}"' in html
    assert f'href="{ATOM_URL}"' in html


def test_feed_runs_a_fixed_number_of_queries(count_queries):
    ProgramFactory.create_batch(2)
    with_two = count_queries(RSS_URL)
    ProgramFactory.create_batch(10)

    assert count_queries(RSS_URL) == with_two
