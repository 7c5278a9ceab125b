"""RSS and Atom feeds of the programs as they are published, newest first."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from .models import Program
from .selectors import LIST_DEFERRED

FEED_SIZE = 30


class ProgramRssFeed(Feed):
    title = _("RIAL: new programs of the Program Portfolio")
    link = reverse_lazy("portfolio:program_list")
    description = _(
        "Programs with a track record that the Ministries of Labor of the Americas offer "
        "to share with their peers, as they are published."
    )

    def items(self):
        return (
            Program.objects.published()
            .select_related("owner__member_state")
            .prefetch_related("topics")
            .defer(*LIST_DEFERRED)
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read the description as HTML: the plain text, escaped,
        # in paragraphs, so that markup someone typed shows as typed.
        return linebreaks(item.summary, autoescape=True)

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return str(item.owner)

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class ProgramAtomFeed(ProgramRssFeed):
    feed_type = Atom1Feed
    subtitle = ProgramRssFeed.description
