"""An issue's subject and introduction, and a news item's title and text, may
be written in each content language; readers get theirs (see Issue.subject
and introduction_paragraphs, and core/versions.py for news pages).

No language is required by itself: core/translated_text.py says which one
a form asks for (a news item's own language; for an issue, any one).

News history is registered after translation so the history rows keep every
version.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Issue, NewsItem


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "text")


# The search columns are the database's, derived from the row.
register_history(NewsItem, app=__package__, excluded_fields=["search_vector", "search_title"])
