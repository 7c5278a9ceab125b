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
from network.workflow import Transition, Workflow, review_moves

from . import rules
from .enums import OPEN_REVISION_STATUSES, ProgramStatus, RevisionStatus
from .models import Program, ProgramRevision


def _can_review(user, program):
    return rules.can_review_program(user)


def _published(program, *, user, comment, when):
    program.published_at = program.published_at or when
    program.last_verified = timezone.localdate()
    return ("published_at", "last_verified")


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
        *review_moves(
            ProgramStatus,
            may_edit=rules.can_edit_program,
            may_review=_can_review,
            refused={
                "submit": _("You cannot submit this program."),
                "publish": _("Only the Secretariat publishes programs."),
                "return": _("Only the Secretariat reviews programs."),
            },
            wrong_state={
                "submit": _("Only a draft or a returned program can be submitted."),
                "publish": _("Only a submitted program can be published."),
                "return": _("Only a submitted program can be returned."),
            },
            notify={
                "submit": lambda program, *, user, comment, when: notify_secretariat(
                    program, event=f"program-submitted:{program.pk}", when=when
                ),
                "publish": lambda program, *, user, comment, when: notify_owner(
                    program, template="portfolio/email/program_published", when=when
                ),
                "return": lambda program, *, user, comment, when: notify_owner(
                    program, template="portfolio/email/program_returned", when=when
                ),
            },
            on_accept=_published,
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
        *review_moves(
            RevisionStatus,
            may_edit=_can_edit_revision,
            may_review=_can_review_revision,
            refused={
                "submit": _("You cannot submit this revision."),
                "approve": _("Only the Secretariat reviews revisions."),
                "return": _("Only the Secretariat reviews revisions."),
            },
            wrong_state={
                "submit": _("Only a draft or a returned revision can be submitted."),
                "approve": _("Only a submitted revision can be approved."),
                "return": _("Only a submitted revision can be returned."),
            },
            notify={
                "submit": lambda revision, *, user, comment, when: notify_secretariat(
                    revision.program, event=f"revision-submitted:{revision.pk}", when=when
                ),
                "approve": _notify_revision_owner("portfolio/email/revision_approved"),
                "return": _notify_revision_owner("portfolio/email/revision_returned"),
            },
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
