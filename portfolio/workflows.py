"""The review of a program, and of a revision of a published program, each
as one table (``network.workflow``):

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

from network.enums import Notice
from network.mail import email_people
from network.selectors import secretariat_recipients, submitter_or_focal_points
from network.workflow import Transition, Workflow

from . import rules
from .enums import OPEN_REVISION_STATUSES, ProgramStatus, RevisionStatus
from .models import Program, ProgramRevision


def _can_review(user, program):
    return rules.can_review_program(user)


def _submitted(program, *, user, comment, when):
    program.submitted_by = user
    program.submitted_at = when
    return ("submitted_by", "submitted_at")


def _published(program, *, user, comment, when):
    program.published_at = program.published_at or when
    program.last_verified = timezone.localdate()
    program.review_comment = ""
    return ("published_at", "last_verified", "review_comment")


def _returned(program, *, user, comment, when):
    # The latest comment, for the ministry's screens; every one stays in the log.
    program.review_comment = comment
    return ("review_comment",)


def notify_secretariat(program, *, event, when):
    email_people(
        people=secretariat_recipients(),
        key=f"{event}:{when.isoformat()}",
        template="portfolio/email/submitted_for_review",
        context={"program": program},
    )


def notify_owner(program, *, template, when, submitter=None, comment=""):
    """Tell the ministry how the review ended."""
    email_people(
        people=submitter_or_focal_points(submitter or program.submitted_by, program.owner),
        key=f"{template.rsplit('/', 1)[-1]}:{program.pk}:{when.isoformat()}",
        template=template,
        context={"program": program, "comment": comment},
        notice=Notice.REVIEW_OUTCOMES,
    )


PROGRAM_WORKFLOW = Workflow(
    Program,
    transitions=[
        Transition(
            name="submit",
            sources=(ProgramStatus.DRAFT, ProgramStatus.RETURNED),
            target=ProgramStatus.SUBMITTED,
            label=_("Submit for review"),
            allowed=rules.can_edit_program,
            refused=_("You cannot submit this program."),
            wrong_state=_("Only a draft or a returned program can be submitted."),
            apply=_submitted,
            notify=lambda program, *, user, comment, when: notify_secretariat(
                program, event=f"program-submitted:{program.pk}", when=when
            ),
        ),
        Transition(
            name="publish",
            sources=(ProgramStatus.SUBMITTED,),
            target=ProgramStatus.PUBLISHED,
            label=_("Publish"),
            allowed=_can_review,
            refused=_("Only the Secretariat publishes programs."),
            wrong_state=_("Only a submitted program can be published."),
            apply=_published,
            notify=lambda program, *, user, comment, when: notify_owner(
                program, template="portfolio/email/program_published", when=when
            ),
        ),
        Transition(
            name="return",
            sources=(ProgramStatus.SUBMITTED,),
            target=ProgramStatus.RETURNED,
            label=_("Return to the ministry"),
            allowed=_can_review,
            refused=_("Only the Secretariat reviews programs."),
            wrong_state=_("Only a submitted program can be returned."),
            apply=_returned,
            notify=lambda program, *, user, comment, when: notify_owner(
                program, template="portfolio/email/program_returned", when=when
            ),
            comment_required=True,
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


def _can_review_revision(user, revision):
    return rules.can_review_program(user)


def _revision_submitted(revision, *, user, comment, when):
    revision.submitted_by = user
    revision.submitted_at = when
    return ("submitted_by", "submitted_at")


def _revision_approved(revision, *, user, comment, when):
    # The revision's text and files become the public program's.
    program = revision.program
    program.last_verified = timezone.localdate()
    program.apply_content(revision.content)
    revision.attachments.update(revision=None)
    revision.reviewed_by = user
    revision.reviewed_at = when
    revision.review_comment = ""
    return ("reviewed_by", "reviewed_at", "review_comment")


def _revision_returned(revision, *, user, comment, when):
    # The latest comment, for the ministry's screens; every one stays in the log.
    revision.reviewed_by = user
    revision.reviewed_at = when
    revision.review_comment = comment
    return ("reviewed_by", "reviewed_at", "review_comment")


def _revision_withdrawn(revision, *, user, comment, when):
    # Files proposed with the revision were never public: they go with it.
    revision.attachments.all().delete()
    return ()


def _notify_revision_owner(template):
    def notify(revision, *, user, comment, when):
        notify_owner(
            revision.program,
            template=template,
            when=when,
            submitter=revision.submitted_by,
            comment=comment,
        )

    return notify


REVISION_WORKFLOW = Workflow(
    ProgramRevision,
    transitions=[
        Transition(
            name="submit",
            sources=(RevisionStatus.DRAFT, RevisionStatus.RETURNED),
            target=RevisionStatus.SUBMITTED,
            label=_("Submit for review"),
            allowed=_can_edit_revision,
            refused=_("You cannot submit this revision."),
            wrong_state=_("Only a draft or a returned revision can be submitted."),
            apply=_revision_submitted,
            notify=lambda revision, *, user, comment, when: notify_secretariat(
                revision.program, event=f"revision-submitted:{revision.pk}", when=when
            ),
        ),
        Transition(
            name="approve",
            sources=(RevisionStatus.SUBMITTED,),
            target=RevisionStatus.APPROVED,
            label=_("Approve: replace the public text"),
            allowed=_can_review_revision,
            refused=_("Only the Secretariat reviews revisions."),
            wrong_state=_("Only a submitted revision can be approved."),
            apply=_revision_approved,
            notify=_notify_revision_owner("portfolio/email/revision_approved"),
        ),
        Transition(
            name="return",
            sources=(RevisionStatus.SUBMITTED,),
            target=RevisionStatus.RETURNED,
            label=_("Return to the ministry"),
            allowed=_can_review_revision,
            refused=_("Only the Secretariat reviews revisions."),
            wrong_state=_("Only a submitted revision can be returned."),
            apply=_revision_returned,
            notify=_notify_revision_owner("portfolio/email/revision_returned"),
            comment_required=True,
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
