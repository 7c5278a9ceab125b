"""The top navigation marks the section the reader is in, on its sub-pages
too, and every public page says where it is with breadcrumbs."""

import re

import pytest
from django.urls import reverse

from tests.cooperation.factories import CallFactory
from tests.meetings.factories import MeetingFactory
from tests.newsletter.factories import NewsItemFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

NAV_LINK = re.compile(r'<a class="nav-link( active)?" (aria-current="(\w+)")? ?href="([^"]+)">')


def nav_state(html):
    """{href: (active, aria-current)} of the top navigation's section links."""
    nav = html.split('<ul class="navbar-nav me-auto">', 1)[1].split("</ul>", 1)[0]
    return {href: (bool(active), current) for active, _attr, current, href in NAV_LINK.findall(nav)}


def test_the_navigation_lists_the_sections_in_the_issue_order(client):
    html = client.get(reverse("network:about")).content.decode()

    assert list(nav_state(html)) == [
        "/programs/",
        "/meetings/",
        "/library/",
        "/forum/",
        "/cooperation/",
        "/fund/",
        "/news/",
        "/member-states/",
        "/about/",
    ]


def test_a_section_page_is_the_current_page(client):
    state = nav_state(client.get("/programs/").content.decode())

    assert state["/programs/"] == (True, "page")
    assert state["/meetings/"] == (False, "")


def test_a_sub_page_marks_its_section_without_claiming_to_be_it(client):
    program = ProgramFactory()
    meeting = MeetingFactory()
    news = NewsItemFactory()
    call = CallFactory()

    for url, section in [
        (program.get_absolute_url(), "/programs/"),
        (meeting.get_absolute_url(), "/meetings/"),
        (reverse("meetings:document_list"), "/meetings/"),
        (call.get_absolute_url(), "/cooperation/"),
        (reverse("cooperation:statistics"), "/cooperation/"),
        (news.get_absolute_url(), "/news/"),
    ]:
        state = nav_state(client.get(url).content.decode())
        assert state[section] == (True, "true"), url
        assert [href for href, (active, _current) in state.items() if active] == [section], url


def test_the_home_page_marks_no_section(client):
    state = nav_state(client.get(reverse("home")).content.decode())

    assert not any(active for active, _current in state.values())


@pytest.mark.parametrize(
    "name",
    [
        "portfolio:program_list",
        "meetings:meeting_list",
        "meetings:meeting_timeline",
        "meetings:document_list",
        "cooperation:activity_list",
        "cooperation:statistics",
        "cooperation:call_list",
        "cooperation:need_list",
        "forum:space_list",
        "fund:statement",
        "newsletter:news_list",
        "newsletter:subscribe",
        "network:member_state_list",
        "network:topic_list",
        "network:about",
        "search:search",
        "login",
    ],
)
def test_public_pages_have_breadcrumbs_starting_at_home(client, name):
    html = client.get(reverse(name)).content.decode()

    breadcrumbs = html.split('<nav aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{reverse("home")}"' in breadcrumbs
    assert 'aria-current="page"' in breadcrumbs


def test_detail_pages_have_breadcrumbs_to_their_list(client):
    meeting = MeetingFactory(title_en="Workshop on mediation")

    for url in [meeting.get_absolute_url(), reverse("meetings:register", args=[meeting.slug])]:
        html = client.get(url).content.decode()
        breadcrumbs = html.split('<nav aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
        assert 'href="/meetings/"' in breadcrumbs, url
