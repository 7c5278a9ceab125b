"""Error reports to Sentry (or a service that speaks its protocol, such as
GlitchTip), only when SENTRY_DSN is set. Reports leave the portal, so they
carry no personal data: no cookies, no request bodies, no local variables,
no email address anywhere in the text; a signed-in person is named by their
id alone."""

import re

FILTERED = "[Filtered]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Headers that carry a session, a credential or a CSRF token.
SECRET_HEADERS = {"cookie", "set-cookie", "authorization", "proxy-authorization", "x-csrftoken"}


def _without_emails(value):
    if isinstance(value, str):
        return EMAIL.sub(FILTERED, value)
    if isinstance(value, dict):
        return {key: _without_emails(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_without_emails(item) for item in value]
    return value


def scrub_event(event, hint):
    """Sentry's ``before_send``: the event without personal data."""
    request = event.get("request")
    if request:
        request.pop("cookies", None)
        # A form's fields: names, addresses, notes, passwords.
        request.pop("data", None)
        headers = request.get("headers") or {}
        for name in headers:
            if name.lower() in SECRET_HEADERS:
                headers[name] = FILTERED
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return _without_emails(event)


def error_reporting_start(*, dsn, environment, release, traces_sample_rate):
    """Send unhandled errors (web requests, Celery tasks) and ERROR log lines."""
    # Imported here: the SDK is loaded only where reporting is on.
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        # Transactions and their spans hold SQL and URLs as errors do.
        before_send_transaction=scrub_event,
    )
