"""An issue's subject and introduction may be written in each content
language; readers get theirs (see Issue.subject and introduction_paragraphs)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Issue


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("title", "introduction")
    required_languages = ()
