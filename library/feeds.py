"""RSS and Atom feeds of the Library's items as they are published, newest first."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from .models import LibraryItem

FEED_SIZE = 30


class LibraryRssFeed(Feed):
    title = _("RIAL: new publications of the Library")
    link = reverse_lazy("library:item_list")
    description = _(
        "The network's studies, publications, guides, reports and toolkits, as they are published."
    )

    def items(self):
        return (
            LibraryItem.objects.published()
            .select_related("owner__member_state")
            .prefetch_related("topics")
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read the description as HTML: the plain text, escaped,
        # in paragraphs, so that markup someone typed shows as typed.
        return linebreaks(item.abstract, autoescape=True)

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return str(item.owner)

    def item_categories(self, item):
        return [item.get_kind_display(), *(topic.name for topic in item.topics.all())]


class LibraryAtomFeed(LibraryRssFeed):
    feed_type = Atom1Feed
    subtitle = LibraryRssFeed.description
