"""Reads of the Library that its pages share."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from network.versions import CONTENT_CODES

from . import rules
from .enums import ItemStatus
from .models import Authorship, LibraryFile, LibraryItem


def item_for_reader(*, slug, user):
    """The item at ``slug`` with what its page shows, if ``user`` may read
    it; 404 otherwise, so that a draft's address reveals nothing."""
    item = get_object_or_404(
        LibraryItem.objects.select_related(
            "owner__member_state", "working_group__conference", "meeting"
        ).prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("institution__member_state"),
            ),
            Prefetch("files", queryset=LibraryFile.objects.defer("text")),
            "topics",
            "member_states",
        ),
        slug=slug,
    )
    if not rules.can_view_item(user, item):
        raise Http404
    return item


def items_for_list():
    """Published items with what a list's row shows, in a fixed number of
    queries; the files' extracted text stays in the database."""
    return (
        LibraryItem.objects.published()
        .select_related("owner__member_state")
        .prefetch_related(
            Prefetch("files", queryset=LibraryFile.objects.only("pk", "item_id", "language"))
        )
        .defer("abstract", *(f"abstract_{code}" for code in CONTENT_CODES))
    )


SECTION_SIZE = 5


def member_state_section(member_state):
    """The newest published items concerning a member state, for its page;
    nothing when there are none."""
    through = LibraryItem.member_states.through.objects.filter(memberstate=member_state)
    items = list(items_for_list().filter(pk__in=through.values("libraryitem_id"))[:SECTION_SIZE])
    if not items:
        return None
    return "library/_section_items.html", {
        "items": items,
        "query": f"member_state={member_state.iso_code}",
    }


def topic_section(topic):
    """The newest published items on a topic, for its page; nothing when there are none."""
    through = LibraryItem.topics.through.objects.filter(topic=topic)
    items = list(items_for_list().filter(pk__in=through.values("libraryitem_id"))[:SECTION_SIZE])
    if not items:
        return None
    return "library/_section_items.html", {"items": items, "query": f"topic={topic.slug}"}


def items_of_institution(institution):
    """Every item of a ministry, whatever its state, the latest changed first,
    for its focal points' list; the abstracts and texts stay in the database."""
    return (
        LibraryItem.objects.owned_by(institution)
        .select_related("owner__member_state")
        .defer("abstract", *(f"abstract_{code}" for code in CONTENT_CODES))
        .order_by("-updated_at", "-pk")
    )


def dashboard_section(user):
    """A focal point's publications that need them: drafts and returned ones
    to finish, those waiting for review; None for people without a ministry."""
    if not rules.can_propose_item(user):
        return None
    items = list(items_of_institution(user.institution))
    return "library/_section_dashboard.html", {
        "to_finish": [item for item in items if item.can_be_submitted],
        "in_review": [item for item in items if item.status == ItemStatus.SUBMITTED],
        "published": sum(item.is_public for item in items),
    }
