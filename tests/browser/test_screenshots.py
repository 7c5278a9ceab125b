"""A full-page screenshot of each main page in each language, kept
as an artifact (var/screenshots/, or RIAL_SCREENSHOT_DIR) for people to look
at; the pages render with the Content-Security-Policy enforced and break
none of it."""

import pytest
from django.urls import reverse

from tests.browser.helpers import html_lang, main_pages, search_page, session_cookie, set_language

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_screenshot_of_each_main_page(new_context, live_server, portal, screenshot_dir, language):
    context = new_context()
    set_language(context, live_server, language)
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    pages = main_pages(portal)
    if search_page() is not None:
        pages.append(("search", search_page()))

    for name, path in pages:
        page.goto(path)
        assert html_lang(page) == language, path
        page.screenshot(path=screenshot_dir / f"{language}-{name}.png", full_page=True)
    context.add_cookies([session_cookie(live_server, portal["focal_point"])])
    page.goto(reverse("accounts:dashboard"))
    assert html_lang(page) == language
    page.screenshot(path=screenshot_dir / f"{language}-dashboard.png", full_page=True)

    assert refused == [], "the Content-Security-Policy refused parts of the pages"
    names = [name for name, _path in pages] + ["dashboard"]
    assert all((screenshot_dir / f"{language}-{name}.png").stat().st_size for name in names)
