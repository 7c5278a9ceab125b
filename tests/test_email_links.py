"""Every link the portal puts in an email, opened as a mail scanner opens it
(Outlook's Safe Links, Gmail's and Slack's previews): a GET with no cookie,
which must change nothing. Only a button on the page (a POST) acts.

Every email the portal sends (each email template is rendered here: a new
one fails the test until it is added) is sent by the portal's own
workflows, then read from the outbox (network's deliveries: body, HTML body
and headers, such as the newsletter's List-Unsubscribe); each link in them
is opened. tests/test_access_matrix.py also opens every route as a visitor
and shows that no GET changes anything."""

import datetime
import html
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from accounts import services as account_services
from cooperation import services as cooperation_services
from cooperation.enums import RequestStatus
from cooperation.models import Request
from core.models import EmailDelivery
from evaluations import services as evaluation_services
from forum import services as forum_services
from forum.enums import Frequency, ReadAccess
from forum.models import Follow
from fund import services as fund_services
from fund.enums import ContributionKind
from library import services as library_services
from library.enums import ItemStatus
from meetings import national_reports
from meetings import services as meeting_services
from meetings.enums import Approval, RegistrationStatus
from meetings.models import Registration
from newsletter import services as newsletter_services
from newsletter import tasks as newsletter_tasks
from newsletter.models import Issue
from newsletter.services import news as news_services
from portfolio import services as portfolio_services
from portfolio.enums import RevisionStatus
from tests.cooperation.factories import CallFactory
from tests.cooperation.lifecycle import advance, parties
from tests.evaluations.factories import attendee, questionnaire_with_questions
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    MemberStateFactory,
    SecretariatStaffFactory,
    TopicFactory,
    UserFactory,
)
from tests.forum.factories import SpaceFactory, ThreadFactory
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.portfolio.factories import program_content
from tests.portfolio.test_revision_workflow import revision_in
from tests.test_access_matrix import all_rows

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s<>\"']+")
PORTAL = (settings.SITE_URL, "http://testserver")
# The links whose signed token is the credential (and the form asking for a
# new one), each sent at least once.
SIGNED_LINKS = (
    "/meetings/registration/<token>/confirm/",
    "/meetings/registration/<token>/",
    "/meetings/registration/new-link/",
    "/newsletter/confirm/<token>/",
    "/newsletter/unsubscribe/<token>/",
    "/accounts/invitation/<token>/",
    "/accounts/password/reset/",
    "/forum/unfollow/<token>/",
)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def links_in(delivery):
    """The portal's addresses in an email: under SITE_URL, or under the host
    of the request that sent it (Django's password reset)."""
    texts = [delivery.body, html.unescape(delivery.html_body), *delivery.headers.values()]
    found = {link.rstrip(".,;:)") for text in texts for link in LINK.findall(str(text))}
    return sorted(link for link in found if link.startswith(PORTAL))


def send_registration_emails():
    """The registrant's emails, each with its links, and their focal point's."""
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*_perms("change_registration", "change_meeting"))
    ministry = InstitutionFactory()
    focal_point = FocalPointFactory(institution=ministry)

    def register(meeting, email, confirm=True, **fields):
        registration = meeting_services.registration_create(
            meeting=meeting,
            registration=RegistrationFactory.build(
                meeting=meeting, email=email, institution=ministry, **fields
            ),
        )
        if confirm:
            registration = meeting_services.registration_confirm(registration=registration)
        return registration

    # Confirmation, received, the waiting list's offer, acceptance, approval,
    # withdrawal and decline; a new link asked for.
    meeting = MeetingFactory(
        capacity=1, offer_hours=24, approval=Approval.ENDORSEMENT, reminder_days=3
    )
    register(meeting, "pending@example.org", confirm=False)
    holder = register(meeting, "holder@example.org")
    waiting = register(meeting, "waiting@example.org")
    meeting_services.registration_withdraw(registration=holder)
    waiting.refresh_from_db()
    meeting_services.offer_accept(registration=waiting)
    waiting = meeting_services.registration_endorse(registration=waiting, by=focal_point)
    meeting_services.registration_approve(registration=waiting, by=staff)
    declined = register(meeting, "declined@example.org")
    meeting_services.registration_decline(registration=declined, by=staff, note="Full.")
    meeting_services.registration_links_send(email="waiting@example.org")
    # The deadline's reminders: to confirm, and to endorse.
    deadline = MeetingFactory(approval=Approval.ENDORSEMENT, reminder_days=3)
    register(deadline, "unconfirmed@example.org", confirm=False)
    register(deadline, "unendorsed@example.org")
    meeting_services.registrations_remind(now=deadline.registration_closes_at - 2 * DAY)

    # The national reports' reminder to the focal points of the states missing.
    reporting = MeetingFactory(
        time_zone="America/Bogota",
        national_reports_due=datetime.date(2030, 6, 10),
        start_date=datetime.date(2030, 7, 1),
        end_date=datetime.date(2030, 7, 2),
        reminder_days=3,
    )
    FocalPointFactory(institution=InstitutionFactory(member_state=MemberStateFactory()))
    national_reports.national_reports_remind(
        now=datetime.datetime.combine(
            reporting.national_reports_due - 3 * DAY, datetime.time(14), tzinfo=datetime.UTC
        )
    )

    # An offer not accepted in time.
    full = MeetingFactory(capacity=1, offer_hours=1, approval=Approval.AUTOMATIC)
    first = register(full, "first@example.org")
    register(full, "second@example.org")
    meeting_services.registration_withdraw(registration=first)
    meeting_services.offers_expire(now=timezone.now() + 2 * HOUR)

    # The reminder before the meeting, to approved participants.
    soon = MeetingFactory(
        approval=Approval.AUTOMATIC,
        reminder_days=3,
        start_date=timezone.localdate() + 2 * DAY,
        registration_closes_at=timezone.now() + DAY,
    )
    register(soon, "participant@example.org")
    meeting_services.registrations_remind()


