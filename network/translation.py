"""Translated fields of the directory (name_en, name_es, …, one per LANGUAGES).

History is registered here, after translation, so that the historical models
carry the translated columns too (django-simple-history's documented order).
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Institution, MemberState, Topic, WorkingGroup


@register(MemberState)
class MemberStateTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en", "es")


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en", "es")


@register(WorkingGroup)
class WorkingGroupTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


register_history(Institution, app=__package__)
register_history(WorkingGroup, app=__package__)
