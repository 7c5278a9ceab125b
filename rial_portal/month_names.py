"""The month names inside dates ("13 de maio de 2004"), marked here so that the
project's catalogues give them.

Django formats the month of a date with its own catalogue, and its Portuguese
one capitalizes months ("13 de Maio de 2004"), which Brazilian Portuguese does
not. The project's catalogues (LOCALE_PATHS) come before Django's, so the names
they hold for these msgids are the ones every date shows. The msgids are
Django's own (``django.utils.dates.MONTHS``); tests/test_translations.py checks
that they still are."""

from django.utils.translation import gettext_lazy as _

MONTHS = {
    1: _("January"),
    2: _("February"),
    3: _("March"),
    4: _("April"),
    5: _("May"),
    6: _("June"),
    7: _("July"),
    8: _("August"),
    9: _("September"),
    10: _("October"),
    11: _("November"),
    12: _("December"),
}