def send_newsletter_emails():
    staff = SecretariatStaffFactory()
    newsletter_services.subscriber_subscribe(email="new@example.org", languages=["en"], topics=[])
    reader = SubscriberFactory(email="reader@example.org")
    newsletter_services.subscriber_subscribe(email=reader.email, languages=["en"], topics=[])
    NewsItemFactory()
    issue = newsletter_services.issue_create(issue=Issue(title_en="News"), user=staff)
    newsletter_services.issue_send_now(issue=issue, user=staff)
    pending = EmailDelivery.objects.filter(key__startswith=issue.delivery_key_prefix)
    newsletter_tasks.issue_send_batch(issue.pk, list(pending.values_list("pk", flat=True)))
    # The beat drafts the next issue, and tells the Secretariat.
    newsletter_services.issue_draft_if_due(now=timezone.now() + 30 * DAY)


def send_account_emails():
    staff = SecretariatStaffFactory()
    invitation = account_services.invitation_create(
        by=staff,
        email="invited@example.org",
        full_name="Ana Pérez",
        job_title="Director",
        institution=InstitutionFactory(),
    )
    account_services.invitation_ask_again(invitation=invitation)
    account_services.erasure_request(user=UserFactory(email="leaving@example.org"))
    Client().post(reverse("password_reset"), {"email": staff.email})


def send_portfolio_emails():
    focal_point = FocalPointFactory()
    staff = SecretariatStaffFactory()
    draft = portfolio_services.program_create(
        owner=focal_point.institution,
        user=focal_point,
        content=program_content(topics=[TopicFactory().pk]),
    )
    portfolio_services.program_submit(program=draft, user=focal_point)
    portfolio_services.program_return(program=draft, user=staff, comment="Add figures.")
    portfolio_services.program_submit(program=draft, user=focal_point)
    portfolio_services.program_publish(program=draft, user=staff)
    for move, title in (("approve", "Second edition"), ("return", "Third edition")):
        revision = revision_in(RevisionStatus.SUBMITTED, title_en=title)
        if move == "approve":
            portfolio_services.revision_approve(revision=revision, user=staff)
        else:
            portfolio_services.revision_return(revision=revision, user=staff, comment="Dates?")
    portfolio_services.program_verification_remind(today=timezone.localdate() + 800 * DAY)


def send_news_emails():
    focal_point = FocalPointFactory()
    staff = SecretariatStaffFactory()
    for move in ("publish", "return"):
        news = news_services.news_save(
            user=focal_point, title=f"To {move}", text="The law passed.", language="en"
        )
        news = news_services.news_submit(news=news, user=focal_point)
        if move == "publish":
            news_services.news_publish(news=news, user=staff)
        else:
            news_services.news_return(news=news, user=staff, comment="A photo?")


def send_library_emails():
    focal_point = FocalPointFactory()
    staff = SecretariatStaffFactory()
    for move in ("publish", "return"):
        item = LibraryItemFactory(
            owner=focal_point.institution, status=ItemStatus.DRAFT, published_at=None
        )
        library_services.item_submit(item=item, user=focal_point)
        if move == "publish":
            library_services.item_publish(item=item, user=staff)
        else:
            library_services.item_return(item=item, user=staff, comment="The authors?")


def send_forum_emails():
    """A reply to followers by email and, the next day, the digest."""
    space = SpaceFactory(read_access=ReadAccess.NETWORK)
    thread = ThreadFactory(space=space)
    Follow.objects.create(user=FocalPointFactory(), thread=thread)
    Follow.objects.create(user=FocalPointFactory(), space=space, frequency=Frequency.DAILY)
    post = forum_services.post_reply(thread=thread, user=FocalPointFactory(), body="We did.")
    forum_services.post_notify(post_id=post.pk)
    forum_services.digest_send(day=timezone.localdate(post.created_at))


