"""Moderation as two tables (``core.workflow``): a thread is open or
locked, and may be pinned or moved whatever its state; a post is visible or
hidden by the Secretariat with a reason, and its author may correct it for a
while. Every move is written to the activity log with its actor and comment;
the services in ``services.py`` are the only callers of ``transition()``."""

from django.core.exceptions import ValidationError
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


def _pinned(value):
    def apply(thread, **kwargs):
        thread.is_pinned = value
        return ("is_pinned",)

    return apply


def _moved(thread, *, space, **kwargs):
    if space.pk == thread.space_id:
        raise ValidationError({"space": _("The thread is already in this space.")})
    thread.space = space
    return ("space",)


THREAD_WORKFLOW = Workflow(
    Thread,
    transitions=[
        Transition(
            name="lock",
            sources=(ThreadStatus.OPEN,),
            target=ThreadStatus.LOCKED,
            label=_("Lock"),
            allowed=_moderator,
            refused=_("Only the Secretariat locks threads."),
            wrong_state=_("Only an open thread can be locked."),
        ),
        Transition(
            name="unlock",
            sources=(ThreadStatus.LOCKED,),
            target=ThreadStatus.OPEN,
            label=_("Unlock"),
            allowed=_moderator,
            refused=_("Only the Secretariat unlocks threads."),
            wrong_state=_("Only a locked thread can be unlocked."),
        ),
        Transition(
            name="pin",
            sources=tuple(ThreadStatus.values),
            target=_stays,
            label=_("Pin to the top"),
            allowed=_moderator,
            refused=_("Only the Secretariat pins threads."),
            wrong_state=_("This thread cannot be pinned."),
            applies=lambda thread: not thread.is_pinned,
            not_applicable=_("The thread is already pinned."),
            apply=_pinned(True),
        ),
        Transition(
            name="unpin",
            sources=tuple(ThreadStatus.values),
            target=_stays,
            label=_("Unpin"),
            allowed=_moderator,
            refused=_("Only the Secretariat unpins threads."),
            wrong_state=_("This thread cannot be unpinned."),
            applies=lambda thread: thread.is_pinned,
            not_applicable=_("The thread is not pinned."),
            apply=_pinned(False),
        ),
        Transition(
            name="move",
            sources=tuple(ThreadStatus.values),
            target=_stays,
            label=_("Move to another space"),
            allowed=_moderator,
            refused=_("Only the Secretariat moves threads."),
            wrong_state=_("This thread cannot be moved."),
            apply=_moved,
        ),
    ],
)


def _recount(post, **kwargs):
    # A hidden post leaves the thread's count of replies; shown again, it
    # returns. The post already carries its new state, not yet saved.
    others = Post.objects.visible().filter(thread=post.thread_id).exclude(pk=post.pk).count()
    visible = others + (post.status == PostStatus.VISIBLE)
    Thread.objects.filter(pk=post.thread_id).update(reply_count=max(visible - 1, 0))
    return ()


def _edited(post, *, when, body, **kwargs):
    post.body = body
    post.edited_at = when
    return ("body", "body_html", "edited_at")


POST_WORKFLOW = Workflow(
    Post,
    transitions=[
        Transition(
            name="hide",
            sources=(PostStatus.VISIBLE,),
            target=PostStatus.HIDDEN,
            label=_("Hide"),
            allowed=_moderator,
            refused=_("Only the Secretariat hides posts."),
            wrong_state=_("Only a visible post can be hidden."),
            comment_required=True,
            comment_missing=_("Say why the post is hidden."),
            apply=_recount,
        ),
        Transition(
            name="unhide",
            sources=(PostStatus.HIDDEN,),
            target=PostStatus.VISIBLE,
            label=_("Show again"),
            allowed=_moderator,
            refused=_("Only the Secretariat shows hidden posts."),
            wrong_state=_("Only a hidden post can be shown again."),
            apply=_recount,
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
