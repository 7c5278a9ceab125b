"""Reads of the forum that its pages, search and emails share. Each returns
only what the person may read, in a fixed number of queries."""

from functools import reduce
from operator import and_

from django.contrib.postgres.search import SearchRank
from django.db.models import F, FloatField, Prefetch, Q, Value
from django.http import Http404
from django.shortcuts import get_object_or_404

from core import search
from core.params import record_key
from meetings.enums import RegistrationStatus
from meetings.models import Registration
from network.rules import is_active_user, is_focal_point

from . import rules
from .enums import ReadAccess, WriteAccess
from .models import Follow, Post, Space, Thread


def readable_spaces(user):
    """The spaces ``user`` may read, as one query (the rules of
    ``rules.can_read_space`` as a filter)."""
    spaces = Space.objects.all()
    if rules.is_forum_staff(user):
        return spaces
    readable = Q(read_access=ReadAccess.PUBLIC)
    if is_active_user(user):
        readable |= Q(meeting__in=_delegate_meetings(user))
    if is_focal_point(user):
        readable |= Q(read_access=ReadAccess.NETWORK) | Q(
            read_access=ReadAccess.GROUP, member_institutions=user.institution_id
        )
    # A space listing several of the person's institutions appears once.
    return spaces.filter(pk__in=spaces.filter(readable).values("pk"))


def _delegate_meetings(user):
    """The meetings ``user`` is an approved delegate of, as a subquery."""
    return (
        Registration.objects.for_person(user)
        .filter(status=RegistrationStatus.APPROVED)
        .values("meeting_id")
    )


def writable_spaces(user):
    """The spaces ``user`` may start a thread in, as one query (the rules of
    ``rules.can_write_in_space`` as a filter)."""
    if rules.is_forum_staff(user):
        return Space.objects.all()
    if not is_active_user(user):
        return Space.objects.none()
    spaces = readable_spaces(user).filter(write_access=WriteAccess.PARTICIPANTS)
    if not is_focal_point(user):
        # Someone who is no focal point writes only as a meeting's delegate.
        spaces = spaces.filter(meeting__in=_delegate_meetings(user))
    return spaces


def spaces_for_list(user):
    """The spaces ``user`` may read, with their subject for the list's row."""
    return readable_spaces(user).select_related("topic", "working_group__conference", "meeting")


def space_for_reader(*, slug, user):
    """The space at ``slug`` if ``user`` may read it; 404 otherwise, so that a
    closed space's address reveals nothing."""
    space = get_object_or_404(
        Space.objects.select_related("topic", "working_group__conference", "meeting"), slug=slug
    )
    if not rules.can_read_space(user, space):
        raise Http404
    return space


def _threads_for(user):
    """The threads ``user`` may see: a thread whose opening post is hidden
    only by staff, as a hidden post."""
    if rules.is_forum_staff(user):
        return Thread.objects.all()
    return Thread.objects.without_hidden_opening()


def threads_of(space, user):
    return _threads_for(user).filter(space=space).for_list()


def posts_for_reader(user):
    """The posts ``user`` may read: in readable spaces, hidden ones (and
    those of a thread whose opening post is hidden) for staff only."""
    posts = Post.objects.filter(thread__space__in=readable_spaces(user))
    if not rules.is_forum_staff(user):
        posts = posts.shown()
    return posts


def thread_for_reader(*, space, pk, user):
    """The thread ``pk`` of ``space`` with the posts ``user`` may see, their
    authors and institutions fetched with it."""
    posts = Post.objects.select_related("author__institution", "program__owner").prefetch_related(
        "attachments"
    )
    if not rules.is_forum_staff(user):
        posts = posts.visible()
    return get_object_or_404(
        _threads_for(user)
        .select_related("author", "need__institution")
        .prefetch_related(Prefetch("posts", queryset=posts)),
        space=space,
        pk=pk,
    )


def thread_moved(*, slug, pk, user):
    """The thread ``pk`` if it is no longer in the space at ``slug`` (moved
    since its address was given) and ``user`` may read the space it is in
    now; None otherwise, so that a closed space's thread reveals nothing."""
    threads = _threads_for(user).select_related("space").exclude(space__slug=slug)
    thread = threads.filter(pk=pk).first()
    if thread is None or not rules.can_read_space(user, thread.space):
        return None
    return thread


def post_for_reader(*, pk, user):
    """The post ``pk`` with its thread and space, if ``user`` may read it; 404
    otherwise: a hidden post, or any post of a thread whose opening post is
    hidden (its replies, their files), is the Secretariat's only."""
    posts = Post.objects.select_related("thread__space", "author__institution")
    if not rules.is_forum_staff(user):
        posts = posts.shown()
    post = get_object_or_404(posts, pk=pk)
    if not rules.can_read_space(user, post.thread.space):
        raise Http404
    return post


def follow_of(user, *, thread=None, space=None):
    """How ``user`` follows the thread or the space (not its threads), if at all."""
    if not is_active_user(user):
        return None
    if thread is not None:
        return Follow.objects.filter(user=user, thread=thread).first()
    return Follow.objects.filter(user=user, space=space, thread=None).first()


# On SQLite each word is one more LIKE over the posts: a bounded cost.
MAX_WORDS = 12


def post_search(*, user, query):
    """The posts ``user`` may read that match ``query``, best first: on
    PostgreSQL by full text through the posts' index (in every content
    language's configuration), on SQLite every word in the text. Past
    ``search.MAX_MATCHES``, the newest of them. Hidden posts and closed
    spaces are left out before anything is matched, so that nothing of them
    is counted or ranked."""
    posts = posts_for_reader(user).select_related("thread__space", "author__institution")
    if search.is_postgresql():
        parsed = search.text_query(query)
        keys = search.newest_keys(posts.filter(search_vector=parsed))
        return (
            search.with_keys(posts, keys)
            .annotate(rank=SearchRank(F("search_vector"), parsed))
            .order_by(F("rank").desc(), "-created_at", "-pk")
        )
    words = query.split()[:MAX_WORDS]
    if words:
        posts = posts.filter(reduce(and_, (Q(body__icontains=word) for word in words)))
    return (
        search.bounded(posts)
        .annotate(rank=Value(0.0, output_field=FloatField()))
        .order_by("-created_at", "-pk")
    )


def need_for_thread(*, user, pk):
    """The cooperation need a new thread asks about, if ``user`` may see it."""
    from cooperation.models import Need

    key = record_key(pk)
    if key is None:
        return None
    return Need.objects.visible_to(user).select_related("institution").filter(pk=key).first()
