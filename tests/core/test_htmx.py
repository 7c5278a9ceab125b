"""Filters update the results without a full reload: every list page with
filters answers a plain GET with the whole page (no JavaScript needed) and
htmx's request with its results region only, and says so in Vary."""

import pytest
from django.urls import reverse

from cooperation.enums import RequestStatus
from tests.cooperation.factories import NeedFactory, RequestFactory
from tests.factories import FocalPointFactory
from tests.meetings.factories import DocumentFactory, MeetingFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _program():
    ProgramFactory(title_en="Listed program")
    return "Listed program"


def _meeting():
    MeetingFactory(title_en="Listed meeting")
    return "Listed meeting"


def _document():
    DocumentFactory(title_en="Listed document")
    return "Listed document"


def _activity():
    RequestFactory(title="Listed activity", status=RequestStatus.APPROVED)
    return "Listed activity"


def _need():
    NeedFactory(title="Listed need")
    return "Listed need"


# Route, what the results region holds, a filter form's id of results.
LISTS = [
    ("portfolio:program_list", _program, "program-results"),
    ("meetings:meeting_list", _meeting, "meeting-results"),
    ("meetings:document_list", _document, "document-results"),
    ("cooperation:activity_list", _activity, "activity-results"),
    ("cooperation:need_list", _need, "need-results"),
]


@pytest.fixture
def focal_point_client(client):
    """Needs are listed to focal points; the other lists are public."""
    client.force_login(FocalPointFactory())
    return client


@pytest.mark.parametrize(("name", "make", "region"), LISTS)
def test_without_javascript_the_whole_page_with_a_working_form(
    focal_point_client, name, make, region
):
    listed = make()

    response = focal_point_client.get(reverse(name))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert listed in html
    assert f'id="{region}"' in html
    # A plain GET form with a button: it works without htmx.
    assert 'method="get"' in html
    assert f'hx-target="#{region}"' in html
    assert 'hx-push-url="true"' in html
    assert 'type="submit"' in html
    assert "vendor/htmx/htmx.min" in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(("name", "make", "region"), LISTS)
def test_htmx_gets_only_the_results(focal_point_client, name, make, region):
    listed = make()

    response = focal_point_client.get(reverse(name), headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert "<form" not in html
    assert listed in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(("name", "make", "region"), LISTS)
def test_restoring_history_gets_the_whole_page(focal_point_client, name, make, region):
    make()

    response = focal_point_client.get(
        reverse(name), headers={**HTMX, "HX-History-Restore-Request": "true"}
    )

    assert "<html" in response.content.decode()


def test_htmx_filters_the_meetings_and_keeps_the_tabs_in_step(client):
    kept = MeetingFactory(title_en="Meeting in the chosen state")
    MeetingFactory(title_en="Meeting elsewhere")

    response = client.get(
        reverse("meetings:meeting_list"),
        {"host_state": kept.host_state.iso_code},
        headers=HTMX,
    )

    html = response.content.decode()
    assert "Meeting in the chosen state" in html
    assert "Meeting elsewhere" not in html
    # The tabs outside the results are swapped out of band with the filter.
    assert 'id="meeting-tabs" hx-swap-oob="true"' in html
    assert f"when=past&amp;host_state={kept.host_state.iso_code}" in html


def test_htmx_filters_the_documents(client):
    DocumentFactory(symbol="CIMT-19/doc.1/15", title_en="Chosen")
    DocumentFactory(symbol="CIMT-19/doc.2/15", title_en="Other")

    response = client.get(reverse("meetings:document_list"), {"q": "doc.1/"}, headers=HTMX)

    html = response.content.decode()
    assert "Chosen" in html
    assert "Other" not in html


def test_htmx_filters_the_needs_by_topic(focal_point_client):
    chosen = NeedFactory(title="Chosen need")
    NeedFactory(title="Other need")

    response = focal_point_client.get(
        reverse("cooperation:need_list"), {"topic": chosen.topic.slug}, headers=HTMX
    )

    html = response.content.decode()
    assert "Chosen need" in html
    assert "Other need" not in html
