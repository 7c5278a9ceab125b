"""Issues (newsletter.services.issues): what the portal proposes, and the
decisions staff take before anything is sent."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from newsletter import services
from newsletter.enums import IssueStatus, NewsStatus
from newsletter.models import Issue
from portfolio.enums import ProgramStatus
from rial_portal.roles import EDITOR
from tests.factories import SecretariatStaffFactory, UserFactory
from tests.fund.factories import ContributionFactory
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def fund_above_minimum(settings):
    """A fund that needs no call for contributions."""
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("0")


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def new_issue(staff, **fields):
    return services.issue_create(issue=Issue(**fields), user=staff)


def proposed(issue):
    """(kind, content) of each item, in the issue's order."""
    return [(item.kind, item.content) for item in issue.items.all()]


def sent_issue(staff, *, compiled_at):
    """An issue that went out, its content proposed at ``compiled_at``."""
    issue = new_issue(staff)
    Issue.objects.filter(pk=issue.pk).update(
        status=IssueStatus.SENT,
        compiled_at=compiled_at,
        sending_started_at=compiled_at + datetime.timedelta(hours=1),
    )
    issue.refresh_from_db()
    return issue


def staff_with(*codenames):
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="newsletter", codename__in=codenames)
    )
    return user


# Creating and proposing content ------------------------------------------------


def test_issues_are_numbered_in_order(staff, fund_above_minimum):
    first = new_issue(staff)
    second = new_issue(staff)

    assert (first.number, second.number) == (1, 2)
    assert second.created_by == staff
    assert second.status == IssueStatus.DRAFT
    assert second.compiled_at is not None


def test_compile_proposes_what_was_published_since_the_previous_issue(staff, fund_above_minimum):
    now = timezone.now()
    sent_issue(staff, compiled_at=now - 10 * DAY)
    NewsItemFactory(published_at=now - 11 * DAY)  # in the previous issue's time
    older_news = NewsItemFactory(published_at=now - 5 * DAY)
    newer_news = NewsItemFactory(published_at=now - 2 * DAY)
    NewsItemFactory(status=NewsStatus.SUBMITTED, published_at=None)
    program = ProgramFactory(published_at=now - 3 * DAY)
    ProgramFactory(published_at=now - 12 * DAY)
    ProgramFactory(status=ProgramStatus.SUBMITTED, published_at=None)

    issue = new_issue(staff)

    # Source by source (news, then programs), the oldest first.
    assert proposed(issue) == [("news", older_news), ("news", newer_news), ("program", program)]
    assert [item.position for item in issue.items.all()] == [10, 20, 30]
    assert all(item.included for item in issue.items.all())


def test_the_first_issue_looks_back_one_period(staff, settings, fund_above_minimum):
    settings.NEWSLETTER_DRAFT_EVERY_DAYS = 14
    now = timezone.now()
    NewsItemFactory(published_at=now - 20 * DAY)
    recent = NewsItemFactory(published_at=now - 3 * DAY)

    assert proposed(new_issue(staff)) == [("news", recent)]


def test_compile_proposes_the_fund_call_when_the_fund_is_below_its_minimum(staff, settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("120000")
    ContributionFactory(amount=Decimal("5000"), received_on=timezone.localdate())

    assert proposed(new_issue(staff)) == [("fund_call", None)]


def test_compile_proposes_no_fund_call_when_the_fund_reaches_its_minimum(staff, settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("5000")
    ContributionFactory(amount=Decimal("5000"), received_on=timezone.localdate())

    assert proposed(new_issue(staff)) == []


def test_compiling_again_adds_new_content_and_keeps_staffs_choices(staff, fund_above_minimum):
    first, second = NewsItemFactory(), NewsItemFactory()
    issue = new_issue(staff)
    first_item = issue.items.get(object_id=first.pk)
    first_item.position, first_item.included = 50, False
    first_item.save()
    later = NewsItemFactory()

    added = services.issue_compile(issue=issue, user=staff)

    assert [item.content for item in added] == [later]
    assert [(item.content, item.position, item.included) for item in issue.items.all()] == [
        (second, 20, True),
        (first, 50, False),
        (later, 60, True),
    ]


def test_compile_never_proposes_again_what_a_sent_issue_included(staff, fund_above_minimum):
    news = NewsItemFactory()
    previous = new_issue(staff)
    Issue.objects.filter(pk=previous.pk).update(
        status=IssueStatus.SENT, sending_started_at=timezone.now()
    )
    # Published again (returned, changed, republished) after that issue was compiled.
    news.published_at = timezone.now() + datetime.timedelta(seconds=1)
    news.save()

    assert proposed(new_issue(staff)) == []


def test_compile_refuses_an_issue_that_is_being_sent(staff, fund_above_minimum):
    issue = new_issue(staff)
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)

    with pytest.raises(ValidationError, match="being sent or was sent"):
        services.issue_compile(issue=issue, user=staff)


def test_creating_an_issue_needs_the_change_permission():
    with pytest.raises(PermissionDenied):
        services.issue_create(issue=Issue(), user=staff_with("view_issue"))
    assert not Issue.objects.exists()


def test_update_saves_only_the_content_fields(staff, fund_above_minimum):
    issue = new_issue(staff)

    services.issue_update(
        issue=issue,
        user=staff,
        changes={"title_en": "Spring issue", "introduction_es": "Hola.", "status": "sent"},
    )

    issue.refresh_from_db()
    assert (issue.title_en, issue.introduction_es, issue.status) == (
        "Spring issue",
        "Hola.",
        IssueStatus.DRAFT,
    )


def test_update_refuses_an_issue_whose_sending_started(staff, fund_above_minimum):
    issue = new_issue(staff)
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)

    with pytest.raises(ValidationError):
        services.issue_update(issue=issue, user=staff, changes={"title_en": "Late"})
    issue.refresh_from_db()
    assert issue.title_en is None


