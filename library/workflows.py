"""The review of a library item, as one table (``core.workflow``):

    draft → submitted → published
      │       ↓    ↑        ↑
      │     returned        │
      └─────────────────────┘  (the Secretariat's own studies: not a ministry's)

Every move is recorded in the activity log with its actor and comment; the
services in ``services.py`` are the only callers of ``transition()``."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.workflow import (
    Reviewed,
    ReviewEmails,
    Transition,
    Workflow,
    first_publication,
    review_moves,
)
from network.selectors import secretariat_recipients, submitter_or_focal_points

from . import rules
from .enums import ItemStatus
from .models import LibraryItem

LIBRARY_WORKFLOW = Workflow(
    LibraryItem,
    transitions=[
        *review_moves(
            ItemStatus,
            Reviewed(
                this=pgettext_lazy("review", "this item"),
                one=pgettext_lazy("review", "library item"),
                many=pgettext_lazy("review", "library items"),
            ),
            may_edit=rules.can_edit_item,
            may_review=rules.can_review_item,
            emails=ReviewEmails(
                reviewers=secretariat_recipients,
                owners=lambda item: submitter_or_focal_points(item.submitted_by, item.owner),
                context=lambda item, comment: {"item": item, "comment": comment},
                submitted="library/email/submitted_for_review",
                submitted_key="library-submitted",
                accepted="library/email/item_published",
                returned="library/email/item_returned",
            ),
        ),
        Transition(
            name="publish_directly",
            sources=(ItemStatus.DRAFT,),
            target=ItemStatus.PUBLISHED,
            label=_("Publish (the Secretariat's own item)"),
            allowed=lambda user, item: rules.can_review_item(user),
            refused=_("Only the Secretariat publishes library items."),
            wrong_state=_("Only a draft can be published directly."),
            applies=lambda item: item.is_secretariats_own,
            not_applicable=_(
                "A ministry's item is published only after its focal points submit it for review."
            ),
            apply=first_publication,
        ),
    ],
)
