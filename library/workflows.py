"""The review of a library item, as one table (``network.workflow``):

    draft → submitted → published
      │       ↓    ↑        ↑
      │     returned        │
      └─────────────────────┘  (the Secretariat's own studies)

Every move is recorded in the activity log with its actor and comment; the
services in ``services.py`` are the only callers of ``transition()``."""

from django.utils.translation import gettext_lazy as _

from network.enums import Notice
from network.mail import email_people
from network.selectors import secretariat_recipients, submitter_or_focal_points
from network.workflow import Transition, Workflow, review_moves

from . import rules
from .enums import ItemStatus
from .models import LibraryItem


def _can_review(user, item):
    return rules.can_review_item(user)


def _published(item, *, user, comment, when):
    item.published_at = item.published_at or when
    return ("published_at",)


def _tell_secretariat(item, *, user, comment, when):
    email_people(
        people=secretariat_recipients(),
        key=f"library-submitted:{item.pk}:{when.isoformat()}",
        template="library/email/submitted_for_review",
        context={"item": item},
    )


def _tell_owner(template):
    def notify(item, *, user, comment, when):
        email_people(
            people=submitter_or_focal_points(item.submitted_by, item.owner),
            key=f"{template.rsplit('/', 1)[-1]}:{item.pk}:{when.isoformat()}",
            template=template,
            context={"item": item, "comment": comment},
            notice=Notice.REVIEW_OUTCOMES,
        )

    return notify


LIBRARY_WORKFLOW = Workflow(
    LibraryItem,
    transitions=[
        *review_moves(
            ItemStatus,
            may_edit=rules.can_edit_item,
            may_review=_can_review,
            refused={
                "submit": _("You cannot submit this item."),
                "publish": _("Only the Secretariat publishes library items."),
                "return": _("Only the Secretariat reviews library items."),
            },
            wrong_state={
                "submit": _("Only a draft or a returned library item can be submitted."),
                "publish": _("Only a submitted library item can be published."),
                "return": _("Only a submitted library item can be returned."),
            },
            notify={
                "submit": _tell_secretariat,
                "publish": _tell_owner("library/email/item_published"),
                "return": _tell_owner("library/email/item_returned"),
            },
            on_accept=_published,
        ),
        Transition(
            name="publish_directly",
            sources=(ItemStatus.DRAFT,),
            target=ItemStatus.PUBLISHED,
            label=_("Publish (the Secretariat's own item)"),
            allowed=_can_review,
            refused=_("Only the Secretariat publishes library items."),
            wrong_state=_("Only a draft can be published directly."),
            apply=_published,
        ),
    ],
)
