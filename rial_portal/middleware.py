import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("rial_portal.database")

# Seconds a client is asked to wait before trying again.
RETRY_AFTER = 30


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