# Deciding to send -------------------------------------------------------------


def test_send_now_records_one_delivery_per_active_subscriber_then_queues_batches(
    staff, settings, django_capture_on_commit_callbacks, fund_above_minimum
):
    settings.NEWSLETTER_BATCH_SIZE = 2
    NewsItemFactory()
    readers = SubscriberFactory.create_batch(5)
    SubscriberFactory(confirmed_at=None)
    SubscriberFactory(unsubscribed_at=timezone.now())
    SubscriberFactory(disabled_at=timezone.now())
    issue = new_issue(staff)

    with django_capture_on_commit_callbacks() as callbacks:
        services.issue_send_now(issue=issue, user=staff)

    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING
    assert issue.sent_by == staff
    assert issue.recipients_count == 5
    deliveries = EmailDelivery.objects.order_by("pk")
    assert [delivery.key for delivery in deliveries] == [
        f"newsletter:issue:{issue.pk}:subscriber:{reader.pk}" for reader in readers
    ]
    assert [delivery.to for delivery in deliveries] == [reader.email for reader in readers]
    assert {delivery.status for delivery in deliveries} == {DeliveryStatus.PENDING}
    assert len(callbacks) == 3  # batches of 2, 2 and 1


def test_a_second_click_on_send_is_refused_and_records_nothing_more(staff, fund_above_minimum):
    NewsItemFactory()
    SubscriberFactory.create_batch(2)
    issue = new_issue(staff)
    services.issue_send_now(issue=issue, user=staff)

    with pytest.raises(ValidationError, match="being sent or was sent"):
        services.issue_send_now(issue=issue, user=staff)

    assert EmailDelivery.objects.count() == 2


def test_an_empty_issue_is_not_sent(staff, fund_above_minimum):
    SubscriberFactory()
    issue = new_issue(staff)

    with pytest.raises(ValidationError, match="empty"):
        services.issue_send_now(issue=issue, user=staff)

    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT
    assert not EmailDelivery.objects.exists()


def test_an_issue_with_only_an_introduction_may_be_sent(staff, fund_above_minimum):
    SubscriberFactory()
    issue = new_issue(staff, introduction_es="Un mensaje de la Secretaría.")

    services.issue_send_now(issue=issue, user=staff)

    assert EmailDelivery.objects.count() == 1


def test_sending_needs_the_send_permission(fund_above_minimum):
    NewsItemFactory()
    SubscriberFactory()
    editor_without_send = staff_with("view_issue", "change_issue")
    issue = services.issue_create(issue=Issue(), user=editor_without_send)

    with pytest.raises(PermissionDenied):
        services.issue_send_now(issue=issue, user=editor_without_send)
    with pytest.raises(PermissionDenied):
        services.issue_schedule(issue=issue, user=editor_without_send, when=timezone.now() + DAY)
    assert not EmailDelivery.objects.exists()


def test_the_editor_role_may_send(fund_above_minimum):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    NewsItemFactory()
    SubscriberFactory()
    issue = services.issue_create(issue=Issue(), user=editor)

    services.issue_send_now(issue=issue, user=editor)

    assert EmailDelivery.objects.count() == 1


