"""Moderation as two tables (``core.workflow``): a thread is open or
locked, and may be pinned or moved whatever its state; a post is visible or
hidden by the Secretariat with a reason, and its author may correct it for a
while. Every move is written to the activity log with its actor and comment;
the services in ``services.py`` are the only callers of ``transition()``.

Moderation moves come in pairs, a move and its undoing (lock and unlock, pin
and unpin, hide and show again): each pair is declared once, by what its two
sides say (``Side``), and ``_between`` or ``_flagged`` builds both moves."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from core.workflow import Transition, Workflow

from . import rules
from .enums import PostStatus, ThreadStatus
from .models import Post, Thread


def _moderator(user, obj):
    return rules.can_moderate(user)


def _stays(obj, **details):
    # Pinning, moving and editing change no state: the move is logged with
    # the state the record keeps.
    return obj.status


@dataclass(frozen=True)
class Side:
    """What one move of a pair says: its name and label, its refusal by the
    rule and by the state, and (for a flag) where the flag already says so."""

    name: str
    label: Any
    refused: Any
    wrong_state: Any
    not_applicable: Any = None


def _moderation(side, **move):
    """A move of ``side``'s words that only the Secretariat makes."""
    return Transition(
        name=side.name,
        label=side.label,
        allowed=_moderator,
        refused=side.refused,
        wrong_state=side.wrong_state,
        not_applicable=side.not_applicable,
        **move,
    )


def _between(states, there, back, *, apply=None, **there_only):
    """``there`` from ``states[0]`` to ``states[1]``, and ``back`` the other
    way; ``there_only``: what only the first asks (a reason)."""
    start, end = states
    return [
        _moderation(there, sources=(start,), target=end, apply=apply, **there_only),
        _moderation(back, sources=(end,), target=start, apply=apply),
    ]


def _flagged(field, states, there, back):
    """``there`` sets the boolean ``field`` and ``back`` clears it, in any of
    ``states``; each applies only where the flag says otherwise."""

    def move(side, value):
        def apply(obj, **kwargs):
            setattr(obj, field, value)
            return (field,)

        return _moderation(
            side,
            sources=tuple(states),
            target=_stays,
            applies=lambda obj: getattr(obj, field) != value,
            apply=apply,
        )

    return [move(there, True), move(back, False)]


def _moved(thread, *, space, **kwargs):
    if space.pk == thread.space_id:
        raise ValidationError({"space": _("The thread is already in this space.")})
    thread.space = space
    return ("space",)


THREAD_WORKFLOW = Workflow(
    Thread,
    transitions=[
        *_between(
            (ThreadStatus.OPEN, ThreadStatus.LOCKED),
            Side(
                "lock",
                _("Lock"),
                _("Only the Secretariat locks threads."),
                _("Only an open thread can be locked."),
            ),
            Side(
                "unlock",
                _("Unlock"),
                _("Only the Secretariat unlocks threads."),
                _("Only a locked thread can be unlocked."),
            ),
        ),
        *_flagged(
            "is_pinned",
            ThreadStatus.values,
            Side(
                "pin",
                _("Pin to the top"),
                _("Only the Secretariat pins threads."),
                _("This thread cannot be pinned."),
                _("The thread is already pinned."),
            ),
            Side(
                "unpin",
                _("Unpin"),
                _("Only the Secretariat unpins threads."),
                _("This thread cannot be unpinned."),
                _("The thread is not pinned."),
            ),
        ),
        _moderation(
            Side(
                "move",
                _("Move to another space"),
                _("Only the Secretariat moves threads."),
                _("This thread cannot be moved."),
            ),
            sources=tuple(ThreadStatus.values),
            target=_stays,
            apply=_moved,
        ),
    ],
)


def _recount(post, **kwargs):
    # A hidden post leaves the thread's count of replies and no longer dates
    # its last post; shown again, it returns. The post already carries its
    # new state, not yet saved. The opening post is no reply, hidden or not.
    posts = Post.objects.filter(thread=post.thread_id)
    opening = posts.order_by("created_at", "pk").values_list("pk", flat=True).first()
    shown = Q(status=PostStatus.VISIBLE) & ~Q(pk=post.pk)
    if post.status == PostStatus.VISIBLE:
        shown |= Q(pk=post.pk)
    counts = posts.filter(shown).aggregate(
        replies=Count("pk", filter=~Q(pk=opening)), last=Max("created_at")
    )
    changes = {"reply_count": counts["replies"]}
    # With every post hidden, the thread keeps its date: only staff see it.
    if counts["last"] is not None:
        changes["last_posted_at"] = counts["last"]
    Thread.objects.filter(pk=post.thread_id).update(**changes)
    return ()


def _edited(post, *, when, body, **kwargs):
    post.body = body
    post.edited_at = when
    return ("body", "body_html", "edited_at")


POST_WORKFLOW = Workflow(
    Post,
    transitions=[
        *_between(
            (PostStatus.VISIBLE, PostStatus.HIDDEN),
            Side(
                "hide",
                _("Hide"),
                _("Only the Secretariat hides posts."),
                _("Only a visible post can be hidden."),
            ),
            Side(
                "unhide",
                _("Show again"),
                _("Only the Secretariat shows hidden posts."),
                _("Only a hidden post can be shown again."),
            ),
            apply=_recount,
            comment_required=True,
            comment_missing=_("Say why the post is hidden."),
        ),
        Transition(
            name="edit",
            sources=(PostStatus.VISIBLE,),
            target=_stays,
            label=_("Edit"),
            allowed=lambda user, post: rules.can_edit_post(user, post),
            refused=_("Only its author may correct a post, and only for a while after posting it."),
            wrong_state=_("A hidden post cannot be edited."),
            apply=_edited,
        ),
    ],
)
