"""The API's ground rules: read-only, anonymous, throttled per address, no
cross-origin reads by default, under the same Content-Security-Policy."""

import uuid

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import FocalPointFactory, TopicFactory
from tests.rial_portal.test_settings import load_settings, run_python

pytestmark = pytest.mark.django_db

URL = "/api/v1/topics/"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused(client, method):
    topic = TopicFactory()

    response = getattr(client, method)(f"{URL}{topic.slug}/", {"name": "Changed"})

    assert response.status_code == 405
    topic.refresh_from_db()
    assert topic.name != "Changed"


def test_a_signed_in_post_without_a_csrf_token_is_405_not_403():
    """No session authentication: CSRF never matters, even for a signed-in person."""
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(FocalPointFactory())

    assert strict.post(URL).status_code == 405


def test_no_cross_origin_header_is_sent_by_default(client):
    response = client.get(URL, headers={"origin": "https://partner.example.org"})

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_each_address_is_throttled_past_its_rate(client, settings):
    settings.API_THROTTLE_RATE = "3/min"
    # An address of this test alone: the cache is shared with other test processes.
    address = f"203.0.113.{uuid.uuid4().int % 250}"
    cache.delete(f"throttle_api_{address}")
    try:
        statuses = [client.get(URL, REMOTE_ADDR=address).status_code for _ in range(4)]
        other = client.get(URL, REMOTE_ADDR="198.51.100.7").status_code
    finally:
        cache.delete(f"throttle_api_{address}")
        cache.delete("throttle_api_198.51.100.7")

    assert statuses == [200, 200, 200, 429]
    assert other == 200


def test_behind_a_proxy_the_client_address_is_the_one_the_proxy_adds(client, settings):
    settings.API_THROTTLE_RATE = "1/min"
    proxy = "10.0.0.1"
    clients = [f"192.0.2.{uuid.uuid4().int % 250}", f"198.51.100.{uuid.uuid4().int % 250}"]
    keys = [f"throttle_api_{address}" for address in [proxy, *clients]]
    cache.delete_many(keys)
    try:
        statuses = [
            client.get(
                URL, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {address}"
            ).status_code
            for address in clients
        ]
    finally:
        cache.delete_many(keys)

    assert statuses == [200, 200]


def test_responses_carry_the_content_security_policy(client):
    response = client.get(URL)

    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["", "topics/", "programs/", "meetings/", "documents/", "fund/statement/"]
)
def test_the_browsable_api_renders_for_a_browser(client, path):
    TopicFactory(name_en="Social dialogue")

    response = client.get(f"/api/v1/{path}", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    if path == "topics/":
        assert "Social dialogue" in response.content.decode()


@pytest.mark.parametrize("path", ["no-such-thing/", "topics/a/b/", "topics/%0A%C2%A8/"])
def test_an_unknown_address_is_a_json_404(client, path):
    response = client.get(f"/api/v1/{path}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_address_without_its_slash_is_redirected_to_it(client):
    response = client.get("/api/v1/topics")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/topics/"


def test_the_throttle_rate_comes_from_the_environment(tmp_path):
    settings = load_settings(tmp_path, DEBUG="true", API_THROTTLE_RATE="5000/day")

    assert settings["API_THROTTLE_RATE"] == "5000/day"


def test_a_throttle_rate_that_means_nothing_stops_the_start(tmp_path):
    result = run_python(
        "import django; django.setup()", tmp_path, DEBUG="true", API_THROTTLE_RATE="lots"
    )

    assert result.returncode != 0
    assert "API_THROTTLE_RATE is 'lots'" in result.stderr
