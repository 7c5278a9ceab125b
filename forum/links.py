"""The one-click unfollow link in every forum email. The link signs the
follow's id (or, in a digest, the person's: all their digests) and needs no
sign-in; following it only shows a page whose button (a POST) unfollows,
since mail scanners open every link they see. Mail programs POST to it
straight from the List-Unsubscribe header (RFC 8058), as the newsletter's.
It has no expiry: the link in an old email must still work."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .enums import Frequency
from .models import Follow

UNFOLLOW_SALT = "forum.follow.unfollow"
DIGEST = "digest"


def unfollow_token(follow):
    return signing.dumps(follow.pk, salt=UNFOLLOW_SALT)


def unfollow_path(follow):
    return reverse("forum:unfollow", kwargs={"token": unfollow_token(follow)})


def digest_unfollow_path(user):
    """The link that ends every daily digest of ``user``."""
    token = signing.dumps([DIGEST, user.pk], salt=UNFOLLOW_SALT)
    return reverse("forum:unfollow", kwargs={"token": token})


def unfollow_headers(path):
    """List-Unsubscribe with one-click unsubscription (RFC 2369, RFC 8058):
    mail programs show an "unsubscribe" button that POSTs to the link."""
    return {
        "List-Unsubscribe": f"<{settings.SITE_URL}{path}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def follows_from_token(token):
    """The follows the link names, as a list: one, or a person's digests;
    empty when the link was altered or they are gone (already unfollowed)."""
    try:
        value = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return []
    follows = Follow.objects.select_related("thread", "space").order_by("pk")
    if isinstance(value, int):
        return list(follows.filter(pk=value))
    if isinstance(value, list) and value[:1] == [DIGEST] and len(value) == 2:
        return list(follows.filter(user=value[1], frequency=Frequency.DAILY))
    return []
