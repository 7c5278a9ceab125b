"""One way to move a record through its states.

Each status enum has one ``Workflow``: a table of ``Transition``s saying from
which states a move may start, where it ends, who may make it and whom it
tells. Services move records only through ``transition()``, which locks the
row, checks the rule and the state, saves, writes the move to the activity
log and queues the emails for after commit. Views, the admin and templates
ask ``next_steps()`` what a person may do now instead of spelling statuses.

    PROGRAM_WORKFLOW = Workflow(Program, transitions=[
        Transition("publish", sources=[SUBMITTED], target=PUBLISHED, ...),
    ])
    program = transition(program, "publish", user=request.user)
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from network.enums import Notice

from .mail import email_people
from .models import ActivityLog


class TransitionError(ValidationError):
    """The record is not in a state that allows this step."""


@dataclass(frozen=True)
class Transition:
    """One move of a workflow's table.

    ``allowed(user, obj)`` is the permission rule; ``refused`` and
    ``wrong_state`` are the messages of a refusal by the rule and by the
    state (``wrong_state`` may name the record's state as ``%(status)s``).
    ``apply(obj, user=, comment=, when=, **details)`` checks what the move
    needs besides the state (raising ValidationError), sets the move's own
    fields besides the status and returns their names; ``details`` are what
    the service passed to ``transition()``. ``notify(obj, user=, comment=,
    when=)`` records the emails (``core.mail``), which go out after
    commit. ``comment_missing`` is the message for a move that needs a
    comment and got none.

    ``target`` is a state, or ``target(obj, **details)`` for a move whose end
    depends on the record (a registration given a place is approved at once
    or waits for the Secretariat, as its meeting says). ``applies(obj)``,
    where given, says whether the record has this move at all, whatever its
    state (a meeting that asks for no endorsement has no endorsing);
    ``not_applicable`` is the refusal where it has not."""

    name: str
    sources: tuple
    target: Any
    label: Any
    allowed: Callable[[Any, Any], bool]
    refused: Any
    wrong_state: Any
    apply: Callable[..., Iterable[str]] | None = None
    notify: Callable[..., None] | None = None
    comment_required: bool = False
    comment_missing: Any = None
    applies: Callable[[Any], bool] | None = None
    not_applicable: Any = None

    def starts_from(self, obj, field="status"):
        return getattr(obj, field) in self.sources and (self.applies is None or self.applies(obj))

    def target_for(self, obj, **details):
        return self.target(obj, **details) if callable(self.target) else self.target


class Workflow:
    """The transition table of one model's status field."""

    def __init__(self, model, *, transitions, field="status"):
        self.model = model
        self.field = field
        self.transitions = {move.name: move for move in transitions}
        _WORKFLOWS[model._meta.label_lower] = self

    def __getitem__(self, name):
        return self.transitions[name]

    def __iter__(self):
        return iter(self.transitions.values())

    def available(self, obj):
        """The moves the object's state allows, whoever makes them."""
        return [move for move in self if move.starts_from(obj, self.field)]

    def wrong_state(self, move, obj):
        """The refusal of ``move`` in the state ``obj`` is in."""
        return move.wrong_state % {"status": self.state_label(getattr(obj, self.field))}

    def state_label(self, value):
        return dict(self.model._meta.get_field(self.field).flatchoices).get(value, value)

    def action_label(self, name):
        move = self.transitions.get(name)
        return move.label if move is not None else name


@dataclass(frozen=True)
class Reviewed:
    """What a review calls the records it reviews, for the messages
    ``review_moves`` builds: ``this`` ("this program"), ``one`` ("program",
    after "a submitted"), ``many`` ("programs"), each translated in the
    context "review" (``pgettext_lazy``) so that no other use of the word
    decides its translation; and the grammatical gender of ``one`` where a
    language has one ("masculine" or "feminine": the messages' context, so
    that a translation agrees with the noun)."""

    this: Any
    one: Any
    many: Any
    gender: str = "masculine"


@dataclass(frozen=True)
class ReviewEmails:
    """The emails of a review, each person's in their own language: the
    reviewers' when a record is submitted (``submitted``, keyed
    ``<submitted_key>:<pk>:<time>``), and the owners' when the review ends
    (``accepted``, ``returned``, keyed by the template's name, the pk of
    ``outcome_of(obj)`` and the time; people who turned review outcomes off
    get none). ``context(obj, comment)`` is the templates' context."""

    reviewers: Callable[[], Iterable]
    owners: Callable[[Any], Iterable]
    context: Callable[[Any, str], dict]
    submitted: str
    submitted_key: str
    accepted: str
    returned: str
    outcome_of: Callable[[Any], Any] = lambda obj: obj

    def tell_reviewers(self, obj, *, user, comment, when):
        email_people(
            people=self.reviewers(),
            key=f"{self.submitted_key}:{obj.pk}:{when.isoformat()}",
            template=self.submitted,
            context=self.context(obj, comment),
        )

    def telling_owners(self, template):
        def notify(obj, *, user, comment, when):
            email_people(
                people=self.owners(obj),
                key=f"{template.rsplit('/', 1)[-1]}:{self.outcome_of(obj).pk}:{when.isoformat()}",
                template=template,
                context=self.context(obj, comment),
                notice=Notice.REVIEW_OUTCOMES,
            )

        return notify


# The review's messages, each for a masculine and a feminine noun.
_SUBMIT_FROM = {
    "masculine": pgettext_lazy("masculine", "Only a draft or a returned %(one)s can be submitted."),
    "feminine": pgettext_lazy("feminine", "Only a draft or a returned %(one)s can be submitted."),
}
_ACCEPT_FROM = {
    "publish": {
        "masculine": pgettext_lazy("masculine", "Only a submitted %(one)s can be published."),
        "feminine": pgettext_lazy("feminine", "Only a submitted %(one)s can be published."),
    },
    "approve": {
        "masculine": pgettext_lazy("masculine", "Only a submitted %(one)s can be approved."),
        "feminine": pgettext_lazy("feminine", "Only a submitted %(one)s can be approved."),
    },
}
_RETURN_FROM = {
    "masculine": pgettext_lazy("masculine", "Only a submitted %(one)s can be returned."),
    "feminine": pgettext_lazy("feminine", "Only a submitted %(one)s can be returned."),
}
_ACCEPT_REFUSED = {
    "publish": _("Only the Secretariat publishes %(many)s."),
    "approve": _("Only the Secretariat reviews %(many)s."),
}


def _phrase(message, reviewed):
    """``message`` about ``reviewed``'s records, in the reader's language when shown."""
    messages = message if isinstance(message, dict) else {reviewed.gender: message}
    return lazy(
        lambda: (
            str(messages[reviewed.gender])
            % {"this": reviewed.this, "one": reviewed.one, "many": reviewed.many}
        ),
        str,
    )()


def first_publication(obj, *, user, comment, when):
    """A move's ``apply`` that publishes: the record keeps the time it was
    first published."""
    obj.published_at = obj.published_at or when
    return ("published_at",)


def review_moves(
    states,
    reviewed,
    *,
    may_edit,
    may_review,
    emails,
    accept="publish",
    accept_label=None,
    accepted=None,
    on_accept=None,
    on_review=None,
):
    """The three moves of a review, as the portal reviews programs, revisions,
    news and library items: the ministry submits a draft or a returned
    record, the Secretariat accepts it (``accept``, "publish" or "approve",
    into ``accepted``: published unless said) or returns it with a comment.

    ``may_edit(user, obj)`` is the ministry's rule, ``may_review(user)`` the
    Secretariat's. The refusals are phrased with the nouns of ``reviewed`` (a
    ``Reviewed``);
    ``emails`` (``ReviewEmails``) tells the reviewers of a submission and the
    owners of the outcome. The submitter and the time are recorded on
    submit; the latest comment is kept in ``review_comment`` for the
    ministry's screens (every one stays in the log). ``on_accept`` sets the
    accepting move's own fields and ``on_review`` the reviewer's, on both
    review moves; each returns their names. Publishing records the time of the
    first publication."""

    def submitted(obj, *, user, comment, when):
        obj.submitted_by = user
        obj.submitted_at = when
        return ("submitted_by", "submitted_at")

    accepting = (first_publication if accept == "publish" else None, on_accept)

    def reviewed_by(obj, *, user, comment, when, extra=()):
        obj.review_comment = comment
        changed = ["review_comment"]
        for apply in (on_review, *extra):
            if apply is not None:
                changed += apply(obj, user=user, comment=comment, when=when)
        return changed

    def move(name, sources, target, label, *, refused, wrong_state, **kwargs):
        return Transition(
            name=name,
            sources=sources,
            target=target,
            label=label,
            refused=_phrase(refused, reviewed),
            wrong_state=_phrase(wrong_state, reviewed),
            **kwargs,
        )

    return [
        move(
            "submit",
            (states.DRAFT, states.RETURNED),
            states.SUBMITTED,
            _("Submit for review"),
            allowed=may_edit,
            refused=_("You cannot submit %(this)s."),
            wrong_state=_SUBMIT_FROM,
            apply=submitted,
            notify=emails.tell_reviewers,
        ),
        move(
            accept,
            (states.SUBMITTED,),
            accepted or states.PUBLISHED,
            accept_label or _("Publish"),
            allowed=lambda user, obj: may_review(user),
            refused=_ACCEPT_REFUSED[accept],
            wrong_state=_ACCEPT_FROM[accept],
            # An accepted record no longer carries the comment of a past return.
            apply=lambda obj, *, comment, **kwargs: reviewed_by(
                obj, comment="", extra=accepting, **kwargs
            ),
            notify=emails.telling_owners(emails.accepted),
        ),
        move(
            "return",
            (states.SUBMITTED,),
            states.RETURNED,
            _("Return to the ministry"),
            allowed=lambda user, obj: may_review(user),
            refused=_("Only the Secretariat reviews %(many)s."),
            wrong_state=_RETURN_FROM,
            apply=reviewed_by,
            comment_required=True,
            notify=emails.telling_owners(emails.returned),
        ),
    ]


_WORKFLOWS: dict[str, Workflow] = {}


def workflow_of(model_or_obj):
    """The workflow declared for a model (or an object of it)."""
    return _WORKFLOWS[model_or_obj._meta.label_lower]


def next_steps(user, obj):
    """The moves ``user`` may make on ``obj`` now, in the table's order."""
    return [move for move in workflow_of(obj).available(obj) if move.allowed(user, obj)]


def transition(obj, name, *, user, comment="", **details):
    """Make the move ``name`` on ``obj`` for ``user`` and return the saved,
    freshly locked object. ``user`` is None for a move the portal makes by
    itself (logged with no actor); ``details`` go to the move's ``target``
    (where the record decides it) and ``apply``.

    The rule is checked first, so that someone who may not act learns
    nothing of the state (PermissionDenied, a 403); then the comment, whether
    the move applies to the record, the state (TransitionError), and what
    ``apply`` checks."""
    workflow = workflow_of(obj)
    move = workflow[name]
    comment = comment.strip()
    with transaction.atomic():
        obj = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        if not move.allowed(user, obj):
            raise PermissionDenied(move.refused)
        if move.comment_required and not comment:
            raise ValidationError({"comment": move.comment_missing or _("Say what should change.")})
        if move.applies is not None and not move.applies(obj):
            raise TransitionError(move.not_applicable)
        if getattr(obj, workflow.field) not in move.sources:
            raise TransitionError(workflow.wrong_state(move, obj))
        source = getattr(obj, workflow.field)
        when = timezone.now()
        target = move.target_for(obj, **details)
        setattr(obj, workflow.field, target)
        changed = (
            move.apply(obj, user=user, comment=comment, when=when, **details) if move.apply else ()
        )
        obj.save(update_fields={workflow.field, *changed, *_auto_now_fields(obj)})
        ActivityLog.objects.create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            actor=user if user is not None and user.is_authenticated else None,
            action=move.name,
            from_state=source,
            to_state=target,
            comment=comment,
            created_at=when,
        )
        if move.notify:
            move.notify(obj, user=user, comment=comment, when=when)
    return obj


def _auto_now_fields(obj):
    # A save with update_fields writes an auto_now field only when it is named.
    return [field.name for field in obj._meta.concrete_fields if getattr(field, "auto_now", False)]


def activity_of(obj):
    """The object's log, oldest first, each entry with its labels."""
    workflow = workflow_of(obj)
    entries = list(
        ActivityLog.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    for entry in entries:
        entry.action_label = workflow.action_label(entry.action)
        entry.to_state_label = workflow.state_label(entry.to_state)
    return entries


def moved_into(model, state, *, since):
    """The ids (a subquery) of the records of ``model`` that a move took into
    ``state`` after ``since``."""
    return ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        to_state=state,
        created_at__gt=since,
    ).values("object_id")
