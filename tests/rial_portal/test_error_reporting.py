"""Error reports (SENTRY_DSN) leave the portal without personal data: the
scrubber on an event as the SDK builds it, and a real SDK reporting to an
HTTP server on loopback that stands in for Sentry."""

import gzip
import http.server
import json
import threading

import pytest

from rial_portal.error_reporting import FILTERED, scrub_event
from tests.rial_portal.test_settings import run_python


def test_scrub_event_removes_cookies_bodies_secret_headers_and_emails():
    event = {
        "message": "Could not mail ana.perez@trabajo.gob.ar about delivery 42",
        "exception": {
            "values": [{"type": "SMTPRecipientsRefused", "value": "{'bob@example.org': 550}"}]
        },
        "request": {
            "url": "https://rial.example.org/newsletter/subscribe/",
            "method": "POST",
            "cookies": {"sessionid": "abc", "csrftoken": "def"},
            "data": {"email": "ana.perez@trabajo.gob.ar", "name": "Ana Pérez"},
            "headers": {
                "Cookie": "sessionid=abc",
                "Authorization": "Basic c2VjcmV0",
                "X-CSRFToken": "def",
                "User-Agent": "Firefox",
            },
        },
        "user": {"id": "17", "email": "ana.perez@trabajo.gob.ar", "ip_address": "192.0.2.1"},
        "breadcrumbs": {
            "values": [
                {
                    "category": "query",
                    "message": 'SELECT … WHERE "email" = %s',
                    "data": {"params": ["ana.perez@trabajo.gob.ar"]},
                }
            ]
        },
        "extra": {"sys.argv": ["manage.py"]},
    }

    scrubbed = scrub_event(event, hint={})

    assert scrubbed["message"] == f"Could not mail {FILTERED} about delivery 42"
    assert scrubbed["exception"]["values"][0]["value"] == f"{{'{FILTERED}': 550}}"
    assert "cookies" not in scrubbed["request"]
    assert "data" not in scrubbed["request"]
    assert scrubbed["request"]["headers"] == {
        "Cookie": FILTERED,
        "Authorization": FILTERED,
        "X-CSRFToken": FILTERED,
        "User-Agent": "Firefox",
    }
    assert scrubbed["request"]["url"] == "https://rial.example.org/newsletter/subscribe/"
    assert scrubbed["user"] == {"id": "17"}
    assert scrubbed["breadcrumbs"]["values"][0]["data"] == {"params": [FILTERED]}
    assert scrubbed["extra"] == {"sys.argv": ["manage.py"]}
    assert "@" not in json.dumps(scrubbed)


@pytest.fixture
def sentry_server():
    """An HTTP server on loopback that takes Sentry envelopes: yields its port
    and the list of the items received (JSON objects)."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "br":
                # The SDK uses Brotli when the module is there: then so is it here.
                import brotli

                body = brotli.decompress(body)
            received.extend(json.loads(line) for line in body.splitlines() if line.strip())
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], received
    finally:
        server.shutdown()
        server.server_close()


REPORT_AN_ERROR = """
import logging, django, sentry_sdk
django.setup()
logging.getLogger("core.mail").error("Mail to ana.perez@trabajo.gob.ar refused")
try:
    raise ValueError("No account for bob@example.org")
except ValueError:
    sentry_sdk.capture_exception()
sentry_sdk.flush(timeout=10)
"""


def test_error_reports_reach_the_service_without_email_addresses(tmp_path, sentry_server):
    port, received = sentry_server

    result = run_python(
        REPORT_AN_ERROR,
        tmp_path,
        DEBUG="true",
        SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/1",
        SENTRY_ENVIRONMENT="ci",
    )

    assert result.returncode == 0, result.stderr
    events = [item for item in received if item.get("level") == "error"]
    assert {event["environment"] for event in events} == {"ci"}
    messages = [
        event.get("logentry", {}).get("message")
        or event.get("logentry", {}).get("formatted")
        or event["exception"]["values"][-1]["value"]
        for event in events
    ]
    assert sorted(messages) == sorted([f"Mail to {FILTERED} refused", f"No account for {FILTERED}"])
    assert "@example.org" not in json.dumps(received)
    assert "trabajo.gob.ar" not in json.dumps(received)


def test_without_a_dsn_nothing_is_reported(tmp_path):
    result = run_python(
        "import django, sentry_sdk; django.setup(); print(sentry_sdk.get_client().is_active())",
        tmp_path,
        DEBUG="true",
    )

    assert result.stdout.strip() == "False"
