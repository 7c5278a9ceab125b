"""The filter forms of the public lists: every select offers "All" first, in
the reader's language, never Django's "---------"; on a phone the form folds
behind a "Filter" button that works without JavaScript."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django.test import SimpleTestCase
from django.urls import reverse

from cooperation.public_filters import ActivityFilter
from core.templatetags.filter_forms import filter_form
from meetings.filters import MeetingFilter
from portfolio.filters import ProgramFilter
from tests.factories import MemberStateFactory, TopicFactory

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
@pytest.mark.parametrize(
    ("language", "labels"),
    [("en", {"All"}), ("es", {"Todos", "Todas"}), ("fr", {"Tous", "Toutes"})],
)
def test_every_filter_select_offers_all_in_the_readers_language(client, url_name, language, labels):
    TopicFactory()

    html = client.get(reverse(url_name), headers={"accept-language": language}).content.decode()

    assert empty_choices(html)
    assert set(empty_choices(html)) <= labels
    assert "---------" not in html


def select_empty_choices(html):
    """{select name: its empty choice's text}."""
    return dict(
        re.findall(r'<select name="([^"]+)"[^>]*>\s*<option value=""[^>]*>([^<]*)</option>', html)
    )


# "Subregión", "Cooperación ofrecida", "Ejecución" and "Sous-région",
# "Coopération offerte", "Mise en œuvre": feminine; the others masculine.
@pytest.mark.parametrize(
    ("language", "masculine", "feminine"), [("es", "Todos", "Todas"), ("fr", "Tous", "Toutes")]
)
def test_all_agrees_with_the_filter_s_noun(client, language, masculine, feminine):
    html = client.get(reverse("portfolio:program_list"), headers={"accept-language": language})

    choices = select_empty_choices(html.content.decode())
    assert choices == {
        "member_state": masculine,
        "subregion": feminine,
        "topic": masculine,
        "target_group": masculine,
        "offer": feminine,
        "implementation_status": feminine,
    }


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


# The forms are rendered in Python (core/templatetags/filter_forms.py), not
# through crispy-forms' templates: the markup must stay what crispy gave.
FILTERSETS = [ProgramFilter, MeetingFilter, ActivityFilter]


def assert_same_markup_as_crispy(form):
    case = SimpleTestCase()
    case.maxDiff = None
    case.assertHTMLEqual(str(filter_form(form)), as_crispy_form(form))


@pytest.fixture
def choices():
    MemberStateFactory(name_en="Colombia & Peru's <neighbour>")
    TopicFactory(name_en="Labor inspection")


@pytest.mark.usefixtures("choices")
@pytest.mark.parametrize("filterset", FILTERSETS)
def test_an_empty_filter_form_renders_as_crispy_did(filterset):
    assert_same_markup_as_crispy(filterset({}).form)


@pytest.mark.usefixtures("choices")
@pytest.mark.parametrize("filterset", FILTERSETS)
def test_chosen_values_render_as_crispy_did(filterset):
    data = {}
    for name, field in filterset({}).form.fields.items():
        values = [value for value, _label in getattr(field, "choices", [])]
        data[name] = str(values[-1]) if values else "2010"
    data["q"] = '"labor inspection" <b>-child'
    bound = filterset(data).form
    bound.is_valid()

    assert_same_markup_as_crispy(bound)


@pytest.mark.usefixtures("choices")
@pytest.mark.parametrize("filterset", FILTERSETS)
def test_errors_render_as_crispy_did(filterset):
    bound = filterset(dict.fromkeys(filterset({}).form.fields, "not a choice <script>")).form
    assert not bound.is_valid()

    assert_same_markup_as_crispy(bound)
    assert "<script>" not in str(filter_form(bound))
