"""Translated fields of cooperation (title_en, title_es, …, one per LANGUAGES).

No language is required by itself: core/translated_text.py says which one
a form asks for.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Call, Request


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Request)
class RequestTranslation(TranslationOptions):
    """What a reader sees first of a cooperation activity: its title and
    summary. Written by the requesting ministry in its language; the
    Secretariat adds the other versions of public activities."""

    fields = ("title", "summary")
    required_languages = ()
