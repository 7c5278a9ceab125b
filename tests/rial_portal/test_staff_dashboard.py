"""The admin's front page on the demo data: every queue it shows has
something waiting, and each line's link lists what it counts."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import ErasureRequest, Invitation
from cooperation.models import Request
from core.models import EmailDelivery
from forum.models import Report
from fund.models import Pledge
from library.models import LibraryItem
from meetings.models import Registration
from network.demo import DEMO_STAFF_EMAIL
from network.models import User
from newsletter.models import NewsItem
from portfolio.models import Program, ProgramRevision
from tests.conftest import sign_in_with_second_factor

pytestmark = pytest.mark.django_db

WAITING = {
    "Programs to review",
    "Program changes to review",
    "Registrations to approve",
    "Meetings with uncovered funding",
    "Cooperation requests to review",
    "Final reports to check",
    "News to publish",
    "Library items to review",
    "Forum posts reported",
    "Erasure requests to process",
    "Invitations not yet accepted",
    "Emails that failed",
}
# What the demo adds for the queues, compared row for row after a second run.
QUEUE_MODELS = (
    Program,
    ProgramRevision,
    Registration,
    Request,
    NewsItem,
    LibraryItem,
    Report,
    ErasureRequest,
    Invitation,
    EmailDelivery,
    Pledge,
    User,
)


def load_demo():
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def demo_staff_client(client):
    load_demo()
    return sign_in_with_second_factor(client, User.objects.get(email=DEMO_STAFF_EMAIL))


def test_every_queue_of_the_front_page_has_something_after_load_demo(demo_staff_client):
    response = demo_staff_client.get(reverse("admin:index"))

    lines = response.context["waiting"] + response.context["deadlines"]
    assert {line["label"] for line in response.context["waiting"]} == WAITING
    assert {line["label"]: line["count"] for line in lines if line["count"] == 0} == {}


def test_each_front_page_line_links_to_a_list_of_what_it_counts(demo_staff_client):
    lines = demo_staff_client.get(reverse("admin:index")).context["waiting"]

    for line in lines:
        response = demo_staff_client.get(line["url"])
        assert response.status_code == 200, line["label"]
        if "cl" in response.context:
            assert response.context["cl"].result_count == line["count"], line["label"]


def test_load_demo_a_second_time_adds_nothing_to_the_queues():
    load_demo()
    before = {model.__name__: list(model.objects.order_by("pk").values()) for model in QUEUE_MODELS}

    load_demo()

    after = {model.__name__: list(model.objects.order_by("pk").values()) for model in QUEUE_MODELS}
    assert after == before
