"""?page= on every list page: below 1 or not a number is the first page,
past the end the last, never an error."""

import pytest
from django.urls import reverse

from core.pagination import Paginator
from tests.meetings.factories import MeetingFactory
from tests.portfolio.factories import ProgramFactory

PAGES = Paginator(list(range(25)), 10)


@pytest.mark.parametrize(
    ("asked", "number"),
    [
        ("0", 1),
        ("-1", 1),
        ("-99999999999999999999999", 1),
        ("abc", 1),
        ("1.5", 1),
        ("", 1),
        (None, 1),
        ("2", 2),
        ("3", 3),
        ("4", 3),
        ("99999999999999999999999", 3),
    ],
)
def test_a_page_number_out_of_range_or_not_a_number_gives_the_nearest_page(asked, number):
    assert PAGES.get_page(asked).number == number


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "module", "factory"),
    [
        ("meetings:meeting_list", "meetings.views", MeetingFactory),
        ("portfolio:program_list", "portfolio.views", ProgramFactory),
    ],
)
@pytest.mark.parametrize("asked", ["0", "-1"])
def test_list_pages_show_the_first_page_for_page_zero_or_below(
    client, monkeypatch, url_name, module, factory, asked
):
    monkeypatch.setattr(f"{module}.PAGE_SIZE", 1)
    factory.create_batch(3)

    response = client.get(reverse(url_name), {"page": asked})

    assert response.status_code == 200
    assert response.context["page"].number == 1
    assert "Page 1 of 3" in response.content.decode()
