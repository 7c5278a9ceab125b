"""Translated fields of cooperation (title_en, title_es, …, one per LANGUAGES)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Call


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("en",)
