"""The visitors' cache: what an anonymous visitor is shown (lists, detail
pages, the fund's statement, feeds, the API) comes from the shared cache
(Redis in production, the file cache in embedded mode), and is never stale.

**Never stale.** Every page is stored with the *content version* it was
rendered under, a token kept in the cache itself, and served only while that
token is current (one round trip reads both). Any write to the database (a
form, the admin, a Celery task, ``QuerySet.update()``, ``bulk_create``, raw
SQL) drops the token once its transaction commits, so the very next request
renders afresh and replaces the stored page. Dropping it after the commit,
never before, is what keeps a request that read the old rows from storing
them under the new token. What changes by the clock alone also changes the token: the date,
and the moments the apps register (``sections.CLOCK``: a call for proposals
opening, a registration closing), so that a page is never served past the
moment it would read differently.

**Never leaking.** Only a request that carries no session and no messages
cookie is served from or stored into the cache, so whoever is signed in
(or holds a message) always gets a page rendered for them; a page is stored
only if rendering it used no CSRF token, set no cookie, touched no session,
asked not to be cached and wrote nothing. Pages vary by language (resolved
by LocaleMiddleware from the language cookie or the browser's
Accept-Language), by address (scheme, host, path and query) and by nothing
personal.

Stored pages are sent with an ETag and ``Cache-Control: public, no-cache``
(a proxy may keep them but asks each time; an unchanged page is then a 304);
pages rendered for someone are ``private``."""

import datetime
import hashlib
import re
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone, translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.deprecation import MiddlewareMixin

from . import sections

STATE_KEY = "visitor-cache:state"
# A page or a fragment is kept with the content version it was built under,
# and served only while that version is current.
PAGE_KEY = "visitor-cache:page:{release}:{language}:{address}"
FRAGMENT_KEY = "visitor-cache:fragment:{release}:{name}:{language}:{parts}"

# The request headers a page may vary on besides the language and the
# cookies (the API's format, htmx asking for a page's results only): they are
# part of the key. A page varying on any other header is not stored.
KEY_HEADERS = ("Accept", "HX-Request", "HX-History-Restore-Request")

# Tables written for reasons no public page shows, often (a signed-in
# person's every request saves their session; the worker marks each email it
# sends): writing them leaves the visitors' pages as they are.
UNSEEN_TABLES = frozenset(
    {
        "django_session",
        "django_admin_log",
        "axes_accessattempt",
        "axes_accesslog",
        "axes_accessfailurelog",
        "core_emaildelivery",
        # Download counts: shown in the admin only.
        "library_downloadcount",
        # Who follows what in the forum and who reported which post: shown
        # to the person and to staff only.
        "forum_follow",
        "forum_report",
        # Who was asked to evaluate a meeting, and the answers: shown to staff only.
        "evaluations_invitation",
        "evaluations_response",
        "evaluations_answer",
        "otp_totp_totpdevice",
        "otp_static_staticdevice",
        "otp_static_statictoken",
        "django_celery_beat_periodictask",
        "django_celery_beat_periodictasks",
        "django_celery_beat_clockedschedule",
        "django_celery_beat_crontabschedule",
        "django_celery_beat_intervalschedule",
        "django_celery_beat_solarschedule",
    }
)

# What Django writes with: INSERT (SQLite's "INSERT OR IGNORE" for
# bulk_create(ignore_conflicts=True) too), UPDATE and DELETE.
_WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


def _release():
    """A deployment migrates, which renews the content version. In
    development, code and templates change without one: each start of the
    server (runserver starts again on every change) keeps pages of its own."""
    return f"debug-{time.time_ns()}" if settings.DEBUG else ""


RELEASE = _release()


def enabled():
    return settings.VISITOR_CACHE


def tracking():
    """Whether writes renew the content version: when pages or fragments
    are kept under it."""
    return settings.VISITOR_CACHE or settings.FRAGMENT_CACHE


def fragment(name, parts, render):
    """``render()``'s text, kept under the content version and the language
    for ``parts`` (everything else it depends on: never the reader), so that
    markup drawn from content that seldom changes (a filter's hundreds of
    choices) is built once per change, for visitors and signed-in people
    alike."""
    # Its text names the fragment: ``parts`` may hold lists, which a dict
    # cannot be keyed by.
    key = repr(parts)
    return fragments(name, [key], lambda missing: {key: render()})[key]


def fragments(name, parts_list, render_missing):
    """Several fragments of one kind (a page of cards), ``{parts: text}``, in
    one round trip to the cache. ``render_missing(parts_list)`` renders those
    not kept under the content version, ``{parts: text}``, leaving out what
    no longer exists: a list whose cards are all kept loads nothing from the
    database but their keys."""
    if not settings.FRAGMENT_CACHE:
        return render_missing(list(parts_list))
    keys = {parts: _fragment_key(name, parts) for parts in parts_list}
    kept = cache.get_many([STATE_KEY, *keys.values()])
    token = _token(kept.get(STATE_KEY), timezone.now())
    texts = {}
    for parts, key in keys.items():
        entry = kept.get(key)
        if entry is not None and entry[0] == token:
            texts[parts] = entry[1]
    missing = [parts for parts in keys if parts not in texts]
    if missing:
        made = render_missing(missing)
        cache.set_many(
            {keys[parts]: (token, text) for parts, text in made.items()},
            timeout=settings.VISITOR_CACHE_SECONDS,
        )
        texts.update(made)
    return texts


