"""The filter forms of the public lists: every select offers "All" first, in
the reader's language, never Django's "---------"; on a phone the form folds
behind a "Filter" button that works without JavaScript."""

import re

import pytest
from django.urls import reverse

from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db

LISTS = [
    "portfolio:program_list",
    "meetings:meeting_list",
    "meetings:document_list",
    "cooperation:activity_list",
    "cooperation:need_list",
]


def empty_choices(html):
    return re.findall(r'<option value=""[^>]*>([^<]*)</option>', html)


@pytest.mark.parametrize("url_name", LISTS)
@pytest.mark.parametrize(("language", "label"), [("en", "All"), ("es", "Todos")])
def test_every_filter_select_offers_all_in_the_readers_language(client, url_name, language, label):
    TopicFactory()

    html = client.get(reverse(url_name), headers={"accept-language": language}).content.decode()

    assert empty_choices(html)
    assert set(empty_choices(html)) == {label}
    assert "---------" not in html
