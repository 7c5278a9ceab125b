"""Every page of the admin runs a bounded number of SQL queries, whatever the
data size: each registered ModelAdmin's changelist and change page, opened
by Secretariat staff with their role's permissions (no superuser), runs as
many queries with three records (each with three rows in each inline) as
with one. And no change page offers a select of every institution, program
or person: those are looked up (autocomplete or raw id), so the page does not
grow with the directory."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import (
    ClockedSchedule,
    CrontabSchedule,
    IntervalSchedule,
    PeriodicTask,
    SolarSchedule,
)

from accounts.models import ErasureRequest, Invitation
from cooperation.enums import RequestStatus
from cooperation.models import CallDocument, FinalReport, Review
from core.enums import DeliveryStatus
from core.models import ActivityLog, EmailDelivery
from evaluations.models import Question, Questionnaire
from forum.enums import SpaceKind
from forum.models import Post, Report, Space, Thread
from library.enums import ItemStatus
from library.models import DownloadCount
from network.models import InstitutionName
from newsletter.models import Issue, IssueItem
from portfolio.enums import OfferKind, ProgramStatus, RevisionStatus
from portfolio.models import ProgramAttachment, ProgramIndicator, ProgramOffer, ProgramRevision
from rial_portal.roles import TECHNICAL_SECRETARIAT
from tests.conftest import sign_in_with_second_factor
from tests.cooperation.factories import CallFactory, NeedFactory, RequestFactory
from tests.factories import (
    ConferenceFactory,
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    TopicFactory,
    WorkingGroupFactory,
)
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    PledgeFactory,
)
from tests.library.factories import AuthorshipFactory, LibraryFileFactory, LibraryItemFactory
from tests.meetings.factories import (
    AgendaSessionFactory,
    DocumentFactory,
    DocumentFileFactory,
    FundingCommitmentFactory,
    MeetingFactory,
    PresenterFactory,
    RegistrationFactory,
)
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)
PDF = b"%PDF-1.4\n%test\n"


def pdf(name="document.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def log_rows(record, rows, institution):
    """``rows`` entries in the activity log of ``record``, each by another
    focal point of ``institution`` (the log's page rows, whatever the move)."""
    for _row in range(rows):
        ActivityLog.objects.create(
            content_object=record,
            actor=FocalPointFactory(institution=institution),
            action="submit",
            from_state="draft",
            to_state="submitted",
        )


def build(count, *, rows, staff):
    """``count`` records of every model the admin shows, each with ``rows``
    rows in each of its inlines and many-to-many fields."""
    for _n in range(count):
        institution = InstitutionFactory()
        for year in range(rows):
            InstitutionName.objects.create(
                institution=institution, name=f"Former name {year}", until_year=2000 + year
            )
        topics = [TopicFactory() for _row in range(rows)]
        focal_point = FocalPointFactory(institution=institution)
        working_group = WorkingGroupFactory(conference=ConferenceFactory())
        working_group.vice_chairs.set(InstitutionFactory() for _row in range(rows))

        program = ProgramFactory(owner=institution, topics=topics)
        for kind in list(OfferKind)[:rows]:
            ProgramOffer.objects.create(program=program, kind=kind)
        for row in range(rows):
            ProgramIndicator.objects.create(program=program, name=f"Indicator {row}", value="1")
            ProgramAttachment.objects.create(
                program=program, title=f"Annex {row}", file=pdf(), kind="pdf", size=len(PDF)
            )
        ProgramRevision.objects.create(
            program=program,
            status=RevisionStatus.SUBMITTED,
            content=program.content(),
            submitted_by=focal_point,
            submitted_at=timezone.now(),
        )
        submitted = ProgramFactory(
            owner=institution, status=ProgramStatus.SUBMITTED, submitted_by=focal_point
        )
        log_rows(submitted, rows, institution)

        meeting = MeetingFactory(funding_needs=["logistics"])
        meeting.working_groups.set([working_group])
        meeting.topics.set(topics)
        meeting.coordinating_institutions.set([institution])
        for _row in range(rows):
            DocumentFileFactory(document=DocumentFactory(meeting=meeting))
            FundingCommitmentFactory(meeting=meeting)
            registration = RegistrationFactory(meeting=meeting, institution=institution)
        session = AgendaSessionFactory(meeting=meeting)
        for _row in range(rows):
            PresenterFactory(session=session)
        log_rows(registration, rows, institution)

        pledge = PledgeFactory(institution=institution)
        for _row in range(rows):
            ContributionFactory(institution=institution, pledge=pledge, amount=Decimal("1.00"))
        allocation = AllocationFactory()
        for _row in range(rows):
            ExpenseFactory(allocation=allocation, amount=Decimal("1.00"))

        call = CallFactory()
        call.topics.set(topics)
        for row in range(rows):
            CallDocument.objects.create(call=call, title=f"Terms {row}", language="en", file=pdf())
        NeedFactory(institution=institution)
        request = RequestFactory(
            requester=institution, call=call, status=RequestStatus.REPORTED, created_by=focal_point
        )
        log_rows(request, rows, institution)
        for _row in range(rows):
            Review.objects.create(
                request=request,
                reviewer=SecretariatStaffFactory(),
                relevance=4,
                opportunity=4,
                clarity=4,
                commitment=4,
                comment="Clear.",
            )
        FinalReport.objects.create(
            request=request, what_was_done="Done.", lessons="Learnt.", submitted_by=focal_point
        )

        item = LibraryItemFactory(
            owner=institution,
            status=ItemStatus.SUBMITTED,
            submitted_by=focal_point,
            working_group=working_group,
            meeting=meeting,
        )
        item.topics.set(topics)
        item.member_states.set([institution.member_state])
        item.programs.set([program])
        item.cooperation_activities.set([request])
        item.meeting_documents.set(meeting.documents.all())
        for row, language in enumerate(["en", "es", "pt"][:rows]):
            AuthorshipFactory(item=item, position=row)
            LibraryFileFactory(item=item, language=language)
            DownloadCount.objects.create(item=item, language=language, count=row)
        log_rows(item, rows, institution)

        space = Space.objects.create(
            kind=SpaceKind.WORKING_GROUP,
            working_group=working_group,
            name=f"Space {institution.pk}",
        )
        space.member_institutions.set([institution])
        thread = Thread.objects.create(
            space=space, title="Who has solved this?", author=focal_point
        )
        for _row in range(rows):
            post = Post.objects.create(thread=thread, author=focal_point, body="We have.")
            Report.objects.create(
                post=post, reporter=FocalPointFactory(institution=institution), reason="Rude"
            )
        log_rows(thread, rows, institution)
        log_rows(post, rows, institution)

        questionnaire = Questionnaire.objects.create(meeting=meeting, title_en="Evaluation")
        for row in range(rows):
            Question.objects.create(questionnaire=questionnaire, position=row, text_en="Useful?")

        SubscriberFactory(topics=topics)
        issue = Issue.objects.create(number=Issue.objects.count() + 1)
        for row in range(rows):
            news = NewsItemFactory(institution=institution, topic=topics[0])
            IssueItem.objects.create(issue=issue, kind="news", content=news, position=row)

        Invitation.objects.create(
            email=f"invited{institution.pk}@example.org",
            full_name="Invited person",
            institution=institution,
            invited_by=staff,
        )
        ErasureRequest.objects.create(user=FocalPointFactory(institution=institution))
        EmailDelivery.objects.create(
            key=f"test:{institution.pk}",
            to=focal_point.email,
            subject="Subject",
            body="Body",
            status=DeliveryStatus.FAILED,
        )

        unique = institution.pk
        interval = IntervalSchedule.objects.create(every=unique, period=IntervalSchedule.DAYS)
        CrontabSchedule.objects.create(minute=str(unique % 60), hour=str(unique % 24))
        SolarSchedule.objects.create(event="sunrise", latitude=unique % 90, longitude=0)
        ClockedSchedule.objects.create(
            clocked_time=timezone.now() + datetime.timedelta(days=unique)
        )
        PeriodicTask.objects.create(
            name=f"Task {institution.pk}", task="fund.tasks.send_alerts", interval=interval
        )


# Short reference lists a select may offer whole: the OAS's 35 member states,
# the network's topics and target groups, the Conference's editions.
REFERENCE_LISTS = {"member_state", "host_state", "topic", "topics", "target_groups", "conference"}


def queries_and_options(client, url):
    """(number of queries, the most options a select offers, reference lists
    aside) of a page."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    selects = re.finditer(
        r'<select[^>]*name="([^"]*)".*?</select>', response.content.decode(), re.S
    )
    # Options not selected: an autocomplete shows only the chosen ones, a
    # plain select everything that could be chosen.
    options = [
        len(re.findall(r"<option(?![^>]*selected)", select.group(0)))
        for select in selects
        # An inline's field is named "<prefix>-<row>-<field>".
        if select.group(1).rsplit("-", 1)[-1] not in REFERENCE_LISTS
    ]
    return len(context.captured_queries), max(options, default=0)


@pytest.fixture
def staff_client(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    staff = SecretariatStaffFactory()
    sign_in_with_second_factor(client, staff)
    client.staff = staff
    return client


def _urls(model_label, obj):
    app_label, model_name = model_label.split(".")
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    change = reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]) if obj else None
    return changelist, change


@pytest.mark.parametrize("model_label", REGISTERED)
def test_admin_pages_run_a_bounded_number_of_queries(staff_client, model_label):
    model = next(m for m in admin.site._registry if m._meta.label_lower == model_label)
    staff = staff_client.staff
    opts = model._meta
    if not staff.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        # Not the Secretariat's (groups, sign-in devices, lockouts): withheld.
        assert staff.groups.filter(name=TECHNICAL_SECRETARIAT).exists()
        assert staff_client.get(_urls(model_label, None)[0]).status_code == 403
        return
    build(1, rows=1, staff=staff)
    first = model._default_manager.order_by("pk").last()
    changelist, change = _urls(model_label, first)
    # Once before counting: the first request of a process fills caches
    # (content types, the session's user) that later ones reuse.
    for url in (changelist, change):
        if url:
            staff_client.get(url)
    small_list = queries_and_options(staff_client, changelist)
    small_change = queries_and_options(staff_client, change) if change else None

    build(3, rows=3, staff=staff)
    last = model._default_manager.order_by("pk").last()
    _changelist, change = _urls(model_label, last)

    assert queries_and_options(staff_client, changelist) == small_list
    if change:
        assert queries_and_options(staff_client, change) == small_change


def test_an_inline_row_shows_its_chosen_institution_without_looking_it_up(staff_client):
    meeting = MeetingFactory()
    parties = [FundingCommitmentFactory(meeting=meeting).party for _row in range(2)]

    response = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    page = response.content.decode()
    for party in parties:
        assert f'<option value="{party.pk}" selected>{party}</option>' in page
