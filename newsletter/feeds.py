"""RSS and Atom feeds of the published news, newest first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from .models import NewsItem

FEED_SIZE = 30


class NewsRssFeed(Feed):
    title = _("RIAL news")
    link = reverse_lazy("newsletter:news_list")
    description = _("News from the Ministries of Labor of the Americas.")

    def items(self):
        return NewsItem.objects.published().select_related("institution__member_state", "topic")[
            :FEED_SIZE
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers read the description as HTML: the plain text, escaped,
        # in paragraphs, so that markup someone typed shows as typed.
        return linebreaks(item.text, autoescape=True)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return str(item.institution)

    def item_categories(self, item):
        return [item.topic.name] if item.topic else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
