"""Every link the portal puts in an email, opened as a mail scanner opens it
(Outlook's Safe Links, Gmail's and Slack's previews): a GET with no cookie,
which must change nothing. Only a button on the page (a POST) acts.

The emails are sent by the portal's own workflows, then read from the outbox
(network's deliveries: body, HTML body and headers, such as the newsletter's
List-Unsubscribe). The links an email builds from a signed token are the
ones a scanner could trigger without signing in: every email template that
puts such a link in its text must be among the emails sent here. Links to
the portal's other pages (``{% url %}``, an object's address) are pages any
GET may open: tests/test_access_matrix.py shows a GET of any route, by
anyone, changes nothing."""

import datetime
import html
import re
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
from meetings import services as meeting_services
from meetings.enums import Approval, RegistrationStatus
from meetings.models import Registration
from network.models import EmailDelivery
from newsletter import services as newsletter_services
from newsletter import tasks as newsletter_tasks
from newsletter.models import Issue
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.test_access_matrix import all_rows

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s<>\"']+")
PORTAL = (settings.SITE_URL, "http://testserver")
# A link built from a context variable (a path with a signed token), not from
# {% url %}, an object's get_absolute_url or the site's address alone.
VARIABLE_LINK = re.compile(r"(?:\{\{\s*site_url\s*\}\}|href=\")\{\{\s*(?P<name>[\w.]+)\s*\}\}")
# A link to a route given a token: {% url 'password_reset_confirm' uidb64=uid token=token %}.
TOKEN_ROUTE = re.compile(r"\{%\s*url\s+'[^']+'[^%]*\btoken\b")
PAGE_ADDRESS = re.compile(r"(^|\.)get_absolute_url$")


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
    register(meeting, "late@example.org")
    meeting_services.registrations_remind(now=meeting.registration_closes_at - 2 * DAY)

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


# The links whose signed token is the credential, each sent at least once.
SIGNED_LINKS = (
    "/meetings/registration/<token>/confirm/",
    "/meetings/registration/<token>/",
    "/meetings/registration/new-link/",
    "/newsletter/confirm/<token>/",
    "/newsletter/unsubscribe/<token>/",
    "/accounts/invitation/<token>/",
    "/accounts/password/reset/",
)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


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


def test_every_email_with_a_signed_link_was_opened_here(sent):
    """The templates whose links come from a variable (a signed token) are all
    among the emails the test above opens: a new one must be added there."""
    with_variable_links = set()
    for path in email_templates():
        text = path.read_text()
        names = {m["name"] for m in VARIABLE_LINK.finditer(text)}
        if {name for name in names if not PAGE_ADDRESS.search(name)} or TOKEN_ROUTE.search(text):
            with_variable_links.add(str(path.relative_to(templates_dir(path))))
    assert {
        "meetings/email/_manage.txt",
        "registration/password_reset_body.txt",
    } <= with_variable_links
    assert with_variable_links - sent == set()


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
