"""Translated fields of the fund (purpose_en, purpose_es, …, one per LANGUAGES):
an allocation's purpose is published in the fund's statement."""

from modeltranslation.translator import TranslationOptions, register

from .models import Allocation


@register(Allocation)
class AllocationTranslation(TranslationOptions):
    # Written in any language (by staff working in Spanish as well): none required.
    fields = ("purpose",)
    required_languages = ()
