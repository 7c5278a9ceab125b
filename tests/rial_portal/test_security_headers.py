"""The browser-side defences: a Content-Security-Policy that needs no inline
code, templates that keep it so, HSTS and secure cookies under production
settings. (test_settings.py checks that check --deploy prints nothing.)"""

import re
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.rial_portal.test_settings import PRODUCTION, load_settings

ROOT = Path(settings.BASE_DIR)

# An opening <script> tag with no src attribute: inline code, which the policy
# blocks. (A tag spanning lines still matches as one: [^>] crosses newlines.)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)

# Templates that never reach a browser as a page: emails (mail programs need
# inline styles) and the print layouts WeasyPrint turns into PDF on the server.
NOT_SERVED_DIRS = {"email", "print"}


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["home", "portfolio:program_list", "meetings:meeting_list", "login"]
)
def test_public_pages_send_a_policy_without_unsafe_inline(client, name):
    policy = directives(client.get(reverse(name)))
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)


def test_no_template_has_an_inline_script():
    templates = [
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]
    assert templates
    offenders = [
        str(path.relative_to(ROOT))
        for path in templates
        if INLINE_SCRIPT.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"Move these scripts to static/js/: {offenders}"


def test_no_served_template_has_inline_styles():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts
        and not NOT_SERVED_DIRS.intersection(path.parts)
        and INLINE_STYLE.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"Move these styles to static/css/: {offenders}"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/", "/admin/network/memberstate/add/"])
def test_the_admin_needs_no_inline_code(staff_client, path):
    """Django's admin runs under the same policy, with no exemption: its pages
    carry no inline script or style for the policy to block."""
    response = staff_client.get(path)
    assert response.status_code == 200
    assert directives(response)["script-src"] == ["'self'"]
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert not INLINE_STYLE.search(html)


@pytest.mark.django_db
def test_hsts_header_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("home"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


def test_production_settings_secure_cookies_and_hsts(tmp_path):
    production = load_settings(tmp_path, **PRODUCTION)
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert "csp.middleware.CSPMiddleware" in production["MIDDLEWARE"]
    assert production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"] == ["'self'"]


def test_the_proxys_https_header_is_trusted_only_behind_a_proxy(tmp_path):
    direct = load_settings(tmp_path, **PRODUCTION)
    proxied = load_settings(tmp_path, **PRODUCTION, BEHIND_PROXY="true")

    assert direct["SECURE_PROXY_SSL_HEADER"] is None
    assert proxied["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("proxy_header", "expected"),
    [(None, 301), (("HTTP_X_FORWARDED_PROTO", "https"), 200)],
    ids=["no-proxy", "behind-proxy"],
)
def test_x_forwarded_proto_counts_only_behind_a_proxy(client, settings, proxy_header, expected):
    """A client that claims HTTPS over plain HTTP is still sent to HTTPS,
    unless the settings say a proxy (which overwrites the header) is in front."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = proxy_header

    response = client.get(reverse("home"), HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == expected
    if expected == 301:
        assert response["Location"].startswith("https://")


@pytest.mark.parametrize(
    ("behind_proxy", "trusted"), [("", ""), ("true", "127.0.0.1,::1")], ids=["direct", "proxied"]
)
def test_gunicorn_trusts_the_forwarded_headers_only_behind_a_proxy(
    monkeypatch, behind_proxy, trusted
):
    monkeypatch.setenv("BEHIND_PROXY", behind_proxy)
    monkeypatch.delenv("GUNICORN_FORWARDED_ALLOW_IPS", raising=False)
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))

    assert config["forwarded_allow_ips"] == trusted
