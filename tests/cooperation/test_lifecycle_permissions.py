"""A request goes through every state by the right person only: a focal point
of a third ministry, and a visitor, get 403 or 404 at every step in every
state; a step out of order is refused with a message and changes nothing."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from cooperation.enums import PUBLIC_STATUSES, RequestStatus
from cooperation.models import FollowUp
from tests.conftest import moves_logged
from tests.cooperation.lifecycle import REACHABLE, advance, parties
from tests.factories import FocalPointFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus

STEPS = (
    "request_edit",
    "request_submit",
    "request_withdraw",
    "request_accept",
    "request_decline",
    "request_carried_out",
    "request_report",
    "request_follow_up",
)
# What a step's form could carry, so that a POST is complete and a refusal
# is the permission's, not the form's.
FULL_POST = {
    "comment": "Because.",
    "last_day": "2020-01-01",
    "what_was_done": "All.",
    "lessons": "Many.",
    "months": "6",
    "change_kinds": ["new_program"],
    "description": "A new program.",
}


def url(name, request):
    return reverse(f"cooperation:{name}", kwargs={"reference": request.reference})


def snapshot(request):
    request.refresh_from_db()
    return (
        request.status,
        request.updated_at,
        len(moves_logged(request)),
    )


def flashed(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("status", REACHABLE)
def test_a_third_ministry_and_a_visitor_are_refused_every_step(client, status):
    p = advance(parties(), status)
    before = snapshot(p.request)
    third = FocalPointFactory()

    for who in (third, None):
        client.logout()
        if who:
            client.force_login(who)
        for name in STEPS:
            for method in (client.get, client.post):
                response = method(url(name, p.request), FULL_POST)
                assert response.status_code in (403, 404), (who, name, method)

    assert snapshot(p.request) == before


@pytest.mark.parametrize("status", REACHABLE)
def test_a_third_ministry_and_a_visitor_see_a_request_page_only_once_public(client, status):
    p = advance(parties(objectives="Confidential objectives"), status)

    for who in (FocalPointFactory(), None):
        client.logout()
        if who:
            client.force_login(who)
        response = client.get(p.request.get_absolute_url())
        if status in PUBLIC_STATUSES:
            assert response.status_code == 200
            assert "Confidential objectives" not in response.content.decode()
            assert "What you can do" not in response.content.decode()
        else:
            assert response.status_code == 404


def test_the_providers_focal_point_never_sees_the_draft(client):
    p = parties()
    client.force_login(p.provider)

    assert client.get(p.request.get_absolute_url()).status_code == 404
    assert client.post(url("request_accept", p.request)).status_code == 404


def test_each_step_belongs_to_one_side(client):
    p = parties()
    client.force_login(p.provider)
    advance(p, Status.SUBMITTED)
    assert client.post(url("request_submit", p.request)).status_code == 403
    assert client.post(url("request_withdraw", p.request)).status_code == 403
    client.force_login(p.requester)
    assert client.post(url("request_accept", p.request)).status_code == 403
    assert client.post(url("request_decline", p.request), {"comment": "No"}).status_code == 403

    assert p.refresh().status == Status.SUBMITTED


def test_the_right_people_move_a_request_through_every_state(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    p = parties()
    request = p.request

    client.force_login(p.requester)
    client.post(url("request_submit", request))
    assert p.refresh().status == Status.SUBMITTED

    client.force_login(p.provider)
    client.post(url("request_accept", request), {"comment": "Gladly."})
    assert p.refresh().status == Status.UNDER_REVIEW

    advance(p, Status.APPROVED)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    client.post(url("request_carried_out", request), {"last_day": yesterday.isoformat()})
    assert p.refresh().status == Status.CARRIED_OUT
    assert p.request.carried_out_on == yesterday

    result = request.results.get()
    response = client.post(
        url("request_report", request),
        {"what_was_done": "Visits.", "lessons": "Plan.", f"achieved_{result.pk}": "Adopted"},
    )
    assert response.status_code == 302
    assert p.refresh().status == Status.REPORTED
    result.refresh_from_db()
    assert result.achieved == "Adopted"

    advance(p, Status.CLOSED)
    client.force_login(p.requester)
    client.post(
        url("request_follow_up", request),
        {"months": "6", "change_kinds": ["process_redesign"], "description": "New process."},
    )
    assert FollowUp.objects.get(request=request).change_kinds == ["process_redesign"]
    assert [target for (target,) in moves_logged(request, "to_state")] == [
        Status.SUBMITTED,
        Status.ACCEPTED,
        Status.UNDER_REVIEW,
        Status.SELECTED,
        Status.APPROVED,
        Status.CARRIED_OUT,
        Status.REPORTED,
        Status.CLOSED,
    ]


@pytest.mark.parametrize(
    ("status", "who", "step", "data"),
    [
        (Status.SUBMITTED, "requester", "request_submit", {}),
        (Status.UNDER_REVIEW, "provider", "request_accept", {}),
        (Status.UNDER_REVIEW, "provider", "request_decline", {"comment": "Too late"}),
        (Status.SUBMITTED, "requester", "request_carried_out", {"last_day": "2020-01-01"}),
        (Status.APPROVED, "requester", "request_withdraw", {}),
        (Status.CLOSED, "requester", "request_withdraw", {}),
        (Status.PROVIDER_DECLINED, "requester", "request_submit", {}),
    ],
)
def test_a_step_out_of_order_is_refused_with_a_message(client, status, who, step, data):
    p = advance(parties(), status)
    before = snapshot(p.request)
    client.force_login(getattr(p, who))

    response = client.post(url(step, p.request), data)

    assert response.status_code == 302
    assert any("not possible now" in message for message in flashed(response))
    assert snapshot(p.request) == before


@pytest.mark.parametrize("step", ["request_report", "request_follow_up"])
def test_a_step_page_out_of_order_redirects_with_a_message(client, step):
    p = advance(parties(), Status.APPROVED)
    client.force_login(p.requester)

    response = client.get(url(step, p.request))

    assert response.status_code == 302
    assert any("not possible now" in message for message in flashed(response))


def test_declining_without_a_reason_changes_nothing(client):
    p = advance(parties(), Status.SUBMITTED)
    before = snapshot(p.request)
    client.force_login(p.provider)

    response = client.post(url("request_decline", p.request), {"comment": "  "})

    assert response.status_code == 302
    assert flashed(response)
    assert snapshot(p.request) == before


def test_declining_with_a_reason_records_it(client):
    p = advance(parties(), Status.SUBMITTED)
    client.force_login(p.provider)

    client.post(url("request_decline", p.request), {"comment": "No experts free this year."})

    assert p.refresh().status == Status.PROVIDER_DECLINED
    assert moves_logged(p.request, "comment")[-1] == ("No experts free this year.",)


def test_a_step_by_get_is_not_allowed_even_for_the_right_person(client):
    p = parties()
    client.force_login(p.requester)

    assert client.get(url("request_submit", p.request)).status_code == 405
    assert p.refresh().status == Status.DRAFT


def test_a_missing_request_is_a_404(client):
    client.force_login(FocalPointFactory())

    for name in ("request_detail", *STEPS):
        response = client.get(reverse(f"cooperation:{name}", kwargs={"reference": "RIAL-1-999"}))
        assert response.status_code == 404


def test_withdrawing_is_recorded_with_the_comment(client):
    p = advance(parties(), Status.UNDER_REVIEW)
    client.force_login(p.requester)

    client.post(url("request_withdraw", p.request), {"comment": "Priorities changed."})

    assert p.refresh().status == Status.WITHDRAWN
    assert moves_logged(p.request, "comment")[-1] == ("Priorities changed.",)
