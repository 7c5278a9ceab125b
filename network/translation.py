"""Translated fields of the directory (name_en, name_es, …, one per LANGUAGES).

History is registered here, after translation, so that the historical models
carry the translated columns too (django-simple-history's documented order).

No language is required by itself: core/translated_text.py says which one
a form asks for.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Institution, MemberState, Topic, WorkingGroup


@register(MemberState)
class MemberStateTranslation(TranslationOptions):
    fields = ("name",)


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name",)


register_history(Institution, app=__package__)
register_history(WorkingGroup, app=__package__)
