"""Title and summary may be given in each content language; the program's
``language`` says which one is the original, and the only one a form requires
(core/translated_text.py).

History is registered after translation so the history rows keep every version.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Program, TargetGroup


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)


register_history(
    Program, app=__package__, excluded_fields=["search_text", "search_vector", "search_title"]
)
