"""Every word a person reads is marked for translation, and every marked string
has its translation in each language of the interface (settings.LANGUAGES
besides English, the source; the Makefile's LOCALES).

Templates are read with Django's own lexer: the text between tags (outside
``{% blocktranslate %}``, comments, ``<script>`` and ``<style>``), and the
attributes people read (``title``, ``alt``, ``placeholder``, ``aria-label``),
must hold no words of their own. Python strings are marked by gettext, which
the catalogue check covers once ``makemessages`` has run (CI runs it before
the tests, see ``make messages``)."""

import re
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

ROOT = Path(settings.BASE_DIR)
# The interface's languages besides English, whose catalogues must be complete.
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
SKIPPED_DIRS = {".venv", "var", "node_modules", "static", "tests", ".git"}

# Names that are the same in every language: the network's acronyms and codes.
UNTRANSLATED_WORDS = {
    "RIAL",
    "OAS",
    "OEA",
    "IACML",
    "CIMT",
    "USD",
    "CSV",
    "JSON",
    "XLSX",
    "PDF",
    "RSS",
    "Atom",
    "iCalendar",
    "API",
}

READ_ATTRIBUTES = re.compile(
    r"""\b(?:title|alt|placeholder|aria-label|aria-description)\s*=\s*"([^"]*)\"""",
    re.IGNORECASE,
)
TAG = re.compile(r"<[^>]*>", re.DOTALL)
# Script and style bodies are code, not prose.
CODE = re.compile(r"<(script|style)\b[^>]*>.*?</\1>", re.DOTALL | re.IGNORECASE)
OPENING_TAGS = {"blocktrans", "blocktranslate", "comment", "verbatim"}
CLOSING_TAGS = {"endblocktrans", "endblocktranslate", "endcomment", "endverbatim"}
ENTITY = re.compile(r"&[#\w]+;")
WORD = re.compile(r"[^\W\d_]{2,}")
# Text that is not prose: URLs, e-mail addresses, format strings, CSS or JS.
NOT_PROSE = re.compile(r"https?://\S+|\S+@\S+|%\(\w+\)s|\?[\w=&]+")


def template_files():
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if SKIPPED_DIRS.intersection(relative.parts) or "templates" not in relative.parts:
            continue
        if path.suffix in {".html", ".txt", ".xml"}:
            yield path


def words_in(text):
    text = NOT_PROSE.sub(" ", ENTITY.sub(" ", text))
    return [word for word in WORD.findall(text) if word not in UNTRANSLATED_WORDS]


def unmarked_text(source):
    """The words in ``source`` that sit outside translation tags."""
    # The template's own text, with every tag, variable and translated block
    # replaced by a mark that holds no word, so that HTML tags cut by a
    # ``{% url %}`` or a ``{{ value }}`` are still read whole.
    skeleton = []
    depth = 0
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.split_contents()[0]
            if name in OPENING_TAGS:
                depth += 1
            elif name in CLOSING_TAGS:
                depth -= 1
            skeleton.append(" \x00 ")
        elif token.token_type == TokenType.TEXT and not depth:
            skeleton.append(token.contents)
        else:
            skeleton.append(" \x00 ")
    text = CODE.sub(" ", "".join(skeleton))
    found = [word for value in READ_ATTRIBUTES.findall(text) for word in words_in(value)]
    return found + words_in(TAG.sub(" ", text))


def test_the_check_finds_unmarked_text_and_accepts_marked_text():
    assert unmarked_text("<p>Programs</p>") == ["Programs"]
    assert unmarked_text('<a title="Open it" href="/x/">{{ name }}</a>') == ["Open", "it"]
    assert unmarked_text('<input placeholder="{% translate "Search" %}">') == []
    assert unmarked_text("{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}") == []
    assert unmarked_text("<p>{% translate 'Programs' %} · RIAL</p>") == []
    assert unmarked_text("<script>let open = true;</script><style>.x { color: red }</style>") == []
    assert unmarked_text("{# a note #}{% comment %}Not shown{% endcomment %}") == []


def test_every_template_string_is_marked_for_translation():
    offenders = {}
    for path in template_files():
        words = unmarked_text(path.read_text(encoding="utf-8"))
        if words:
            offenders[str(path.relative_to(ROOT))] = " ".join(words[:12])
    assert not offenders, "Text not marked for translation:\n" + "\n".join(
        f"  {name}: {words}" for name, words in offenders.items()
    )


def catalogues(language="es"):
    return sorted(
        path
        for path in ROOT.rglob(f"locale/{language}/LC_MESSAGES/django.po")
        if not SKIPPED_DIRS.intersection(path.relative_to(ROOT).parts)
    )


def untranslated_entries(po_text):
    """msgids of a .po file with no translation, or a fuzzy one."""
    missing = []
    for entry in po_text.split("\n\n"):
        lines = [line for line in entry.strip().splitlines() if not line.startswith("#~")]
        if not lines or not any(line.startswith("msgid ") for line in lines):
            continue
        msgid = "".join(
            re.findall(r'^(?:msgid )?"(.*)"$', "\n".join(lines[: _index(lines, "msgstr")]), re.M)
        )
        if not msgid:
            continue
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        msgstrs = [line for line in lines if line.startswith("msgstr")]
        values = "".join(re.findall(r'"(.*)"', "\n".join(lines[_index(lines, "msgstr") :])))
        if fuzzy or not msgstrs or not values:
            missing.append(msgid)
    return missing


