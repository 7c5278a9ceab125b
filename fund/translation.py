"""Translated fields of the fund (purpose_en, purpose_es, …, one per LANGUAGES):
an allocation's purpose is published in the fund's statement."""

from modeltranslation.translator import TranslationOptions, register

from .models import Allocation


@register(Allocation)
class AllocationTranslation(TranslationOptions):
    fields = ("purpose",)
    required_languages = ("en",)
