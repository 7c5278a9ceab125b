"""What the health endpoints check: each check answers "ok" or
"error: <exception class>", never the message (it may name a host or a
password in a URL)."""

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from kombu import Connection

# Seconds a check may wait for its server: a probe must answer before the
# load balancer's own timeout, and a server that hangs is as bad as one down.
CHECK_TIMEOUT = 2


def _outcome(check):
    try:
        return check()
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        return f"error: {error.__class__.__name__}"


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _cache():
    cache.set("health-check", "ok", timeout=5)
    return "ok" if cache.get("health-check") == "ok" else "error: no round trip"


def broker_connection():
    """A connection to Celery's broker, connected, that gives up after
    CHECK_TIMEOUT; close it after use (``with``)."""
    options = {**settings.CELERY_BROKER_TRANSPORT_OPTIONS, "socket_timeout": CHECK_TIMEOUT}
    broker = Connection(
        settings.CELERY_BROKER_URL, connect_timeout=CHECK_TIMEOUT, transport_options=options
    )
    try:
        broker.ensure_connection(max_retries=0)
    except Exception:
        broker.release()
        raise
    return broker


def _broker():
    """Celery's broker accepts a connection: what queues emails and reminders."""
    with broker_connection():
        return "ok"


CHECKS = {"database": _database, "cache": _cache, "broker": _broker}


def health_checks(*names):
    """{name: "ok" or "error: ..."} for the checks named, in that order."""
    return {name: _outcome(CHECKS[name]) for name in names}