def test_an_issue_with_no_active_subscriber_is_sent_at_once(staff, fund_above_minimum):
    NewsItemFactory()
    issue = new_issue(staff)

    services.issue_send_now(issue=issue, user=staff)

    issue.refresh_from_db()
    assert (issue.status, issue.recipients_count, issue.sent_count) == (IssueStatus.SENT, 0, 0)


def test_scheduling_in_the_past_is_refused(staff, fund_above_minimum):
    NewsItemFactory()
    issue = new_issue(staff)

    with pytest.raises(ValidationError, match="future"):
        services.issue_schedule(issue=issue, user=staff, when=timezone.now() - DAY)

    issue.refresh_from_db()
    assert issue.status == IssueStatus.DRAFT


def test_a_scheduled_issue_starts_when_its_time_comes(staff, fund_above_minimum):
    NewsItemFactory()
    SubscriberFactory.create_batch(3)
    issue = new_issue(staff)
    when = timezone.now() + DAY
    services.issue_schedule(issue=issue, user=staff, when=when)

    assert services.issue_send_due(now=when - datetime.timedelta(minutes=1)) == []
    assert not EmailDelivery.objects.exists()

    assert services.issue_send_due(now=when) == [issue]
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENDING
    assert issue.sent_by == staff
    assert EmailDelivery.objects.count() == 3
    # The next minute's run starts nothing again.
    assert services.issue_send_due(now=when + datetime.timedelta(minutes=1)) == []
    assert EmailDelivery.objects.count() == 3


def test_cancelling_a_schedule_returns_the_issue_to_draft(staff, fund_above_minimum):
    NewsItemFactory()
    SubscriberFactory()
    issue = new_issue(staff)
    when = timezone.now() + DAY
    services.issue_schedule(issue=issue, user=staff, when=when)

    services.issue_unschedule(issue=issue, user=staff)

    issue.refresh_from_db()
    assert (issue.status, issue.scheduled_for) == (IssueStatus.DRAFT, None)
    assert services.issue_send_due(now=when + DAY) == []
    assert not EmailDelivery.objects.exists()


def test_issue_is_closed_with_its_final_counts_once_no_delivery_is_pending(
    staff, fund_above_minimum
):
    NewsItemFactory()
    SubscriberFactory.create_batch(3)
    issue = new_issue(staff)
    services.issue_send_now(issue=issue, user=staff)
    first, second, third = EmailDelivery.objects.order_by("pk")
    EmailDelivery.objects.filter(pk=first.pk).update(status=DeliveryStatus.SENT)
    EmailDelivery.objects.filter(pk=second.pk).update(status=DeliveryStatus.FAILED)

    assert not services.issue_finish_if_done(issue_id=issue.pk)
    EmailDelivery.objects.filter(pk=third.pk).update(status=DeliveryStatus.SENT)
    # The beat closes it (a delivery recovered by the requeue ends outside any batch).
    services.issue_send_due()

    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT
    assert (issue.sent_count, issue.failed_count, issue.recipients_count) == (2, 1, 3)
    assert issue.sent_at is not None
    assert not services.issue_finish_if_done(issue_id=issue.pk)


# The beat's draft -----------------------------------------------------------------


def test_the_beat_drafts_an_issue_and_tells_the_secretariat(fund_above_minimum):
    secretariat = [SecretariatStaffFactory(), SecretariatStaffFactory()]
    news = NewsItemFactory()
    SubscriberFactory.create_batch(2)

    issue = services.issue_draft_if_due()

    assert issue.status == IssueStatus.DRAFT
    assert issue.created_by is None
    assert proposed(issue) == [("news", news)]
    notices = EmailDelivery.objects.filter(key__startswith="newsletter-issue-drafted:")
    assert sorted(notice.to for notice in notices) == sorted(s.email for s in secretariat)
    assert f"/admin/newsletter/issue/{issue.pk}/change/" in notices[0].body
    # Nothing goes to subscribers without a person's decision.
    assert EmailDelivery.objects.count() == 2


def test_the_beat_drafts_nothing_while_a_draft_waits(staff, fund_above_minimum):
    waiting = new_issue(staff)
    Issue.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - 30 * DAY)

    assert services.issue_draft_if_due() is None
    assert Issue.objects.count() == 1


def test_the_beat_drafts_once_the_last_issue_is_a_period_old(staff, settings, fund_above_minimum):
    settings.NEWSLETTER_DRAFT_EVERY_DAYS = 14
    last = new_issue(staff)
    Issue.objects.filter(pk=last.pk).update(status=IssueStatus.SENT)
    now = timezone.now()

    assert services.issue_draft_if_due(now=now + 13 * DAY) is None
    drafted = services.issue_draft_if_due(now=now + 15 * DAY)

    assert drafted.number == 2
