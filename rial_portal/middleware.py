import logging
import re
import uuid

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("rial_portal.database")

# Seconds a client is asked to wait before trying again.
RETRY_AFTER = 30

REQUEST_ID_HEADER = "X-Request-ID"
# What a proxy's request id looks like (a UUID, nginx's $request_id, a
# load balancer's trace id): anything else is not copied into the logs.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


class RequestIdMiddleware:
    """Gives each request an id, its proxy's X-Request-ID if that is a plain
    token (letters, digits, ``.``, ``_``, ``:``, ``-``, at most 128), else a
    new UUID, and sends it back in the response's X-Request-ID. Whatever a
    client sent in its place never reaches a log line, so it cannot forge
    entries or break a log collector's parsing. django-structlog's
    RequestMiddleware reads the id from the header this leaves, and binds it
    to every line of the request and of the Celery tasks it queues."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # From META, not request.headers: that is cached on first use, and
        # django-structlog must read the value set here.
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = given if SANE_REQUEST_ID.fullmatch(given) else str(uuid.uuid4())
        request.META["HTTP_X_REQUEST_ID"] = request_id
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        return response


class DatabaseUnavailableMiddleware:
    """A request whose database connection fails (the server restarting, a
    connection cut by the network or a failover) answers 503 with a page
    asking to try again, instead of a 500. The transaction it was in is rolled
    back by the database, so nothing of the request is saved, and Django opens
    a new connection for the next request. Other database errors (constraint
    violations, programming errors) are bugs and stay 500s."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error(
            "Database unavailable during %s %s", request.method, request.path, exc_info=True
        )
        # Rendered without the request's context: the user, the session and
        # anything else that needs the database would fail again.
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