def _index(lines, prefix):
    return next(i for i, line in enumerate(lines) if line.startswith(prefix))


def test_the_catalogue_check_finds_missing_and_fuzzy_translations():
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain"\n\n'
        'msgid "Programs"\nmsgstr "Programas"\n\n'
        'msgid "Meetings"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Fund"\nmsgstr "Fondo"\n\n'
        'msgid "One program"\nmsgid_plural "%(n)s programs"\n'
        'msgstr[0] "Un programa"\nmsgstr[1] "%(n)s programas"\n'
    )
    assert untranslated_entries(po) == ["Meetings", "Fund"]


def test_the_makefile_translates_the_languages_of_the_settings():
    """`make messages` refreshes the catalogues of LOCALES: a language in the
    settings but not there would never get its new strings."""
    locales = re.search(r"^LOCALES \?= (.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert locales
    assert sorted(locales.group(1).split()) == sorted(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_each_language_has_a_catalogue_wherever_spanish_has_one(language):
    spanish = {path.parent.parent.parent for path in catalogues("es")}
    assert spanish, "no locale/es/LC_MESSAGES/django.po found"
    assert {path.parent.parent.parent for path in catalogues(language)} == spanish


# gettext's plural rule of each language: French counts 0 and 1 in the
# singular ("0 réunion", "1 réunion"), Spanish only 1.
PLURAL_FORMS = {
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
}


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_each_catalogue_says_its_language_and_plural_forms(language):
    """A fuzzy header is dropped by msgfmt, and with it the plural rule."""
    for path in catalogues(language):
        po = polib.pofile(str(path))
        assert not po.metadata_is_fuzzy, f"{path}: the header is fuzzy"
        assert po.metadata["Language"] == language, path
        if language in PLURAL_FORMS:
            assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language], path


@pytest.mark.parametrize(
    "path",
    [path for language in TRANSLATED_LANGUAGES for path in catalogues(language)],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_every_marked_string_has_its_translation(path):
    missing = untranslated_entries(path.read_text(encoding="utf-8"))
    assert not missing, f"{len(missing)} untranslated or fuzzy in {path}: {missing[:10]}"


def conflicting_translations(paths, root=ROOT):
    """The entries that catalogues of one language translate differently.

    Django merges every app's catalogue (and the project's) into one per
    language, so a (context, msgid) has a single translation on every page:
    whichever catalogue loads first wins, silently. Returns
    ``{(language, msgctxt, msgid): {translation: [catalogue, ...]}}``."""
    found = defaultdict(lambda: defaultdict(list))
    for path in paths:
        language = path.parent.parent.name
        for entry in polib.pofile(str(path)).translated_entries():
            translation = entry.msgstr or " | ".join(
                entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)
            )
            found[(language, entry.msgctxt, entry.msgid)][translation].append(
                str(path.relative_to(root))
            )
    return {key: dict(translations) for key, translations in found.items() if len(translations) > 1}


def test_the_conflict_check_finds_one_msgid_translated_two_ways(tmp_path):
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    texts = {
        "calls": 'msgid "Open"\nmsgstr "Abierta"\n\nmsgid "When"\nmsgstr "Fechas"\n',
        "meetings": (
            'msgid "Open"\nmsgstr "Abierta"\n\nmsgid "When"\nmsgstr "Cuándo"\n\n'
            'msgctxt "budget line"\nmsgid "item"\nmsgstr "rubro"\n'
        ),
        "news": 'msgid "item"\nmsgstr "elemento"\n\n#, fuzzy\nmsgid "When"\nmsgstr "Cuando"\n',
    }
    paths = []
    for name, text in texts.items():
        path = tmp_path / name / "locale/es/LC_MESSAGES/django.po"
        path.parent.mkdir(parents=True)
        path.write_text(header + text, encoding="utf-8")
        paths.append(path)
    assert conflicting_translations(paths, root=tmp_path) == {
        ("es", None, "When"): {
            "Fechas": ["calls/locale/es/LC_MESSAGES/django.po"],
            "Cuándo": ["meetings/locale/es/LC_MESSAGES/django.po"],
        },
    }


def test_no_msgid_is_translated_differently_by_two_catalogues():
    conflicts = conflicting_translations(catalogues("*"))
    assert not conflicts, (
        f"{len(conflicts)} msgids translated differently by two catalogues of one language; "
        "only one translation is shown on every page. Give each meaning its own context "
        "(pgettext, {% translate ... context ... %}) or make the translations the same:\n"
        + "\n".join(
            f"  {language} {msgctxt + ' | ' if msgctxt else ''}{msgid!r}: "
            + "; ".join(
                f"{translation!r} in {', '.join(paths)}"
                for translation, paths in translations.items()
            )
            for (language, msgctxt, msgid), translations in sorted(
                conflicts.items(), key=lambda item: (item[0][0], item[0][1] or "", item[0][2])
            )
        )
    )
