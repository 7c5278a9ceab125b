"""Translated fields of meetings (title_en, title_es, …, one per LANGUAGES)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Document, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)
