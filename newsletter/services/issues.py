"""Newsletter issues: the portal proposes their content, staff reorder, drop,
preview and test; a person decides to schedule or send. Sending records one
delivery per subscriber before queueing batches (core.mail)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import mail
from core.mail import email_people
from network.selectors import secretariat_recipients

from .. import rendering, rules, selectors
from ..enums import IssueStatus
from ..models import Issue, IssueItem, Subscriber
from ..rules import require
from ..sources import SOURCES
from .subscribers import subscription_of, unsubscribe_url

# What staff write; the rest of an issue changes only through these services.
CONTENT_FIELDS = frozenset(
    f"{name}{suffix}"
    for name in ("title", "introduction")
    for suffix in ("", *(f"_{code}" for code in settings.MODELTRANSLATION_LANGUAGES))
)


def issue_create(*, issue, user):
    """Save a new issue (``issue``: unsaved, with what staff typed), numbered
    after the last one, with its content proposed."""
    require(rules.can_edit_issue(user), _("You cannot create newsletter issues."))
    return _issue_create(issue, created_by=user)


def _issue_create(issue, *, created_by, attempts=3):
    try:
        with transaction.atomic():
            issue.number = (Issue.objects.aggregate(last=Max("number"))["last"] or 0) + 1
            issue.created_by = created_by
            issue.save()
            _compile(issue)
    except IntegrityError:
        # Another issue took that number at the same moment: take the next.
        if attempts == 1:
            raise
        issue.pk = None
        return _issue_create(issue, created_by=created_by, attempts=attempts - 1)
    return issue


@transaction.atomic
def issue_update(*, issue, user, changes):
    """Save staff's changes to the subject and introduction (``changes``:
    field name → value; other fields are ignored), unless sending started."""
    require(rules.can_edit_issue(user), _("You cannot change newsletter issues."))
    locked = _lock_unsent(issue)
    names = [name for name in changes if name in CONTENT_FIELDS]
    for name in names:
        setattr(locked, name, changes[name])
    locked.save(update_fields=[*names, "updated_at"])
    return locked


@transaction.atomic
def issue_compile(*, issue, user):
    """Propose again: add what was published since the last issue and is not
    in this one yet. Items staff dropped or moved stay as they are."""
    require(rules.can_edit_issue(user), _("You cannot change newsletter issues."))
    return _compile(_lock_unsent(issue))


def _compile(issue):
    """Add an item for each new proposal of each source (newsletter.sources),
    after the issue's items. Content a sent issue included is not proposed
    again; a free item (the fund's call) may come back in every issue.
    Returns the new items."""
    now = timezone.now()
    since = _previous_compile_time(issue, now)
    present = {
        (item.kind, item.content_type_id, item.object_id)
        for item in issue.items.only("kind", "content_type_id", "object_id")
    }
    already_sent = set(
        IssueItem.objects.filter(
            issue__status__in=[IssueStatus.SENDING, IssueStatus.SENT],
            issue__sending_started_at__gt=since,
            included=True,
            object_id__isnull=False,
        ).values_list("kind", "content_type_id", "object_id")
    )
    position = issue.items.aggregate(last=Max("position"))["last"] or 0
    added = []
    for source in SOURCES.values():
        for obj in source.propose(since):
            content_type_id = ContentType.objects.get_for_model(obj).pk if obj else None
            object_id = obj.pk if obj else None
            reference = (source.kind, content_type_id, object_id)
            if reference in present or reference in already_sent:
                continue
            present.add(reference)
            position += 10
            added.append(
                IssueItem(
                    issue=issue,
                    kind=source.kind,
                    content_type_id=content_type_id,
                    object_id=object_id,
                    position=position,
                )
            )
    IssueItem.objects.bulk_create(added)
    issue.compiled_at = now
    issue.save(update_fields=["compiled_at", "updated_at"])
    return added


def _previous_compile_time(issue, now):
    """Proposals start where the previous issue's did: content published
    after it was (last) compiled. The first issue looks back one period."""
    previous = (
        Issue.objects.filter(status__in=[IssueStatus.SENDING, IssueStatus.SENT])
        .exclude(pk=issue.pk)
        .order_by("-sending_started_at")
        .first()
    )
    if previous is not None:
        return previous.compiled_at or previous.sending_started_at
    return now - datetime.timedelta(days=settings.NEWSLETTER_DRAFT_EVERY_DAYS)


def _lock_unsent(issue):
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        raise ValidationError(_("This issue is being sent or was sent already."))
    return issue


def _require_content(issue):
    if issue.items.filter(included=True).exists():
        return
    if any(issue.introduction_paragraphs(code) for code, _name in settings.CONTENT_LANGUAGES):
        return
    raise ValidationError(_("The issue is empty: include an item or write an introduction."))


@transaction.atomic
def issue_schedule(*, issue, user, when):
    """Send ``issue`` at ``when`` (the beat starts it within a minute);
    scheduling again changes the time."""
    require(rules.can_send_issue(user), _("You cannot send newsletter issues."))
    issue = _lock_unsent(issue)
    if when <= timezone.now():
        raise ValidationError({"when": _("Choose a time in the future.")})
    _require_content(issue)
    issue.status = IssueStatus.SCHEDULED
    issue.scheduled_for = when
    issue.sent_by = user
    issue.save(update_fields=["status", "scheduled_for", "sent_by", "updated_at"])
    return issue


@transaction.atomic
def issue_unschedule(*, issue, user):
    require(rules.can_send_issue(user), _("You cannot send newsletter issues."))
    issue = _lock_unsent(issue)
    if issue.status != IssueStatus.SCHEDULED:
        raise ValidationError(_("This issue is not scheduled."))
    issue.status = IssueStatus.DRAFT
    issue.scheduled_for = None
    issue.save(update_fields=["status", "scheduled_for", "updated_at"])
    return issue


@transaction.atomic
def issue_send_now(*, issue, user):
    """Start sending ``issue`` to every active subscriber. A second click, or
    a click on an issue the schedule started, is refused."""
    require(rules.can_send_issue(user), _("You cannot send newsletter issues."))
    issue = _lock_unsent(issue)
    _require_content(issue)
    issue.sent_by = user
    _start_sending(issue)
    return issue


def issue_send_due(*, now=None):
    """Beat, every minute: start the scheduled issues whose time has come;
    close the issues whose deliveries have all ended (the last batch does it
    too, but a delivery recovered by core.mail's requeue ends outside any
    batch). Returns the issues started."""
    now = now or timezone.now()
    started = []
    due = Issue.objects.filter(status=IssueStatus.SCHEDULED, scheduled_for__lte=now)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            issue = (
                Issue.objects.select_for_update()
                .filter(pk=pk, status=IssueStatus.SCHEDULED)
                .first()
            )
            if issue is not None:  # else a person clicked "send now" meanwhile
                _start_sending(issue)
                started.append(issue)
    sending = Issue.objects.filter(status=IssueStatus.SENDING)
    for pk in sending.values_list("pk", flat=True):
        issue_finish_if_done(issue_id=pk)
    return started


def _start_sending(issue):
    """Record one delivery per active subscriber (rendered in their language,
    for their topics) before anything is queued, then queue them in batches
    once the transaction commits. The caller holds the issue's row lock."""
    # Imported here: tasks.py imports this module.
    from ..tasks import issue_send_batch

    subscribers = Subscriber.objects.active().prefetch_related("topics").order_by("pk")
    recipients = (
        (subscriber, settings.SITE_URL + unsubscribe_url(subscriber)) for subscriber in subscribers
    )
    emails = list(rendering.issue_emails(issue, recipients))
    delivery_ids = mail.email_record_many(emails=emails)
    issue.status = IssueStatus.SENDING
    issue.sending_started_at = timezone.now()
    issue.recipients_count = len(emails)
    issue.save(
        update_fields=[
            "status",
            "sending_started_at",
            "recipients_count",
            "sent_by",
            "updated_at",
        ]
    )
    size = settings.NEWSLETTER_BATCH_SIZE
    for start in range(0, len(delivery_ids), size):
        mail.queue_after_commit(issue_send_batch, issue.pk, delivery_ids[start : start + size])
    if not emails:
        issue_finish_if_done(issue_id=issue.pk)


def issue_finish_if_done(*, issue_id):
    """Mark a sending issue sent, with its final counts, once none of its
    deliveries is pending. Returns whether it did."""
    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return False
    progress = selectors.issue_progress(issue)
    if progress.pending:
        return False
    # Conditional: two batches ending together close the issue once.
    return bool(
        Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).update(
            status=IssueStatus.SENT,
            sent_at=timezone.now(),
            sent_count=progress.sent,
            failed_count=progress.failed,
            updated_at=timezone.now(),
        )
    )


