"""Demo spaces, threads and posts (``demo_data``), written by the demo's
focal point and Secretariat. Idempotent like the other loaders: spaces are
matched by working group, threads by title, posts by their text."""

import datetime

from django.db import transaction
from django.utils import timezone

from network.demo import DEMO_FOCAL_POINT_EMAIL, DEMO_STAFF_EMAIL
from network.models import User, WorkingGroup

from . import demo_data
from .enums import ReadAccess, SpaceKind
from .models import Follow, Post, Report, Space, Thread


@transaction.atomic
def load():
    authors = {
        "focal_point": User.objects.get(email=DEMO_FOCAL_POINT_EMAIL),
        "staff": User.objects.get(email=DEMO_STAFF_EMAIL),
    }
    for position, entry in enumerate(demo_data.SPACES):
        working_group = WorkingGroup.objects.get(
            conference__number=entry["conference"], number=entry["working_group"]
        )
        space = Space.objects.filter(
            kind=SpaceKind.WORKING_GROUP, working_group=working_group
        ).first() or Space.objects.create(
            kind=SpaceKind.WORKING_GROUP,
            working_group=working_group,
            name=entry["name"],
            description=entry["description"],
            read_access=ReadAccess.NETWORK,
            position=position,
        )
        members = [working_group.chair, *working_group.vice_chairs.all()]
        space.member_institutions.add(*[member for member in members if member])
        for thread_entry in entry["threads"]:
            _thread(space, thread_entry, authors)
    for working_group, title, position, who, reason in demo_data.REPORTS:
        thread = Thread.objects.get(space__working_group__number=working_group, title=title)
        post = thread.posts.order_by("created_at", "pk")[position]
        Report.objects.get_or_create(post=post, reporter=authors[who], defaults={"reason": reason})


def _thread(space, entry, authors):
    posts = entry["posts"]
    # Dated a few days back, a day between posts, so that the demo reads as a conversation.
    start = timezone.now() - datetime.timedelta(days=len(posts) + 1)
    first_author = authors[posts[0][0]]
    thread, created = Thread.objects.get_or_create(
        space=space,
        title=entry["title"],
        defaults={"author": first_author, "last_posted_at": start},
    )
    for number, (who, body) in enumerate(posts):
        when = start + datetime.timedelta(days=number)
        Post.objects.get_or_create(
            thread=thread,
            body=body,
            defaults={"author": authors[who], "created_at": when, "language": "en"},
        )
    if created:
        Thread.objects.filter(pk=thread.pk).update(
            reply_count=len(posts) - 1,
            last_posted_at=start + datetime.timedelta(days=len(posts) - 1),
        )
        Follow.objects.get_or_create(user=first_author, thread=thread)
