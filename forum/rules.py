"""Who may do what in the forum. Checked on the server by every view and
admin action; tested in tests/forum/test_rules.py and tests/test_access_matrix.py.

A space says who reads it (everyone, the network's members, or its group:
the working group's member institutions or the meeting's delegates) and who
writes in it (the focal points and the meeting's delegates among those who
read it, or the Secretariat only). The Secretariat reads and writes
everywhere; hidden posts are theirs alone to see."""

from django.utils import timezone

from cooperation.rules import can_see_all_needs
from meetings.rules import is_delegate_of
from network.rules import is_active_user, is_focal_point

from .enums import ReadAccess, WriteAccess


def is_forum_staff(user):
    """Secretariat staff who moderate the forum (a permission of their group)."""
    return is_active_user(user) and user.is_staff and user.has_perm("forum.change_post")


def is_meeting_delegate(user, space):
    """An approved delegate of the meeting the space belongs to."""
    return space.meeting_id is not None and is_delegate_of(user, space.meeting)


def is_network_member(user):
    """The network's members: the ministries' and organizations' focal points."""
    return is_focal_point(user)


def is_group_member(user, space):
    """A focal point of one of the space's member institutions, or a
    delegate of its meeting."""
    if is_meeting_delegate(user, space):
        return True
    return (
        is_focal_point(user) and space.member_institutions.filter(pk=user.institution_id).exists()
    )


def can_read_space(user, space):
    if space.read_access == ReadAccess.PUBLIC or is_forum_staff(user):
        return True
    if space.read_access == ReadAccess.NETWORK:
        return is_network_member(user) or is_meeting_delegate(user, space)
    return is_group_member(user, space)


def can_write_in_space(user, space):
    """Start a thread or reply: focal points and the meeting's delegates
    where the space lets participants write and they may read it; staff
    everywhere."""
    if is_forum_staff(user):
        return True
    if space.write_access != WriteAccess.PARTICIPANTS or not can_read_space(user, space):
        return False
    return is_focal_point(user) or is_meeting_delegate(user, space)


def can_reply(user, thread):
    """A locked thread takes no more replies, save the Secretariat's."""
    if is_forum_staff(user):
        return True
    return not thread.is_locked and can_write_in_space(user, thread.space)


def can_see_post(user, post):
    """A hidden post is shown to the Secretariat only."""
    return not post.is_hidden or is_forum_staff(user)


def can_moderate(user):
    """Lock, pin, move threads; hide and show posts."""
    return is_forum_staff(user)


def can_edit_post(user, post, *, now=None):
    """Its author corrects a post for a while after posting it, while the
    thread takes replies."""
    return (
        is_active_user(user)
        and post.author_id == user.pk
        and (now or timezone.now()) < post.editable_until()
        and can_reply(user, post.thread)
    )


def can_report_post(user, post):
    """Anyone signed in tells the Secretariat about a post they can see,
    except their own."""
    return is_active_user(user) and post.author_id != user.pk and can_see_post(user, post)


def can_follow(user, space):
    """Anyone signed in who reads the space."""
    return is_active_user(user) and can_read_space(user, space)


def can_see_need(user, need):
    """The cooperation need a thread asks about, shown to those who may read it."""
    return need is not None and (need.is_public or can_see_all_needs(user))


def space_readers_see_need(space, need):
    """Whether everyone who reads ``space`` may read ``need`` too: a need kept
    to focal points is not quoted where visitors or a meeting's delegates
    read. (The Secretariat, who read every space, run the network.)"""
    return need.is_public or (space.read_access != ReadAccess.PUBLIC and space.meeting_id is None)
