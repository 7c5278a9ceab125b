"""Which language version of a piece of content a reader sees.

Content keeps the language it was written in. Where it also exists in other
content languages (modeltranslation's ``title_en``, ``title_es``… columns),
the reader's language comes first, the original language next, and the
other versions are one click away (``?version=es``). The pages of programs,
news, meetings, calls, needs and cooperation activities share this (and its
template, core/_content_versions.html), so that they say the same thing
the same way."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, resolution_order

CONTENT_CODES = tuple(code for code, _name in settings.CONTENT_LANGUAGES)
# Languages that write the names of languages in lower case inside a sentence
# (Django's catalogues capitalise them, as for a menu): "Leer en inglés".
LOWER_CASE_LANGUAGE_NAMES = {"es", "pt", "fr"}


def reader_language():
    """The two-letter code of the language the page is shown in."""
    return (get_language() or settings.LANGUAGE_CODE)[:2]


@dataclass(frozen=True)
class Version:
    """One language version: its code and name, for the link to it."""

    code: str

    @property
    def name(self):
        """The language's name in the reader's language, as written inside a
        sentence ("Spanish"; "inglés" for a Spanish reader)."""
        name = str(get_language_info(self.code)["name_translated"])
        if reader_language() in LOWER_CASE_LANGUAGE_NAMES:
            return name[:1].lower() + name[1:]
        return name


@dataclass(frozen=True)
class ContentVersions:
    """What a page shows of ``fields`` of one object, and in which language."""

    shown: Version
    reader: Version
    original: Version
    texts: dict
    others: list = field(default_factory=list)
    chosen: bool = False

    @property
    def is_fallback(self):
        """The reader did not get their own language, and did not ask for this one."""
        return not self.chosen and self.shown != self.reader

    @property
    def only_one(self):
        return not self.others

    @property
    def available(self):
        """Every version there is, the shown one included, in the order of
        the content languages: for the page's list of its languages and its
        ``hreflang`` alternates."""
        codes = {self.shown.code, *(version.code for version in self.others)}
        return [Version(code) for code in CONTENT_CODES if code in codes]

    @property
    def original_differs(self):
        """The untranslated parts of the content (in the original language)
        are not in the language of the translated parts shown above them."""
        return self.original != self.shown


def _translated_fields(model):
    try:
        return set(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return set()


def content_versions(obj, *, fields, optional=(), requested=None):
    """The versions of ``obj``'s ``fields`` (its main text, such as title and
    summary): a version exists in a language when every one of the fields is
    given in it. ``optional`` fields (a description that may be empty) count
    only when some language gives them. ``obj.language`` names the original
    language, English when the model has none.

    Shown: the ``requested`` version if it exists (a ``?version=`` link), else
    the reader's, else the original, else the first there is."""
    original = getattr(obj, "language", "") or settings.LANGUAGE_CODE
    translated = _translated_fields(type(obj))
    fields = (*fields, *(name for name in optional if _given(obj, name, translated)))
    if translated.issuperset(fields):
        available = [
            code
            for code in CONTENT_CODES
            if all(getattr(obj, build_localized_fieldname(name, code), None) for name in fields)
        ]
    else:
        available = []
    if not available:
        # Not translatable, or the original is incomplete: what the model gives.
        available = [original]
        by_language = {original: {name: getattr(obj, name) for name in fields}}
    else:
        by_language = {
            code: {name: getattr(obj, build_localized_fieldname(name, code)) for name in fields}
            for code in available
        }
    reader = reader_language()
    default = _default(available, reader, original)
    shown = requested if requested in available else default
    return ContentVersions(
        shown=Version(shown),
        reader=Version(reader),
        original=Version(original),
        texts=by_language[shown],
        others=[Version(code) for code in available if code != shown],
        chosen=shown != default,
    )


def _given(obj, name, translated):
    if name not in translated:
        return bool(getattr(obj, name))
    return any(getattr(obj, build_localized_fieldname(name, code), None) for code in CONTENT_CODES)


def _default(available, reader, original):
    if reader in available:
        return reader
    if original in available:
        return original
    return available[0]


def language_shown(obj, field_name):
    """The language modeltranslation shows ``obj.<field_name>`` in (the
    reader's, else the first fallback with a value): for ``lang`` attributes
    in lists, where the reader gets what modeltranslation gives."""
    if field_name not in _translated_fields(type(obj)):
        return getattr(obj, "language", "") or reader_language()
    for code in resolution_order(reader_language()):
        if getattr(obj, build_localized_fieldname(field_name, code), None):
            return code
    return getattr(obj, "language", "") or reader_language()
