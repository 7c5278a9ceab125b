"""No page of the portal, admin included, asks the browser for anything off
the machine: every script and stylesheet (a form's media too, such as the
admin's language tabs) is served from static/."""

import re
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import ClockedSchedule, SolarSchedule
from django_otp.plugins.otp_static.models import StaticDevice

from accounts.models import ErasureRequest, Invitation
from cooperation.enums import RequestStatus
from core.models import EmailDelivery
from forum.models import Report
from fund import services as fund_services
from library.models import DownloadCount
from newsletter import services as newsletter_services
from newsletter.models import Issue
from portfolio import services
from portfolio.models import ProgramAttachment
from tests.conftest import sign_in_with_second_factor
from tests.cooperation.factories import CallFactory, NeedFactory, RequestFactory
from tests.evaluations.factories import QuestionFactory, QuestionnaireFactory
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    TopicFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.forum.factories import PostFactory
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    PledgeFactory,
)
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import (
    AgendaSessionFactory,
    DocumentFactory,
    MeetingFactory,
    RegistrationFactory,
)
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

# The URLs a page makes the browser load by itself: scripts, stylesheets,
# icons and preloads (links to other pages are the reader's choice).
ASSET = re.compile(
    r"<script\b[^>]*\bsrc=[\"']([^\"']+)|<link\b[^>]*\bhref=[\"']([^\"']+)", re.IGNORECASE
)
CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)", re.IGNORECASE)


def remote_assets(html):
    """The asset URLs of ``html`` that name another host (or another scheme)."""
    urls = [script or link for script, link in ASSET.findall(html)]
    urls += CSS_URL.findall(html)
    return [url for url in urls if urlsplit(url).netloc or urlsplit(url).scheme not in ("", "data")]


def test_remote_assets_are_recognized():
    html = (
        '<script src="//ajax.googleapis.com/jquery-ui.min.js"></script>'
        '<link rel="stylesheet" href="https://cdn.example.org/x.css">'
        '<script src="/static/admin/js/core.js"></script>'
        '<link rel="stylesheet" href="/static/css/rial.css">'
    )
    assert remote_assets(html) == [
        "//ajax.googleapis.com/jquery-ui.min.js",
        "https://cdn.example.org/x.css",
    ]


@pytest.fixture
def one_of_each():
    """At least one record of every model the admin shows."""
    staff = SecretariatStaffFactory()
    focal_point = FocalPointFactory()
    ministry = focal_point.institution
    program = ProgramFactory(owner=ministry)
    meeting = MeetingFactory()
    AgendaSessionFactory(meeting=meeting)
    DocumentFactory(meeting=meeting)
    RegistrationFactory(meeting=meeting, institution=ministry)
    CallFactory()
    NeedFactory(institution=ministry)
    RequestFactory(
        requester=InstitutionFactory(),
        provider=ministry,
        program=program,
        status=RequestStatus.APPROVED,
    )
    contribution = ContributionFactory(institution=ministry)
    PledgeFactory(institution=ministry)
    AllocationFactory()
    ExpenseFactory()
    NewsItemFactory(institution=ministry)
    item = LibraryItemFactory(owner=ministry)
    DownloadCount.objects.create(item=item, language="en", count=3)
    SubscriberFactory()
    WorkingGroupFactory(chair=ministry)
    TopicFactory()
    UserFactory()
    QuestionFactory(questionnaire=QuestionnaireFactory(meeting=meeting))
    # A space, a thread and a post of the forum, and a report of the post.
    Report.objects.create(post=PostFactory(), reporter=focal_point, reason="Off topic")
    revision = services.program_update(
        program=program,
        user=focal_point,
        content={**program.content(), "title_en": "A second edition"},
    )
    ProgramAttachment.objects.create(
        program=program, revision=revision, title="Report", kind="pdf", size=9
    )
    newsletter_services.issue_create(issue=Issue(title_en="RIAL news"), user=staff)
    EmailDelivery.objects.create(key="test:1", to="a@example.org", subject="Hello", body="Hi")
    Invitation.objects.create(email="b@example.org", full_name="B", institution=ministry)
    ErasureRequest.objects.create(user=focal_point)
    ClockedSchedule.objects.create(clocked_time=timezone.now())
    SolarSchedule.objects.create(event="sunrise", latitude=0, longitude=0)
    StaticDevice.objects.create(user=staff, name="Backup codes")
    AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", failures_since_start=1)
    AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1")
    fund_services.year_close(year=2000, user=staff)
    return contribution


@pytest.fixture
def superuser_client(client):
    """Every admin page, whatever the roles: a superuser with a second factor."""
    user = SecretariatStaffFactory(is_superuser=True)
    return sign_in_with_second_factor(client, user)


def admin_pages():
    """[(model label, kind)] of each add and change page of the admin."""
    return [
        (model._meta.label_lower, kind)
        for model in admin.site._registry
        for kind in ("add", "change")
    ]


@pytest.mark.parametrize(("label", "kind"), sorted(admin_pages()))
def test_admin_page_loads_nothing_from_another_host(superuser_client, one_of_each, label, kind):
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}_{kind}"
    if kind == "add":
        url = reverse(name)
    else:
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, f"one_of_each makes no {label}"
        url = reverse(name, args=[obj.pk])

    response = superuser_client.get(url)

    if response.status_code == 403:  # an admin without this page (no adding by hand…)
        pytest.skip(f"{label} has no {kind} page")
    assert response.status_code == 200, url
    assert remote_assets(response.content.decode()) == []


def test_translated_admin_pages_name_the_local_jquery_ui(superuser_client, one_of_each):
    program = ProgramFactory()

    html = superuser_client.get(
        reverse("admin:portfolio_program_change", args=[program.pk])
    ).content.decode()

    assert re.search(r'<script src="/static/vendor/jquery-ui/jquery-ui\.min\.[0-9a-f]+\.js"', html)
    assert re.search(r"/static/modeltranslation/js/tabbed_translation_fields\.[0-9a-f]+\.js", html)


def public_pages(program, meeting):
    return [
        reverse("home"),
        reverse("portfolio:program_list"),
        program.get_absolute_url(),
        reverse("meetings:meeting_list"),
        meeting.get_absolute_url(),
        reverse("cooperation:activity_list"),
        reverse("fund:statement"),
        reverse("newsletter:news_list"),
        reverse("network:member_state_list"),
        reverse("network:about"),
        reverse("login"),
    ]


def test_public_pages_load_nothing_from_another_host(client, one_of_each):
    program = ProgramFactory()
    meeting = MeetingFactory()

    for url in public_pages(program, meeting):
        response = client.get(url)
        assert response.status_code == 200, url
        assert remote_assets(response.content.decode()) == [], url


def test_focal_point_forms_load_nothing_from_another_host(client, one_of_each):
    """The pages with forms, whose widgets may bring media of their own."""
    focal_point = FocalPointFactory()
    client.force_login(focal_point)
    meeting = MeetingFactory()

    for url in (
        reverse("portfolio:program_create"),
        reverse("meetings:register", kwargs={"slug": meeting.slug}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert remote_assets(response.content.decode()) == [], url
