"""The filter forms of the public lists: every select offers "All" first, in
the reader's language, never Django's "---------"; on a phone the form folds
behind a "Filter" button that works without JavaScript."""

import re

import pytest
from django.urls import reverse

from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "portfolio:program_list",
    "meetings:meeting_list",
    "meetings:document_list",
    "cooperation:activity_list",
    "cooperation:need_list",
]


def empty_choices(html):
    return re.findall(r'<option value=""[^>]*>([^<]*)</option>', html)


@pytest.mark.parametrize("url_name", LISTS)
@pytest.mark.parametrize(("language", "label"), [("en", "All"), ("es", "Todos")])
def test_every_filter_select_offers_all_in_the_readers_language(client, url_name, language, label):
    TopicFactory()

    html = client.get(reverse(url_name), headers={"accept-language": language}).content.decode()

    assert empty_choices(html)
    assert set(empty_choices(html)) == {label}
    assert "---------" not in html


@pytest.mark.parametrize(
    "url_name",
    ["portfolio:program_list", "meetings:meeting_list", "cooperation:activity_list"],
)
def test_the_filter_form_folds_behind_a_button_that_needs_no_javascript(client, url_name):
    html = client.get(reverse(url_name)).content.decode()

    panel = html.split('<details class="filter-panel" data-filter-panel>', 1)[1]
    panel = panel.split("</details>", 1)[0]
    # Closed at first: the results come first on a phone; the summary opens it.
    assert re.match(r'\s*<summary class="btn btn-outline-primary mb-3">.*Filter</summary>', panel)
    assert "<form" in panel
    assert 'type="submit"' in panel
    assert html.index("filter-panel") < html.index('aria-live="polite"')
    # Wider screens open it (static/js/filters.js, served by the portal).
    assert re.search(r'<script src="/static/js/filters(\.[0-9a-f]+)?\.js">', html)


def test_a_filter_form_with_an_error_stands_open(client):
    html = client.get(reverse("portfolio:program_list"), {"started_from": "x"}).content.decode()

    assert '<details class="filter-panel" data-filter-panel open>' in html


def test_the_past_meetings_filter_keeps_to_past_meetings(client):
    html = client.get(reverse("meetings:meeting_list"), {"when": "past"}).content.decode()

    assert '<input type="hidden" name="when" value="past">' in html
    assert 'href="/meetings/?when=past">Clear</a>' in html
