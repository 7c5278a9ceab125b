"""Translated fields of meetings (title_en, title_es, …, one per LANGUAGES)."""

from modeltranslation.translator import TranslationOptions, register

from .models import AgendaSession, Document, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(AgendaSession)
class AgendaSessionTranslation(TranslationOptions):
    # Written in any language (staff may work in Spanish): none required.
    fields = ("title", "summary")
    required_languages = ()
