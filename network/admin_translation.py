"""The admin of every translated model: its texts in the four content
languages, shown as tabs, none of them required by itself
(network/translated_text.py says which one is)."""

from modeltranslation.admin import TabbedTranslationAdmin

from .translated_text import TranslatedTextFormMixin


class TranslatedAdmin(TabbedTranslationAdmin):
    """modeltranslation's tabbed admin, without its rule that the default
    language is required."""

    def get_form(self, request, obj=None, **kwargs):
        form = kwargs.get("form", self.form)
        if not issubclass(form, TranslatedTextFormMixin):
            kwargs["form"] = type(form.__name__, (TranslatedTextFormMixin, form), {})
        return super().get_form(request, obj, **kwargs)
