"""Workflows of the Program Portfolio: each changes the program (or its
revision) and tells the people concerned, by email after commit.

A program's review moves through its table in ``workflows.py`` (checked,
logged and notified by ``core.workflow.transition``). A published program
is changed through a revision, reviewed the same way by a table of its own;
approving it replaces the public text.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import email_people
from core.models import EmailDelivery
from core.uploads import detect_document_kind
from core.workflow import TransitionError, transition
from network.enums import Notice
from network.selectors import focal_points_of

from . import rules
from .enums import ProgramStatus, RevisionStatus
from .models import Program, ProgramAttachment, ProgramRevision, verification_cutoff


def _require(allowed, message):
    if not allowed:
        raise PermissionDenied(message)


@transaction.atomic
def program_create(*, owner, user, content):
    _require(
        (rules.can_create_program(user) and user.institution_id == owner.pk)
        or rules.is_portfolio_staff(user),
        _("Only a focal point of this ministry can add its programs."),
    )
    program = Program(owner=owner, created_by=user)
    program.apply_content(content)
    return program


@transaction.atomic
def program_update(*, program, user, content):
    """Save a focal point's edit: in place while the program is not public,
    as a revision waiting for review once it is."""
    _require(rules.can_edit_program(user, program), _("You cannot edit this program."))
    program = Program.objects.select_for_update().get(pk=program.pk)
    if program.is_editable_in_place:
        program.apply_content(content)
        return program
    if program.status == ProgramStatus.SUBMITTED:
        raise TransitionError(_("The program is being reviewed; wait for the review to edit it."))
    revision = program.revisions.open().first()
    if revision is None:
        revision = ProgramRevision(program=program, created_by=user)
    elif revision.status == RevisionStatus.SUBMITTED:
        raise TransitionError(_("Your changes are being reviewed; wait for the review."))
    revision.content = content
    revision.status = RevisionStatus.DRAFT if revision.pk is None else revision.status
    revision.save()
    return revision


def program_submit(*, program, user):
    return transition(program, "submit", user=user)


def program_publish(*, program, user):
    return transition(program, "publish", user=user)


def program_return(*, program, user, comment):
    return transition(program, "return", user=user, comment=comment)


def program_archive(*, program, user):
    return transition(program, "archive", user=user)


def program_restore(*, program, user):
    return transition(program, "restore", user=user)


def program_confirm_current(*, program, user):
    """The ministry confirms the published text is still accurate."""
    _require(rules.can_edit_program(user, program), _("You cannot confirm this program."))
    program.last_verified = timezone.localdate()
    program.save(update_fields=["last_verified", "updated_at"])
    return program


def revision_submit(*, revision, user):
    return transition(revision, "submit", user=user)


def revision_approve(*, revision, user):
    """Replace the public text with the revision's, and publish its files."""
    return transition(revision, "approve", user=user)


def revision_return(*, revision, user, comment):
    return transition(revision, "return", user=user, comment=comment)


def revision_withdraw(*, revision, user):
    return transition(revision, "withdraw", user=user)


@transaction.atomic
def attachment_add(*, program, user, title, file, language=""):
    """Attach a document. On a public program it waits for review, in the
    program's open revision (created if needed)."""
    _require(rules.can_edit_program(user, program), _("You cannot add files to this program."))
    revision = None
    if program.is_public:
        revision = program.revisions.open().first() or ProgramRevision.objects.create(
            program=program, created_by=user, content=program.content()
        )
        if revision.status == RevisionStatus.SUBMITTED:
            raise TransitionError(_("Your changes are being reviewed; wait for the review."))
    attachment = ProgramAttachment(
        program=program,
        revision=revision,
        title=title,
        file=file,
        language=language,
        kind=detect_document_kind(file),
        size=file.size,
        uploaded_by=user,
    )
    attachment.full_clean()
    attachment.save()
    return attachment


def attachment_remove(*, attachment, user):
    _require(rules.can_edit_program(user, attachment.program), _("You cannot remove this file."))
    attachment.file.delete(save=False)
    attachment.delete()


def program_verification_remind(*, today=None):
    """Ask each ministry's focal points to confirm every published program
    whose last verification is overdue. Once per person per deadline: the key
    holds the date being confirmed, so the next reminder comes only after the
    program is confirmed and falls due again. Returns how many were queued."""
    overdue = (
        Program.objects.published()
        .filter(last_verified__lt=verification_cutoff(today))
        .select_related("owner__member_state")
    )
    reminders = EmailDelivery.objects.filter(key__startswith="program-verify:")
    before = reminders.count()
    for program in overdue:
        email_people(
            people=focal_points_of(program.owner),
            key=f"program-verify:{program.pk}:{program.last_verified.isoformat()}",
            template="portfolio/email/verify_reminder",
            context={"program": program},
            notice=Notice.VERIFICATION_REMINDERS,
        )
    return reminders.count() - before
