"""The demo cooperation: calls, needs and requests in each state, the approved
ones with their fund allocation; loading twice changes nothing."""

import itertools
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from cooperation import demo_data
from cooperation.enums import RequestStatus
from cooperation.models import Call, Need, Request
from fund import selectors as fund_selectors
from fund.models import Allocation
from tests.conftest import moves_logged

pytestmark = pytest.mark.django_db

Status = RequestStatus


def load_demo():
    call_command("load_demo", stdout=StringIO())


def snapshot():
    """Every row of every cooperation table, many-to-many links included, and
    the fund's allocations."""
    rows = {"allocations": list(Allocation.objects.order_by("pk").values())}
    for model in apps.get_app_config("cooperation").get_models():
        rows[model.__name__] = list(model.objects.order_by("pk").values())
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            rows[through.__name__] = list(through.objects.order_by("pk").values())
    return rows


def test_load_demo_twice_changes_no_cooperation_row():
    load_demo()
    before = snapshot()

    load_demo()

    assert snapshot() == before
    assert Call.objects.count() == len(demo_data.CALLS)
    assert Need.objects.count() == len(demo_data.NEEDS)
    assert Request.objects.count() == len(demo_data.REQUESTS)


def test_demo_requests_are_in_the_states_of_their_path():
    load_demo()

    statuses = {
        request.title: request.status
        for request in Request.objects.select_related("requester", "provider")
    }
    assert statuses == {entry["title"]: entry["path"][-1] for entry in demo_data.REQUESTS}
    assert {
        Status.DRAFT,
        Status.SUBMITTED,
        Status.UNDER_REVIEW,
        Status.WAITLISTED,
        Status.REJECTED,
        Status.APPROVED,
        Status.CARRIED_OUT,
        Status.CLOSED,
    } <= set(statuses.values())


def test_demo_colombia_learns_mediation_from_chile_with_public_results(client):
    load_demo()

    request = Request.objects.get(title="Colombia learns from Chile's labor mediation system")
    assert request.requester.member_state.iso_code == "CO"
    assert request.provider.member_state.iso_code == "CL"
    assert request.results_are_public
    assert request.follow_ups.get().months == 6
    # In the order of their times, the moves are the request's way.
    assert moves_logged(request, "from_state", "to_state") == list(
        itertools.pairwise(
            [
                Status.DRAFT,
                Status.SUBMITTED,
                Status.ACCEPTED,
                Status.UNDER_REVIEW,
                Status.SELECTED,
                Status.APPROVED,
                Status.CARRIED_OUT,
                Status.REPORTED,
                Status.CLOSED,
            ]
        )
    )
    page = client.get(reverse("cooperation:activity_list")).content.decode()
    assert "Adopted by ministerial resolution" in page


def test_demo_approved_requests_have_their_allocation_in_the_fund_statement():
    load_demo()

    approved = Request.objects.public()
    statement = fund_selectors.fund_statement()

    assert approved.count() == 4  # one approved, one carried out, one reported, one closed
    assert {request.provider.member_state.iso_code for request in approved} >= {"PA"}
    allocations = {allocation.pk for allocation in statement.allocations}
    for request in approved:
        assert request.allocation_id in allocations
        assert request.allocation.ceiling == request.amount_approved


def test_demo_has_an_open_call_with_its_webinar(client):
    load_demo()

    open_calls = list(Call.objects.open())
    assert len(open_calls) == 1
    response = client.get(open_calls[0].get_absolute_url())
    assert response.status_code == 200
    assert response.context["webinar"].kind == "webinar"


def test_demo_pages_render(client):
    load_demo()

    for url in (
        reverse("cooperation:activity_list"),
        reverse("cooperation:statistics"),
        reverse("cooperation:call_list"),
    ):
        assert client.get(url).status_code == 200, url
