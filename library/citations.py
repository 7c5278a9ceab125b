"""References to a library item in APA (7th edition) and BibTeX.

Both are written in English conventions (month names, "&") whatever the
reader's language, as the styles define them; the title is the item's in the
reader's language when it has one."""

import re

from django.utils.text import slugify

from .enums import DatePrecision, ItemKind

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The names babel and biblatex give the content languages.
BABEL_LANGUAGES = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french"}
# Studies, reports and toolkits are the grey literature BibTeX calls reports.
REPORT_KINDS = frozenset({ItemKind.STUDY, ItemKind.REPORT, ItemKind.TOOLKIT})


def _initials(given_names):
    """ "María José" → "M. J."; "Jean-Luc" → "J.-L."."""
    words = []
    for word in given_names.split():
        parts = [part[0].upper() + "." for part in word.split("-") if part]
        words.append("-".join(parts))
    return " ".join(words)


def institution_name(institution, year):
    """The name the institution bore in ``year``, with its member state: a
    ministry is cited as it signed the work."""
    name = institution.name_in(year)
    if institution.member_state_id:
        return f"{name} ({institution.member_state})"
    return name


def _apa_name(authorship, year):
    if not authorship.is_person:
        return institution_name(authorship.institution, year)
    initials = _initials(authorship.given_names)
    return f"{authorship.family_name}, {initials}" if initials else authorship.family_name


def _apa_names(names):
    if len(names) == 1:
        return names[0]
    # APA 7 lists up to 20 authors; beyond that the first 19, an ellipsis and the last.
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa_date(item):
    date = item.published_on
    if item.date_precision == DatePrecision.DAY:
        return f"{date.year}, {MONTHS[date.month - 1]} {date.day}"
    if item.date_precision == DatePrecision.MONTH:
        return f"{date.year}, {MONTHS[date.month - 1]}"
    return str(date.year)


def _sentence(text):
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def apa(item, *, url=""):
    authors = item.authors()
    publisher = institution_name(item.owner, item.year)
    names = [_apa_name(a, item.year) for a in authors] or [publisher]
    parts = [_sentence(_apa_names(names)), f"({_apa_date(item)})."]
    title = item.title.strip()
    if item.identifier:
        title += f" ({item.identifier})"
    parts.append(_sentence(title))
    # A work by its publisher names it once, as its author.
    if names != [publisher]:
        parts.append(_sentence(publisher))
    address = url or item.url
    if address:
        parts.append(address)
    return " ".join(parts)


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}~^\\])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\^{}"}


def _bibtex_escape(text):
    return _BIBTEX_SPECIAL.sub(
        lambda match: _BIBTEX_REPLACEMENTS.get(match.group(1), "\\" + match.group(1)), text
    )


def _bibtex_name(authorship, year):
    if not authorship.is_person:
        # Braces keep an institution's name whole instead of read as "Last, First".
        return "{" + _bibtex_escape(institution_name(authorship.institution, year)) + "}"
    name = _bibtex_escape(authorship.family_name)
    if authorship.given_names:
        name += ", " + _bibtex_escape(authorship.given_names)
    return name


def bibtex(item, *, url=""):
    is_report = item.kind in REPORT_KINDS
    publisher = _bibtex_escape(institution_name(item.owner, item.year))
    authors = item.authors()
    fields = [
        (
            "author",
            " and ".join(_bibtex_name(a, item.year) for a in authors) or "{" + publisher + "}",
        ),
        # Double braces keep the title's capitals as written.
        ("title", "{" + _bibtex_escape(item.title.strip()) + "}"),
        ("institution" if is_report else "publisher", publisher),
        ("year", str(item.year)),
    ]
    month = None
    if item.date_precision != DatePrecision.YEAR:
        month = BIBTEX_MONTHS[item.published_on.month - 1]
    if item.identifier:
        fields.append(("number" if is_report else "note", _bibtex_escape(item.identifier)))
    address = url or item.url
    if address:
        fields.append(("url", address))
    fields.append(("language", BABEL_LANGUAGES.get(item.language, item.language)))
    lines = [f"@{'techreport' if is_report else 'book'}{{{bibtex_key(item)},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    if month:
        # A month is a BibTeX macro: written without braces.
        lines.append(f"  month = {month},")
    lines.append("}")
    return "\n".join(lines)


def bibtex_key(item):
    """The first author's (or the publisher's) name, the year and the
    title's first word: "mayer2015feasibility"."""
    authors = item.authors()
    lead = authors[0] if authors else None
    if lead is not None and lead.is_person:
        name = lead.family_name
    else:
        name = (lead.institution if lead is not None else item.owner).name_in(item.year)
    words = slugify(name).split("-")
    first_word = slugify(item.title).split("-")[0]
    return f"{words[0] if words else 'rial'}{item.year}{first_word}"
