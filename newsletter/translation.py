"""An issue's subject and introduction may be written in each content
language; readers get theirs (see Issue.subject and introduction_paragraphs).

No language is required by itself: network/translated_text.py says which one
a form asks for.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Issue


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("title", "introduction")