def issue_send_test(*, issue, user, language):
    """Send ``issue`` to ``user`` alone, as readers of ``language`` get it
    (every included item, whatever the topics). Each call sends a new test."""
    require(rules.can_edit_issue(user), _("You cannot change newsletter issues."))
    if language not in dict(settings.CONTENT_LANGUAGES):
        raise ValidationError(_("Choose one of the content languages."))
    if not user.email:
        raise ValidationError(_("Your account has no email address."))
    subscriber = subscription_of(user)
    email = rendering.issue_test_email(
        issue,
        to=user.email,
        key=f"newsletter-test:{issue.pk}:{user.pk}:{timezone.now().isoformat()}",
        language=language,
        unsubscribe_url=(
            settings.SITE_URL + unsubscribe_url(subscriber)
            if subscriber
            else rendering.sample_unsubscribe_url()
        ),
    )
    return mail.email_enqueue_rendered(email=email)


def issue_draft_if_due(*, now=None):
    """Beat, daily: when the last issue is NEWSLETTER_DRAFT_EVERY_DAYS old and
    no draft waits, draft one with the content proposed and tell the
    Technical Secretariat. Nothing goes to subscribers: a person decides.
    Returns the new issue, or None."""
    now = now or timezone.now()
    if Issue.objects.filter(status=IssueStatus.DRAFT).exists():
        return None
    recent = now - datetime.timedelta(days=settings.NEWSLETTER_DRAFT_EVERY_DAYS)
    if Issue.objects.filter(created_at__gt=recent).exists():
        return None
    with transaction.atomic():
        issue = _issue_create(Issue(), created_by=None)
        email_people(
            people=secretariat_recipients(),
            key=f"newsletter-issue-drafted:{issue.pk}",
            template="newsletter/email/issue_drafted",
            context={
                "issue": issue,
                "item_count": issue.items.count(),
                "admin_path": reverse("admin:newsletter_issue_change", args=[issue.pk]),
            },
        )
    return issue