def send_evaluation_emails():
    """A questionnaire to the one present, then its reminder a week later;
    their certificate of attendance."""
    questionnaire = questionnaire_with_questions(reminder_after_days=7)
    attendee(questionnaire.meeting, email="present@example.org")
    evaluation_services.evaluations_send()
    evaluation_services.evaluations_send(now=timezone.now() + datetime.timedelta(days=8))
    meeting_services.certificates_announce()


def send_fund_emails(settings):
    """The alert of a balance below the minimum, and a pledge's reminder."""
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("120000.00")
    staff = SecretariatStaffFactory()
    institution = InstitutionFactory()
    FocalPointFactory(institution=institution)
    fund_services.contribution_record(
        user=staff,
        institution=institution,
        kind=ContributionKind.FINANCIAL,
        amount=Decimal("100000.00"),
        currency="USD",
        amount_usd=Decimal("100000.00"),
        received_on=datetime.date(2015, 1, 15),
        reference="Transfer 1",
    )
    fund_services.pledge_record(
        user=staff,
        institution=institution,
        amount=Decimal("5000.00"),
        amount_usd=Decimal("5000.00"),
        year_from=2014,
        year_to=2015,
        announced_on=datetime.date(2014, 6, 1),
    )
    fund_services.fund_send_alerts(today=datetime.date(2015, 3, 2))
    year_end = datetime.date(2015, 12, 31)
    fund_services.fund_send_alerts(
        today=year_end - datetime.timedelta(days=settings.FUND_PLEDGE_REMINDER_DAYS)
    )


def send_cooperation_emails():
    closed = advance(parties(), RequestStatus.CLOSED)
    Request.objects.filter(pk=closed.request.pk).update(
        carried_out_on=timezone.localdate() - 200 * DAY
    )
    reporting = advance(parties(), RequestStatus.CARRIED_OUT)
    Request.objects.filter(pk=reporting.request.pk).update(report_due_on=timezone.localdate())
    cooperation_services.reports_remind()
    CallFactory(closes_at=timezone.now() + 3 * DAY, reminder_days=7)
    FocalPointFactory()
    cooperation_services.calls_remind()


def _perms(*codenames):
    permission = apps.get_model("auth", "Permission")
    return permission.objects.filter(codename__in=codenames)


@pytest.fixture
def sent(settings):
    """Send the emails; the email templates rendered meanwhile."""
    settings.FUND_MINIMUM_ANNUAL_BUDGET = 0
    rendered = set()

    def record(sender, template, **kwargs):
        if template.name:
            rendered.add(template.name)

    template_rendered.connect(record)
    try:
        send_registration_emails()
        send_newsletter_emails()
        send_account_emails()
        send_portfolio_emails()
        send_news_emails()
        send_library_emails()
        send_forum_emails()
        send_cooperation_emails()
        send_evaluation_emails()
        send_fund_emails(settings)
    finally:
        template_rendered.disconnect(record)
    return rendered


def test_opening_every_link_in_every_email_changes_nothing(sent):
    deliveries = list(EmailDelivery.objects.order_by("pk"))
    links = sorted({link for delivery in deliveries for link in links_in(delivery)})
    opened = {re.sub(r"/[\w.:-]{30,}/", "/<token>/", link) for link in links}
    for kind in SIGNED_LINKS:
        assert any(kind in link for link in opened), (kind, sorted(opened))
    scanner = Client()
    wrong = []
    for link in links:
        before = all_rows()
        response = scanner.get(urlsplit(link)._replace(scheme="", netloc="").geturl())
        if response.status_code >= 500:
            wrong.append(f"{link}: {response.status_code}")
        elif all_rows() != before:
            changed = [label for label, rows in all_rows().items() if rows != before[label]]
            wrong.append(f"{link}: changed {changed}")
    assert not wrong, "\n".join(wrong)


def email_templates():
    root = Path(settings.BASE_DIR)
    for path in root.glob("**/templates/**/*.*"):
        if path.is_relative_to(root / ".venv") or path.is_relative_to(root / "tests"):
            continue
        if path.parent.name == "email" or path.name.endswith("_body.txt"):
            yield path


def templates_dir(path):
    return next(parent for parent in path.parents if parent.name == "templates")


def test_every_email_the_portal_sends_was_opened_here(sent):
    """Every email template (its text; subjects carry no links) was rendered
    by the emails above: a new email must be added there."""
    bodies = {
        str(path.relative_to(templates_dir(path)))
        for path in email_templates()
        if not path.name.endswith("_subject.txt")
    }
    assert bodies - sent == set()


def test_the_registrants_links_show_a_page_first(sent):
    """The links that act when their page's button is pressed answer a GET
    with that page (or the registration's), never with the act itself."""
    pending = Registration.objects.get(email="pending@example.org")
    body = EmailDelivery.objects.get(key=f"meetings:registration:{pending.pk}:confirm").body
    confirm = next(link for link in LINK.findall(body) if link.endswith("/confirm/"))

    response = Client().get(confirm.removeprefix(settings.SITE_URL))

    assert response.status_code == 200
    assert "Confirm my registration" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == RegistrationStatus.PENDING_CONFIRMATION
