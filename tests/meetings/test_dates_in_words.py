"""A meeting's dates read as each language writes them, however precisely
they are known: "beginning of April 2006", "principios de abril de 2006",
"début avril 2006"."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from meetings.enums import DatePrecision, MonthPart
from meetings.models import Meeting

D = datetime.date
MEETINGS = {
    "beginning": {
        "date_precision": DatePrecision.MONTH,
        "start_date": D(2006, 4, 1),
        "month_part": MonthPart.BEGINNING,
    },
    "middle": {
        "date_precision": DatePrecision.MONTH,
        "start_date": D(2006, 4, 1),
        "month_part": MonthPart.MIDDLE,
    },
    "end": {
        "date_precision": DatePrecision.MONTH,
        "start_date": D(2006, 4, 1),
        "month_part": MonthPart.END,
    },
    "month": {"date_precision": DatePrecision.MONTH, "start_date": D(2006, 8, 1)},
    "first semester": {"date_precision": DatePrecision.SEMESTER, "start_date": D(2006, 1, 1)},
    "second semester": {"date_precision": DatePrecision.SEMESTER, "start_date": D(2006, 7, 1)},
    "year": {"date_precision": DatePrecision.YEAR, "start_date": D(2007, 1, 1)},
    "undefined": {"date_precision": DatePrecision.UNDEFINED},
    "days of a month": {
        "date_precision": DatePrecision.DAY,
        "start_date": D(2004, 5, 13),
        "end_date": D(2004, 5, 14),
    },
    "days of a year": {
        "date_precision": DatePrecision.DAY,
        "start_date": D(2004, 5, 30),
        "end_date": D(2004, 6, 2),
    },
}
EXPECTED = {
    "es": {
        "beginning": "principios de abril de 2006",
        "middle": "mediados de abril de 2006",
        "end": "finales de abril de 2006",
        "month": "agosto de 2006",
        "first semester": "primer semestre de 2006",
        "second semester": "segundo semestre de 2006",
        "year": "2007",
        "undefined": "Por definir",
        "days of a month": "13–14 de mayo de 2004",
        "days of a year": "30 de mayo – 2 de junio de 2004",
    },
    "fr": {
        "beginning": "début avril 2006",
        "middle": "mi-avril 2006",
        "end": "fin avril 2006",
        "month": "août 2006",
        "first semester": "premier semestre 2006",
        "second semester": "second semestre 2006",
        "year": "2007",
        "undefined": "À définir",
        "days of a month": "13–14 mai 2004",
        "days of a year": "30 mai – 2 juin 2004",
    },
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_dates_in_words_read_as_the_language_writes_them(language):
    with translation.override(language):
        shown = {name: Meeting(**fields).dates_display() for name, fields in MEETINGS.items()}
    assert shown == EXPECTED[language]


def test_a_day_and_an_hour_read_as_french_writes_them():
    moment = datetime.datetime(2026, 12, 21, 8, 55)
    with translation.override("fr"):
        assert date_format(moment, "DATETIME_FORMAT") == "21 décembre 2026 à 08:55"
