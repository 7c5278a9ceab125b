"""The database connection dropped in the middle of a request.

PostgreSQL itself ends the session, at the exact moment a row is inserted
(a trigger calls pg_terminate_backend on its own connection), as a failover or
a cut network would. The portal runs behind a real HTTP server (pytest-django's
live server, in its own thread and with its own connection), so Django's
request cycle closes the broken connection as it does in production.

The person gets a 503 asking to try again; nothing of the request is saved
and no email leaves; sending the form again works and sends one email."""

import contextlib
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from newsletter.models import Subscriber
from tests.conftest import wait_for

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


@contextlib.contextmanager
def connection_cut_on_insert(table):
    """While active, the database ends the session of whoever inserts into ``table``."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION rial_test_cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$"
        )
        cursor.execute(
            f"CREATE TRIGGER rial_test_cut_connection BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION rial_test_cut_connection()"
        )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER rial_test_cut_connection ON {table}")
            cursor.execute("DROP FUNCTION rial_test_cut_connection()")


class Browser:
    """Just enough of a browser: cookies, and forms posted with their CSRF token."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base_url + path, timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, path, data):
        _status, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        request = urllib.request.Request(
            self.base_url + path, data=body.encode(), headers={"Referer": self.base_url + path}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.url
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.url


def test_a_connection_dropped_mid_request_saves_nothing_and_the_retry_sends_once(
    live_server, celery_worker, smtp_server, settings
):
    # The live server speaks plain HTTP: a Secure cookie would never come back.
    settings.CSRF_COOKIE_SECURE = False
    browser = Browser(live_server.url)
    form = {"email": "ana@example.org", "languages": ["es"]}

    # The subscription is saved first; the cut comes with its confirmation email.
    with connection_cut_on_insert(EmailDelivery._meta.db_table):
        status, headers, _url = browser.post("/newsletter/subscribe/", form)

    assert status == 503
    assert headers["Retry-After"] == "30"
    assert not Subscriber.objects.exists()
    assert not EmailDelivery.objects.exists()

    status, _headers, url = browser.post("/newsletter/subscribe/", form)

    assert status == 200
    assert url.endswith("/newsletter/subscribe/sent/")
    assert Subscriber.objects.get().email == "ana@example.org"
    assert wait_for(lambda: EmailDelivery.objects.filter(status=DeliveryStatus.SENT).exists())
    assert [message["To"] for message in smtp_server] == ["ana@example.org"]
    assert browser.get("/")[0] == 200
