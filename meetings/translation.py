"""Translated fields of meetings (title_en, title_es, …, one per LANGUAGES).

No language is required by itself: core/translated_text.py says which one
a form asks for.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import AgendaSession, Document, Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(AgendaSession)
class AgendaSessionTranslation(TranslationOptions):
    # Written in any language (staff may work in Spanish): none required.
    fields = ("title", "summary")
    required_languages = ()
