"""The admin of every translated model: its texts in the four content
languages, shown as tabs, each labelled with its language, and none of
them required by itself (core/translated_text.py says which one is)."""

from modeltranslation.admin import TabbedTranslationAdmin

from .translated_text import TranslatedTextFormMixin, localized_label


class TranslatedAdmin(TabbedTranslationAdmin):
    """modeltranslation's tabbed admin (jQuery UI from settings.JQUERY_UI_URL,
    served from static/), without its rule that the default language is
    required."""

    def get_form(self, request, obj=None, **kwargs):
        form = kwargs.get("form", self.form)
        if not issubclass(form, TranslatedTextFormMixin):
            kwargs["form"] = type(form.__name__, (TranslatedTextFormMixin, form), {})
        return super().get_form(request, obj, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        translated = getattr(db_field, "translated_field", None)
        if field is not None and translated is not None:
            # Named in full, so that the language shows without the tabs too.
            field.label = localized_label(translated.verbose_name, db_field.language)
        return field