def _fragment_key(name, parts):
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return FRAGMENT_KEY.format(
        release=RELEASE, name=name, language=translation.get_language(), parts=digest
    )


def _read(key, now=None):
    """(the content version now, what ``key`` keeps under it or None), in one
    round trip to the cache. An entry kept under an older version is
    replaced by the next one stored: dead copies do not pile up."""
    kept = cache.get_many([STATE_KEY, key])
    token = _token(kept.get(STATE_KEY), now or timezone.now())
    entry = kept.get(key)
    if entry is not None and entry[0] == token:
        return token, entry[1]
    return token, None


# The content version ---------------------------------------------------------


def content_version(now=None):
    """The token pages are stored under now: a new one after any write, on a
    new day and at each registered moment."""
    return _token(cache.get(STATE_KEY), now or timezone.now())


def _token(state, now):
    if state is not None and now < state["until"]:
        return state["token"]
    until = _next_change(now)
    token = secrets.token_hex(8)
    cache.set(STATE_KEY, {"token": token, "until": until}, timeout=None)
    return token


def content_changed():
    """Called once a write has committed: the next request renders afresh."""
    cache.delete(STATE_KEY)


def _next_change(now):
    """The first moment after ``now`` at which a page may read differently
    without any write: the next midnight, or sooner a registered moment."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    moments = [moment for moment in sections.collect(sections.CLOCK, now) if moment > now]
    return min([midnight, *moments])


def note_writes(execute, sql, params, many, context):
    """A database execute wrapper (installed on every connection): a write to
    a table a page may show drops the content version when it commits."""
    result = execute(sql, params, many, context)
    if tracking():
        write = _WRITE.match(sql)
        if write and write.group(1).lower() not in UNSEEN_TABLES:
            connection = context["connection"]
            # Once per transaction is enough; a rolled-back one forgets it.
            pending = (entry[1] for entry in connection.run_on_commit)
            if content_changed not in pending:
                transaction.on_commit(content_changed, using=connection.alias, robust=True)
    return result


def install_write_hook(sender, connection, **kwargs):
    """connection_created: watch the new connection's writes."""
    if note_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(note_writes)


# The middleware -------------------------------------------------------------


class VisitorCacheMiddleware(MiddlewareMixin):
    """Serves and stores anonymous visitors' pages (after the language, the
    session, authentication and messages middleware, so that it sees what
    they decided)."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (enabled() and _is_visitor(request)) or request.method not in ("GET", "HEAD"):
            return None
        if request.resolver_match and "admin" in request.resolver_match.namespaces:
            return None
        key = PAGE_KEY.format(
            release=RELEASE, language=translation.get_language(), address=_address(request)
        )
        try:
            token, response = _read(key)
        except (OperationalError, InterfaceError):
            # The clock's moments come from the database: without it, the
            # view answers as it does (DatabaseUnavailableMiddleware's 503).
            return None
        request.visitor_cache_key = key
        request.visitor_cache_token = token
        if response is None:
            return None
        request.visitor_cache_hit = True
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    def process_response(self, request, response):
        key = getattr(request, "visitor_cache_key", None)
        if key is None:
            if not response.has_header("Cache-Control") and not _is_visitor(request):
                patch_cache_control(response, private=True)
            return response
        if getattr(request, "visitor_cache_hit", False) or not _may_store(request, response):
            return response
        state = cache.get(STATE_KEY)
        if state is None or state["token"] != request.visitor_cache_token:
            # The request wrote something: what it rendered may be older
            # than what the next request reads.
            return response
        set_response_etag(response)
        patch_cache_control(response, public=True, no_cache=True)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        entry = (request.visitor_cache_token, response)
        cache.set(key, entry, timeout=settings.VISITOR_CACHE_SECONDS)
        return get_conditional_response(request, etag=response["ETag"], response=response)


def _address(request):
    """The page's full address and the headers it may vary on, hashed."""
    parts = [request.build_absolute_uri(), *(request.headers.get(h, "") for h in KEY_HEADERS)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _is_visitor(request):
    """No session and no message: nothing on the page can be personal."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _may_store(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or messages.added_new):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store", "max-age=0")):
        return False
    known = {"cookie", "accept-language", *(header.lower() for header in KEY_HEADERS)}
    return all(header.strip().lower() in known for header in _vary(response))


def _vary(response):
    return [header for header in response.get("Vary", "").split(",") if header.strip()]
