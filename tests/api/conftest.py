import pytest
from django.urls import reverse


@pytest.fixture
def api(client):
    """api(route name, kwargs, **query) -> the response of a GET to the API."""

    def get(name, kwargs=None, **query):
        return client.get(reverse(f"api:{name}", kwargs=kwargs), query)

    return get


def listed(response, key="slug"):
    """The ``key`` of each result of a list response."""
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["results"]]
