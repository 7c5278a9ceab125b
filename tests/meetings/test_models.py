import datetime

import pytest
from django.utils import translation

from meetings.enums import DatePrecision, MonthPart
from meetings.models import Meeting

CASES = {
    "month part": {
        "date_precision": DatePrecision.MONTH,
        "start_date": datetime.date(2006, 4, 1),
        "month_part": MonthPart.BEGINNING,
    },
    "month": {"date_precision": DatePrecision.MONTH, "start_date": datetime.date(2007, 9, 1)},
    "semester": {"date_precision": DatePrecision.SEMESTER, "start_date": datetime.date(2006, 7, 1)},
    "to be defined": {"date_precision": DatePrecision.UNDEFINED},
    "one day": {"date_precision": DatePrecision.DAY, "start_date": datetime.date(2015, 4, 29)},
    "days of one month": {
        "date_precision": DatePrecision.DAY,
        "start_date": datetime.date(2004, 5, 13),
        "end_date": datetime.date(2004, 5, 14),
    },
    "days of one year": {
        "date_precision": DatePrecision.DAY,
        "start_date": datetime.date(2006, 4, 30),
        "end_date": datetime.date(2006, 5, 2),
    },
    "days across years": {
        "date_precision": DatePrecision.DAY,
        "start_date": datetime.date(2006, 12, 30),
        "end_date": datetime.date(2007, 1, 2),
    },
}


@pytest.mark.parametrize(
    ("language", "case", "displayed"),
    [
        ("es", "month part", "principios de abril de 2006"),
        ("es", "semester", "segundo semestre de 2006"),
        ("es", "days of one month", "13–14 de mayo de 2004"),
        ("pt", "month part", "início de abril de 2006"),
        ("pt", "month", "setembro de 2007"),
        ("pt", "semester", "segundo semestre de 2006"),
        ("pt", "to be defined", "A definir"),
        ("pt", "one day", "29 de abril de 2015"),
        ("pt", "days of one month", "13 a 14 de maio de 2004"),
        ("pt", "days of one year", "30 de abril a 2 de maio de 2006"),
        ("pt", "days across years", "30 de dezembro de 2006 a 2 de janeiro de 2007"),
    ],
)
def test_dates_read_in_the_order_and_words_of_each_language(language, case, displayed):
    with translation.override(language):
        assert Meeting(**CASES[case]).dates_display() == displayed
