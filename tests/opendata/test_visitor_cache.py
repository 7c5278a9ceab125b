"""The open-data pages in the visitors' cache (core/visitor_cache.py): the
index, the Data Package and the catalogue are kept like other public pages;
the streamed files are not (the cache stores whole responses only), so each
download reads the database afresh."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.portfolio.factories import ProgramFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("visitor_cache_on")]


@pytest.mark.parametrize("name", ["opendata:index", "opendata:datapackage", "opendata:catalog"])
def test_a_visitor_s_second_request_comes_from_the_cache(client, name):
    url = reverse(name)
    first = client.get(url)
    second = client.get(url)
    assert second.content == first.content
    assert second["Cache-Control"] == "public, no-cache"
    assert second["ETag"] == first["ETag"]


def test_a_file_is_streamed_afresh_for_each_visitor(client):
    url = reverse("opendata:dataset_file", kwargs={"slug": "programs", "fmt": "csv"})
    b"".join(client.get(url).streaming_content)
    ProgramFactory(title_en="Published a moment ago")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        text = b"".join(response.streaming_content).decode()
    assert "Published a moment ago" in text
    assert len(context) > 0
    assert "ETag" not in response
