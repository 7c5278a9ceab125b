"""Title and abstract may be given in each content language; the item's
``language`` says which one is the original.

History is registered after translation so the history rows keep every version.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import LibraryItem


@register(LibraryItem)
class LibraryItemTranslation(TranslationOptions):
    fields = ("title", "abstract")


# The search column is the database's, derived from the row.
register_history(LibraryItem, app=__package__, excluded_fields=["search_vector", "text_vector"])
