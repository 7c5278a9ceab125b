"""The language of the API's translated texts: asked for with ``?lang=`` (any
content language) or Accept-Language (the interface's languages, through
LocaleMiddleware); served in it, or in the first fallback that has the text."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import NONE
from modeltranslation.utils import build_localized_fieldname, resolution_order
from rest_framework.exceptions import ValidationError

CONTENT_LANGUAGE_CODES = [code for code, _name in settings.CONTENT_LANGUAGES]
LANGUAGE_PARAMETER = "lang"


def served_language(instance, field):
    """The language whose version of the translated ``field`` reads as
    ``instance.<field>`` now: the active language, or the fallback
    modeltranslation took (None when no language has a text). Follows the
    same steps as modeltranslation's descriptor, so it names what was served."""
    descriptor = getattr(type(instance), field)
    undefined = descriptor.fallback_undefined
    if undefined is NONE:
        undefined = descriptor.field.get_default()
    for code in resolution_order(translation.get_language(), descriptor.fallback_languages):
        value = getattr(instance, build_localized_fieldname(field, code), None)
        if descriptor.meaningful_value(value, undefined):
            return code
    return None


class ContentLanguageMixin:
    """Serves a view in the content language ``?lang=`` names, if given, and
    says which one in Content-Language. A code that is not a content language
    is refused (400) rather than ignored, so that a typo does not go unseen."""

    def dispatch(self, request, *args, **kwargs):
        code = request.GET.get(LANGUAGE_PARAMETER)
        if code not in CONTENT_LANGUAGE_CODES:
            code = translation.get_language()
        with translation.override(code):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        code = request.query_params.get(LANGUAGE_PARAMETER)
        if code is not None and code not in CONTENT_LANGUAGE_CODES:
            raise ValidationError(
                {
                    LANGUAGE_PARAMETER: [
                        _("“%(code)s” is not one of the languages: %(codes)s.")
                        % {"code": code, "codes": ", ".join(CONTENT_LANGUAGE_CODES)}
                    ]
                }
            )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        return response
