"""A focal point's dashboard: their drafts, what waits for a review, the
requests waiting for them, the meetings ahead with their delegation, and the
deadlines, all of their own institution and nothing of another's."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cooperation.enums import RequestStatus
from meetings.enums import RegistrationStatus
from meetings.models import NationalReport
from newsletter.enums import NewsStatus
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.factories import FocalPointFactory, InstitutionFactory, UserFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.newsletter.factories import NewsItemFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

URL = reverse("accounts:dashboard")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def work_of(ministry, other, label):
    """One of each thing a dashboard shows, of ``ministry``, named after ``label``."""
    ProgramFactory(
        owner=ministry,
        status=ProgramStatus.DRAFT,
        published_at=None,
        title_en=f"{label} draft program",
    )
    ProgramFactory(
        owner=ministry,
        status=ProgramStatus.SUBMITTED,
        published_at=None,
        title_en=f"{label} program in review",
    )
    RequestFactory(requester=ministry, provider=other, title=f"{label} draft request")
    RequestFactory(
        requester=other,
        provider=ministry,
        status=RequestStatus.SUBMITTED,
        title=f"Request to {label}",
    )
    RequestFactory(
        requester=ministry,
        provider=other,
        status=RequestStatus.UNDER_REVIEW,
        title=f"{label} request in review",
    )
    RequestFactory(
        requester=ministry,
        provider=other,
        status=RequestStatus.CARRIED_OUT,
        report_due_on=timezone.localdate() + datetime.timedelta(days=20),
        title=f"{label} visit carried out",
    )
    NewsItemFactory(
        institution=ministry,
        status=NewsStatus.DRAFT,
        published_at=None,
        title=f"{label} draft news",
    )
    NewsItemFactory(
        institution=ministry,
        status=NewsStatus.SUBMITTED,
        published_at=None,
        title=f"{label} news in review",
    )


def meetings_ahead(ministry, other):
    """Meetings are the whole network's: ``ministry`` registered one person
    to the first, ``other`` two; the second asks for national reports."""
    meeting = MeetingFactory(title_en="Workshop ahead")
    RegistrationFactory(meeting=meeting, institution=ministry, status=RegistrationStatus.APPROVED)
    RegistrationFactory.create_batch(
        2, meeting=meeting, institution=other, status=RegistrationStatus.APPROVED
    )
    MeetingFactory(
        title_en="Meeting asking for reports",
        national_reports_due=timezone.localdate() + datetime.timedelta(days=10),
        registration_opens_at=None,
        registration_closes_at=None,
    )


@pytest.fixture
def ours():
    ministry = InstitutionFactory()
    other = InstitutionFactory()
    work_of(ministry, other, "Ours")
    work_of(other, InstitutionFactory(), "Theirs")
    meetings_ahead(ministry, other)
    return FocalPointFactory(institution=ministry)


def test_a_focal_point_sees_all_that_waits_for_their_ministry(client, ours):
    CallFactory(title_en="Call for 2027")
    client.force_login(ours)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        # Drafts.
        "Ours draft program",
        "Ours draft request",
        "Ours draft news",
        # Waiting for a review.
        "Ours program in review",
        "Ours request in review",
        "Ours news in review",
        # Requests waiting for them.
        "Request to Ours",
        # Meetings ahead and their delegation.
        "Workshop ahead",
        "1 person of your delegation registered",
        "Meeting asking for reports",
        # Deadlines.
        "Registration closes",
        "National report due",
        "Call for proposals closes: <a",
        "Call for 2027",
        "Final report due",
        "Ours visit carried out",
    ]:
        assert text in html, text
    assert "Theirs" not in html


def test_the_deadlines_come_soonest_first(client, ours):
    client.force_login(ours)

    response = client.get(URL)

    (deadlines,) = [
        section["deadlines"]
        for _template, section in response.context["sections"]
        if "deadlines" in section
    ]
    assert [deadline.due for deadline in deadlines] == sorted(
        deadline.due for deadline in deadlines
    )
    assert {str(deadline.what) for deadline in deadlines} == {
        "Registration closes",
        "National report due",
        "Final report due",
    }


def test_a_national_report_already_sent_is_no_deadline(client, ours):
    meeting = MeetingFactory(
        title_en="Reported meeting",
        national_reports_due=timezone.localdate(),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    NationalReport.objects.create(
        meeting=meeting,
        member_state=ours.institution.member_state,
        file=SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%test\n"),
        language="en",
        uploaded_by=ours,
    )
    client.force_login(ours)

    html = client.get(URL).content.decode()

    deadlines = html.split('id="dashboard-deadlines"', 1)[1].split("</section>")[0]
    assert "Meeting asking for reports" in deadlines
    assert "Reported meeting" not in deadlines


def test_a_delegate_without_an_institution_gets_no_focal_point_sections(client):
    delegate = UserFactory()
    RegistrationFactory(email=delegate.email, meeting=MeetingFactory(title_en="My workshop"))
    client.force_login(delegate)

    response = client.get(URL)

    html = response.content.decode()
    assert "My workshop" in html
    assert 'id="dashboard-deadlines"' not in html
    assert 'id="dashboard-news"' not in html


def test_the_dashboard_runs_a_fixed_number_of_queries(client, count_queries):
    ministry = InstitutionFactory()
    focal_point = FocalPointFactory(institution=ministry)
    client.force_login(focal_point)
    work_of(ministry, InstitutionFactory(), "First")
    meetings_ahead(ministry, InstitutionFactory())
    one = count_queries(URL)

    for number in range(2):
        work_of(ministry, InstitutionFactory(), f"More {number}")
        meetings_ahead(ministry, InstitutionFactory())

    assert count_queries(URL) == one
