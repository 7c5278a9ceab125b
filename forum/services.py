"""Workflows of the forum: each checks its rule, changes the forum and
records what happened. Moderation moves through the tables in
``workflows.py`` (checked and logged by ``core.workflow.transition``)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.mail import email_enqueue, queue_after_commit
from core.models import EmailDelivery
from core.workflow import transition

from . import links, rules
from .enums import Frequency
from .models import Attachment, Follow, Post, Report, Thread


@transaction.atomic
def thread_start(*, space, user, title, body, need=None):
    """A new thread in ``space`` with its first post; ``need``: the
    cooperation need it asks the network about."""
    if not rules.can_write_in_space(user, space):
        raise PermissionDenied(_("You cannot start a thread in this space."))
    now = timezone.now()
    thread = Thread.objects.create(
        space=space, title=title, author=user, last_posted_at=now, need=need
    )
    post = Post.objects.create(
        thread=thread, author=user, body=body, created_at=now, language=_language_of(user)
    )
    # Whoever asks a question hears the answers.
    Follow.objects.get_or_create(user=user, thread=thread)
    _notify_after_commit(post)
    return thread


@transaction.atomic
def post_reply(*, thread, user, body, attachment=None, program=None):
    """A reply at the end of ``thread``, with a document (checked by the form
    as every upload is) and a proposed program if given."""
    # Locked so that a reply and a lock at the same moment do not cross.
    thread = Thread.objects.select_for_update().select_related("space").get(pk=thread.pk)
    if not rules.can_reply(user, thread):
        raise PermissionDenied(_("You cannot reply in this thread."))
    now = timezone.now()
    post = Post.objects.create(
        thread=thread,
        author=user,
        body=body,
        created_at=now,
        language=_language_of(user),
        program=program,
    )
    if attachment is not None:
        Attachment.objects.create(post=post, file=attachment)
    Thread.objects.filter(pk=thread.pk).update(reply_count=F("reply_count") + 1, last_posted_at=now)
    _notify_after_commit(post)
    return post


def _language_of(user):
    return user.language if user.language in dict(settings.CONTENT_LANGUAGES) else "es"


def _notify_after_commit(post):
    # Imported here: tasks.py imports this module.
    from .tasks import post_notify

    queue_after_commit(post_notify, post.pk)


def thread_lock(*, thread, user, comment=""):
    return transition(thread, "lock", user=user, comment=comment)


def thread_unlock(*, thread, user, comment=""):
    return transition(thread, "unlock", user=user, comment=comment)


def thread_pin(*, thread, user):
    return transition(thread, "pin", user=user)


def thread_unpin(*, thread, user):
    return transition(thread, "unpin", user=user)


def thread_move(*, thread, user, space, comment=""):
    return transition(thread, "move", user=user, comment=comment, space=space)


def post_hide(*, post, user, reason):
    return transition(post, "hide", user=user, comment=reason)


def post_unhide(*, post, user, comment=""):
    return transition(post, "unhide", user=user, comment=comment)


def post_edit(*, post, user, body):
    return transition(post, "edit", user=user, body=body)


def post_report(*, post, user, reason):
    """Tell the Secretariat about a post, once per person; staff see the
    reports in the admin."""
    if not rules.can_report_post(user, post):
        raise PermissionDenied(_("You cannot report this post."))
    report, created = Report.objects.get_or_create(
        post=post, reporter=user, defaults={"reason": reason}
    )
    return report, created


def follow_set(*, user, frequency, thread=None, space=None):
    """Follow ``thread`` or every thread of ``space`` by email, each post or
    as a daily digest; following again changes only the frequency."""
    followed_space = thread.space if thread is not None else space
    if not rules.can_follow(user, followed_space):
        raise PermissionDenied(_("You cannot follow this space."))
    follow, _created = Follow.objects.update_or_create(
        user=user, thread=thread, space=space, defaults={"frequency": frequency}
    )
    return follow


def follow_end(*, follow):
    Follow.objects.filter(pk=follow.pk).delete()


def post_notify(*, post_id):
    """An email about a new post to each person following its thread or
    space by the post, in their language: once per person (the key names the
    post and the person), whoever else follows it and however often the task
    runs. A thread followed on its own is heard of as that follow says,
    whatever its space's says. Nothing for a post hidden or gone meanwhile
    (or in a thread whose opening post is hidden),
    to its author, to a deactivated account, or to someone who may no longer
    read the space."""
    post = (
        Post.objects.shown()
        .select_related("thread__space", "author__institution")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return 0
    thread = post.thread
    follows = (
        Follow.objects.filter(Q(thread=thread) | Q(space=thread.space_id), user__is_active=True)
        .exclude(user=post.author_id)
        .select_related("user")
        # The thread's follow (no space) before the space's, on PostgreSQL as
        # on SQLite (which sort NULLs apart): it decides, with its link.
        .order_by("user_id", F("space_id").asc(nulls_first=True))
    )
    seen = set()
    sent = 0
    for follow in follows:
        person = follow.user
        if person.pk in seen:
            continue
        seen.add(person.pk)
        if follow.frequency != Frequency.EACH or not rules.can_read_space(person, thread.space):
            continue
        unfollow_path = links.unfollow_path(follow)
        email_enqueue(
            key=f"forum-post:{post.pk}:{person.pk}",
            to=person.email,
            template="forum/email/new_post",
            context={
                "post": post,
                "thread": thread,
                "recipient": person,
                "follow": follow,
                "unfollow_path": unfollow_path,
            },
            language=person.language,
            headers=links.unfollow_headers(unfollow_path),
        )
        sent += 1
    return sent


def digest_send(*, day):
    """The daily digest of ``day`` (a date) to each person following by
    digest: the visible posts of that day in what they follow and may read
    (none of a thread whose opening post is hidden),
    but their own; each post once (a thread followed on its own is left out
    of its space's section, and of the digest if followed by the post); one
    email per person and day, whatever retries happen."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    follows = Follow.objects.filter(frequency=Frequency.DAILY, user__is_active=True).select_related(
        "user", "thread__space", "space"
    )
    by_person = {}
    for follow in follows:
        by_person.setdefault(follow.user, []).append(follow)
    # The day's digests sent already (the daily run looks back a few days):
    # nothing to read again for those people.
    sent_already = set(
        EmailDelivery.objects.filter(
            key__in=[_digest_key(person, day) for person in by_person]
        ).values_list("key", flat=True)
    )
    by_person = {
        person: person_follows
        for person, person_follows in by_person.items()
        if _digest_key(person, day) not in sent_already
    }
    own_threads = {}
    for user_id, thread_id in Follow.objects.filter(
        thread__isnull=False, user__in=follows.values("user_id")
    ).values_list("user_id", "thread_id"):
        own_threads.setdefault(user_id, set()).add(thread_id)
    sent = 0
    for person, person_follows in by_person.items():
        sections = []
        for follow in person_follows:
            space = follow.space or follow.thread.space
            if not rules.can_read_space(person, space):
                continue
            posts = (
                Post.objects.shown()
                .filter(created_at__gte=start, created_at__lt=end)
                .exclude(author=person)
                .select_related("thread", "author__institution")
            )
            if follow.thread_id:
                posts = posts.filter(thread=follow.thread_id)
            else:
                posts = posts.filter(thread__space=space).exclude(
                    thread__in=own_threads.get(person.pk, ())
                )
            if posts:
                sections.append(
                    {
                        "followed": follow.followed,
                        "posts": list(posts),
                        "unfollow_path": links.unfollow_path(follow),
                    }
                )
        if not sections:
            continue
        email_enqueue(
            key=_digest_key(person, day),
            to=person.email,
            template="forum/email/digest",
            context={"sections": sections, "recipient": person, "day": day},
            language=person.language,
            headers=links.unfollow_headers(links.digest_unfollow_path(person)),
        )
        sent += 1
    return sent


def _digest_key(person, day):
    return f"forum-digest:{person.pk}:{day.isoformat()}"
