"""Translated fields of meetings (title_en, title_es, …, one per LANGUAGES).

No language is required by itself: network/translated_text.py says which one
a form asks for.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Document, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
