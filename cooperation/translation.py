"""Translated fields of cooperation (title_en, title_es, …, one per LANGUAGES).

No language is required by itself: network/translated_text.py says which one
a form asks for.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Call


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")
