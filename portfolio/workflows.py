"""The review of a program, and of a revision of a published program, each
as one table (``core.workflow``):

    draft → submitted → published → archived
              ↓    ↑                  ↓
            returned      published ←─┘

    draft → submitted → approved          (draft, submitted, returned)
              ↓    ↑                                  ↓
            returned                              withdrawn

Every move is recorded in the activity log with its actor and comment; the
services in ``services.py`` are the only callers of ``transition()``."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.workflow import Reviewed, ReviewEmails, Transition, Workflow, review_moves
from network.selectors import secretariat_recipients, submitter_or_focal_points

from . import rules
from .enums import OPEN_REVISION_STATUSES, ProgramStatus, RevisionStatus
from .models import Program, ProgramRevision


def _can_review(user, program):
    return rules.can_review_program(user)


def _verified(program, *, user, comment, when):
    program.last_verified = timezone.localdate()
    return ("last_verified",)


def _program_emails(*, submitted_key, accepted, returned, program_of=lambda program: program):
    """A review's emails about a program (``program_of`` the reviewed record):
    the Secretariat's of a submission, the ministry's of the outcome."""
    return ReviewEmails(
        reviewers=secretariat_recipients,
        owners=lambda record: submitter_or_focal_points(
            record.submitted_by, program_of(record).owner
        ),
        context=lambda record, comment: {"program": program_of(record), "comment": comment},
        submitted="portfolio/email/submitted_for_review",
        submitted_key=submitted_key,
        accepted=accepted,
        returned=returned,
        outcome_of=program_of,
    )


PROGRAM_WORKFLOW = Workflow(
    Program,
    transitions=[
        *review_moves(
            ProgramStatus,
            Reviewed(
                this=pgettext_lazy("review", "this program"),
                one=pgettext_lazy("review", "program"),
                many=pgettext_lazy("review", "programs"),
            ),
            may_edit=rules.can_edit_program,
            may_review=rules.can_review_program,
            emails=_program_emails(
                submitted_key="program-submitted",
                accepted="portfolio/email/program_published",
                returned="portfolio/email/program_returned",
            ),
            on_accept=_verified,
        ),
        Transition(
            name="archive",
            sources=(ProgramStatus.PUBLISHED,),
            target=ProgramStatus.ARCHIVED,
            label=_("Archive"),
            allowed=rules.can_edit_program,
            refused=_("You cannot archive this program."),
            wrong_state=_("Only a published program can be archived."),
        ),
        Transition(
            name="restore",
            sources=(ProgramStatus.ARCHIVED,),
            target=ProgramStatus.PUBLISHED,
            label=_("Restore"),
            allowed=_can_review,
            refused=_("Only the Secretariat restores programs."),
            wrong_state=_("Only an archived program can be restored."),
        ),
    ],
)


def _can_edit_revision(user, revision):
    return rules.can_edit_program(user, revision.program)


def _revision_approved(revision, *, user, comment, when):
    # The revision's text and files become the public program's.
    program = revision.program
    program.last_verified = timezone.localdate()
    program.apply_content(revision.content)
    revision.attachments.update(revision=None)
    return ()


def _revision_reviewed(revision, *, user, comment, when):
    revision.reviewed_by = user
    revision.reviewed_at = when
    return ("reviewed_by", "reviewed_at")


def _revision_withdrawn(revision, *, user, comment, when):
    # Files proposed with the revision were never public: they go with it.
    revision.attachments.all().delete()
    return ()


REVISION_WORKFLOW = Workflow(
    ProgramRevision,
    transitions=[
        *review_moves(
            RevisionStatus,
            Reviewed(
                this=pgettext_lazy("review", "this revision"),
                one=pgettext_lazy("review", "revision"),
                many=pgettext_lazy("review", "revisions"),
                gender="feminine",
            ),
            may_edit=_can_edit_revision,
            may_review=rules.can_review_program,
            emails=_program_emails(
                submitted_key="revision-submitted",
                accepted="portfolio/email/revision_approved",
                returned="portfolio/email/revision_returned",
                program_of=lambda revision: revision.program,
            ),
            accept="approve",
            accept_label=_("Approve: replace the public text"),
            accepted=RevisionStatus.APPROVED,
            on_accept=_revision_approved,
            on_review=_revision_reviewed,
        ),
        Transition(
            name="withdraw",
            sources=tuple(OPEN_REVISION_STATUSES),
            target=RevisionStatus.WITHDRAWN,
            label=_("Withdraw proposed changes"),
            allowed=_can_edit_revision,
            refused=_("You cannot withdraw it."),
            wrong_state=_("This revision is closed already."),
            apply=_revision_withdrawn,
        ),
    ],
)
