"""A questionnaire's title and introduction, and each question, in every
content language; participants read theirs, falling back on the others
(settings.MODELTRANSLATION_FALLBACK_LANGUAGES).

No language is required by itself: staff may write in any one."""

from modeltranslation.translator import TranslationOptions, register

from .models import Question, Questionnaire


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "intro")
    required_languages = ()


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ()
