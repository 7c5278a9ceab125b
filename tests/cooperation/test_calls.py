"""Calls for proposals: their public pages while open and once closed, their
documents, and the closing time the server enforces."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cooperation import services
from cooperation.enums import ActivityType, RequestStatus
from cooperation.models import CallDocument, Request
from meetings.enums import MeetingKind, Visibility
from tests.conftest import moves_logged
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import FocalPointFactory, TopicFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.django_db

Status = RequestStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def closed_call(**kwargs):
    now = timezone.now()
    return CallFactory(
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=1),
        **kwargs,
    )


def future_call(**kwargs):
    now = timezone.now()
    return CallFactory(
        opens_at=now + datetime.timedelta(days=5),
        closes_at=now + datetime.timedelta(days=40),
        **kwargs,
    )


def document_of(call):
    document = CallDocument(call=call, title="Terms of reference", language="en")
    document.file.save("terms.pdf", ContentFile(PDF), save=True)
    return document


# Public pages.


def test_call_list_shows_open_calls_and_past_ones_as_closed(client):
    open_call = CallFactory(title_en="The open call")
    past = closed_call(title_en="The past call")
    future_call(title_en="The call in preparation")

    response = client.get(reverse("cooperation:call_list"))

    assert response.context["open_calls"] == [open_call]
    assert response.context["closed_calls"] == [past]
    assert "The call in preparation" not in response.content.decode()


def test_call_page_shows_what_the_call_finances(client):
    topic = TopicFactory(name_en="Labor inspection")
    call = CallFactory(
        activity_types=[ActivityType.VISIT_TO_PROVIDER, ActivityType.WORKSHOP],
        max_fund_contribution="15000",
        envelope="75000",
    )
    call.topics.add(topic)
    document_of(call)

    response = client.get(call.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["is_open"] is True
    assert response.context["activity_types"] == [
        ActivityType.VISIT_TO_PROVIDER.label,
        ActivityType.WORKSHOP.label,
    ]
    assert "Labor inspection" in content
    assert "15,000 USD" in content
    assert "75,000 USD" in content
    assert "Terms of reference" in content


def test_call_page_says_a_closed_call_accepts_no_more_proposals(client):
    call = closed_call()

    response = client.get(call.get_absolute_url())

    assert response.status_code == 200
    assert response.context["is_open"] is False
    assert "no longer accepts proposals" in response.content.decode()


def test_call_page_of_a_call_not_yet_open_is_not_found(client):
    response = client.get(future_call().get_absolute_url())

    assert response.status_code == 404


def test_call_page_links_its_public_webinar(client):
    webinar = MeetingFactory(kind=MeetingKind.WEBINAR, is_online=True, title_en="Match-making")
    call = CallFactory(webinar=webinar)

    response = client.get(call.get_absolute_url())

    assert response.context["webinar"] == webinar
    assert webinar.get_absolute_url() in response.content.decode()


def test_call_page_hides_a_webinar_the_visitor_may_not_see(client):
    webinar = MeetingFactory(kind=MeetingKind.WEBINAR, visibility=Visibility.DELEGATES)
    call = CallFactory(webinar=webinar)

    response = client.get(call.get_absolute_url())

    assert response.context["webinar"] is None


def test_call_document_downloads_for_anyone(client):
    call = CallFactory()
    document = document_of(call)

    response = client.get(reverse("cooperation:call_document", args=[call.slug, document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "terms-of-reference-en.pdf" in response["Content-Disposition"]


def test_call_document_of_a_call_not_yet_open_is_not_found(client):
    call = future_call()
    document = document_of(call)

    response = client.get(reverse("cooperation:call_document", args=[call.slug, document.pk]))

    assert response.status_code == 404


def test_call_document_of_another_call_is_not_found(client):
    document = document_of(CallFactory())

    response = client.get(
        reverse("cooperation:call_document", args=[CallFactory().slug, document.pk])
    )

    assert response.status_code == 404


def test_call_document_whose_file_is_gone_is_not_found(client):
    call = CallFactory()
    document = document_of(call)
    document.file.delete(save=False)

    response = client.get(reverse("cooperation:call_document", args=[call.slug, document.pk]))

    assert response.status_code == 404


# The closing time, enforced by the server.


def draft_in(call):
    request = RequestFactory(call=call)
    return request, FocalPointFactory(institution=request.requester)


def test_submission_after_the_closing_time_is_refused():
    call = CallFactory()
    request, requester = draft_in(call)

    with pytest.raises(ValidationError, match="no longer accepted"):
        services.request_submit(
            request=request, user=requester, now=call.closes_at + datetime.timedelta(seconds=1)
        )

    request.refresh_from_db()
    assert request.status == Status.DRAFT
    assert moves_logged(request) == []


def test_submission_at_the_closing_moment_is_refused():
    call = CallFactory()
    request, requester = draft_in(call)

    with pytest.raises(ValidationError):
        services.request_submit(request=request, user=requester, now=call.closes_at)


def test_submission_just_before_the_closing_time_is_accepted():
    call = CallFactory()
    request, requester = draft_in(call)

    services.request_submit(
        request=request, user=requester, now=call.closes_at - datetime.timedelta(seconds=1)
    )

    request.refresh_from_db()
    assert request.status == Status.SUBMITTED


def test_submission_before_the_call_opens_is_refused():
    call = future_call()
    request, requester = draft_in(call)

    with pytest.raises(ValidationError):
        services.request_submit(request=request, user=requester)


def test_submission_through_the_portal_after_the_closing_time_is_refused(client):
    call = closed_call()
    request, requester = draft_in(call)
    client.force_login(requester)

    response = client.post(
        reverse("cooperation:request_submit", args=[request.reference]), follow=True
    )

    assert response.status_code == 200
    assert "no longer accepted" in response.content.decode()
    assert Request.objects.get(pk=request.pk).status == Status.DRAFT
