"""What the browser tests share besides fixtures: signing in, choosing the
language, finding fields by label, the main pages, running axe-core."""

import re

from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.conftest import AXE


def html_lang(page):
    """The language the page declares: ``<html lang>``."""
    return page.locator("html").get_attribute("lang")


def set_language(context, live_server, code):
    """Choose the interface language as the switcher does: Django's cookie."""
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": code, "url": live_server.url}]
    )


def in_language(language, text):
    """``text`` as a person reading ``language`` sees it (the catalogues the
    pages use), so that one scenario walks the portal in each language."""
    with translation.override(language):
        return gettext(text)


def sign_in(page, user, *, password, code=None, language="en"):
    """Sign in through the real form (django-axes counts it), and with the
    second factor's ``code`` when the user has one."""
    page.goto("/accounts/login/")
    field(page, in_language(language, "Email")).fill(user.email)
    field(page, in_language(language, "Password")).fill(password)
    page.locator("main").get_by_role("button", name=in_language(language, "Sign in")).click()
    if code is not None:
        expect(page).to_have_url(re.compile(r"/accounts/login/verify/$"))
        field(page, in_language(language, "Code")).fill(code)
        page.get_by_role("button", name=in_language(language, "Verify")).click()
    # Attached, not visible: on a phone the button is in the collapsed menu.
    sign_out = in_language(language, "Sign out (%(name)s)").split("%(name)s")[0]
    expect(
        page.get_by_role("button", name=re.compile(rf"^{re.escape(sign_out)}"), include_hidden=True)
    ).to_be_attached()


def field(page, label):
    """The form field labelled ``label`` exactly: crispy forms add "*" to the
    required ones, the admin's forms a colon, and a regular expression sees
    the label's raw whitespace."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?:?\s*$"))


def session_cookie(live_server, user):
    """A session cookie of ``user``, signed in without the form (the form is
    tested in the scenarios; here it would only cost time)."""
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


def main_pages(portal):
    """[(name, path)] of the main pages a visitor sees (the search page apart:
    see ``search_page``)."""
    return [
        ("home", reverse("home")),
        ("programs", reverse("portfolio:program_list")),
        ("program", portal["program"].get_absolute_url()),
        ("meetings", reverse("meetings:meeting_list")),
        ("meeting", portal["meeting"].get_absolute_url()),
        ("cooperation", reverse("cooperation:activity_list")),
        ("fund", reverse("fund:statement")),
        ("news", reverse("newsletter:news_list")),
        ("member-states", reverse("network:member_state_list")),
        ("about", reverse("network:about")),
        ("login", reverse("login")),
    ]


def search_page():
    """The path of a search for "labor", or None while the portal has no
    search page (its app is being written beside these tests)."""
    try:
        return reverse("search:search") + "?q=labor"
    except NoReverseMatch:
        return None


# WCAG 2.0 and 2.1, A and AA, and axe's best practices (heading order,
# landmarks, the skip link's target); a violation fails a test when axe rates
# its impact serious or critical.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = ("serious", "critical")


def axe_violations(page):
    """The serious and critical violations axe-core finds on the page as it is
    now. The page must be in a context made with ``bypass_csp=True``."""
    page.add_script_tag(path=str(AXE))
    # Details of the violations only: the passes' are not read, and skipping
    # them makes a run markedly faster.
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def describe_violations(path, violations):
    """What to fix, for the failure message: rule, help URL, the elements."""
    lines = [f"{path}:"]
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:200]}")
    return "\n".join(lines)
