"""Which languages a record's translated texts must be given in.

Texts are kept in the four content languages (modeltranslation's
``title_en``, ``title_es``, … columns), and nothing demands English. A text
the model requires (its original field is not ``blank``) must be given:

- in the record's own language, for a model with a ``language`` field
  (a program written in Spanish needs its Spanish title);
- in at least one of the four languages, for a model without.

The focal points' program form and every translated admin form apply this
one rule through ``TranslatedTextFormMixin``.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, gettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

CONTENT_CODES = tuple(code for code, _name in settings.CONTENT_LANGUAGES)


def language_name(code):
    """The language's name in the reader's language ("Spanish", "inglés")."""
    return get_language_info(code)["name_translated"]


def translated_fields(model):
    """The names of the model's translated fields (``title``…), or ()."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def required_texts(model):
    """The translated fields that may not be left empty in every language."""
    return tuple(name for name in translated_fields(model) if not model._meta.get_field(name).blank)


def has_own_language(model):
    """Whether the model says which content language its texts are written in."""
    try:
        field = model._meta.get_field("language")
    except FieldDoesNotExist:
        return False
    return {code for code, _name in field.choices or ()} == set(CONTENT_CODES)


def _preferred_codes():
    """The content languages in the order an error is best shown in: the
    reader's language, the default one, then the others."""
    first = [(get_language() or "")[:2], settings.MODELTRANSLATION_DEFAULT_LANGUAGE]
    return [code for code in dict.fromkeys([*first, *CONTENT_CODES]) if code in CONTENT_CODES]


def missing_texts(model, values, *, language=None, fields=None):
    """{field name: message} for each required text given in no acceptable
    language. ``values`` maps the localized names (``title_es``) to what was
    given; ``language`` is the record's own language (models with one);
    ``fields`` limits the names an error may be put on (a form's fields)."""
    errors = {}
    for name in required_texts(model):
        label = model._meta.get_field(name).verbose_name
        if language:
            field_name = build_localized_fieldname(name, language)
            if values.get(field_name) in (None, "") and (fields is None or field_name in fields):
                errors[field_name] = gettext(
                    "Give the %(field)s in %(language)s, the language the content is written in."
                ) % {"field": label, "language": language_name(language)}
            continue
        names = [build_localized_fieldname(name, code) for code in _preferred_codes()]
        if fields is not None:
            names = [field_name for field_name in names if field_name in fields]
        if names and all(values.get(field_name) in (None, "") for field_name in names):
            errors[names[0]] = gettext("Give the %(field)s in at least one language.") % {
                "field": label
            }
    return errors


class TranslatedTextFormMixin:
    """For a ModelForm of a translated model: no language of a text is
    required by itself; ``clean()`` asks for the text in the record's own
    language, or in any one language (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for name in translated_fields(model):
            for code in CONTENT_CODES:
                field = self.fields.get(build_localized_fieldname(name, code))
                if field is not None:
                    field.required = False

    def clean(self):
        cleaned_data = super().clean()
        model = self._meta.model
        language = None
        if has_own_language(model):
            if "language" in self.fields:
                language = cleaned_data.get("language")
                if not language:
                    return cleaned_data  # The language field shows its own error.
            else:
                language = self.instance.language
        # A text that failed its own validation (too long…) is not missing:
        # its own error says what is wrong with it.
        given = {**cleaned_data, **dict.fromkeys(self.errors, True)}
        for field_name, message in missing_texts(
            model, given, language=language, fields=self.fields
        ).items():
            self.add_error(field_name, message)
        return cleaned_data


def localized_label(field_label, code):
    """A language version's label: "Title (Spanish)"."""
    return gettext("%(field)s (%(language)s)") % {
        "field": capfirst(field_label),
        "language": language_name(code),
    }
