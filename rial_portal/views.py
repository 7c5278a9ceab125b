"""Project-level views that belong to no app."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST

from core import sections
from network import selectors as directory

from . import rules
from .health import health_checks
from .metrics import metrics_exposition


@require_safe
def home(request):
    return render(
        request,
        "rial_portal/home.html",
        {
            # Built only when the page's {% fragment %}s are.
            "subregions": directory.member_states_by_subregion,
            "figures": directory.network_figures,
            "sections": sections.render_sections(sections.HOME, request.user),
        },
    )


def _health_response(checks):
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks},
        status=200 if healthy else 503,
    )


@never_cache
@require_safe
def health(request):
    """The first health check, kept for the probes that ask it (the
    docker-compose file of earlier releases): the database and the cache."""
    return _health_response(health_checks("database", "cache"))


@never_cache
@require_safe
def health_live(request):
    """Liveness: the process answers requests. Nothing else is asked, so
    that an orchestrator never restarts every web process because the
    database is down (readiness says that)."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def health_ready(request):
    """Readiness, for a load balancer: the database, the cache (Redis in
    production) and Celery's broker all answer; else 503, naming which failed."""
    return _health_response(health_checks("database", "cache", "broker"))


@never_cache
@require_safe
def metrics(request):
    """Prometheus's scrape: requests, the Celery queue and the email outbox."""
    if not rules.can_read_metrics(request.user, request.META.get("REMOTE_ADDR")):
        raise PermissionDenied
    return HttpResponse(metrics_exposition(), content_type=CONTENT_TYPE_LATEST)


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links (the admin's pages,
    a PDF, an error page): send them to the icon among the static files, whose
    name carries its hash, so that a new icon is never stuck in a cache."""
    response = redirect(static("img/favicon.ico"))
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


@require_safe
def switch_language(request):
    """The header's language switcher: a plain link or GET form, so that a
    page carries no CSRF token and a visitor's copy can be cached (Django's
    ``set_language`` takes only a POST). It sets the language cookie and goes
    back to the page, or home if the address given is not the portal's."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home")
    response = HttpResponseRedirect(next_url)
    language = request.GET.get("language", "")
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response
