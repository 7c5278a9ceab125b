"""The one-click unfollow link in every forum email. The link signs the
follow's id and needs no sign-in; following it only shows a page whose
button (a POST) unfollows, since mail scanners open every link they see.
It has no expiry: the link in an old email must still work."""

from django.core import signing
from django.urls import reverse

from .models import Follow

UNFOLLOW_SALT = "forum.follow.unfollow"


def unfollow_token(follow):
    return signing.dumps(follow.pk, salt=UNFOLLOW_SALT)


def unfollow_path(follow):
    return reverse("forum:unfollow", kwargs={"token": unfollow_token(follow)})


def follow_from_token(token):
    """The follow the link names; None when the link was altered or the
    follow is gone (already unfollowed)."""
    try:
        pk = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    return Follow.objects.select_related("thread", "space").filter(pk=pk).first()
