"""Browser tests: Playwright's driver with Debian's Chromium (never a browser
download), against pytest-django's live server.

Without /usr/bin/chromium or axe-core (``npm ci`` in tests/browser) the tests
are skipped with the reason; with RIAL_REQUIRE_BROWSER=1 (CI sets it) they
fail instead, so that CI cannot pass by skipping them."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import testcases

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("RIAL_CHROMIUM", "/usr/bin/chromium"))
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
# As NOTES.md records for Debian's Chromium in a container: no sandbox (we run
# as root), no GPU, and none of the browser's own calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


def missing_requirement():
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"needs Chromium at {CHROMIUM} (Debian: apt-get install chromium; .ci/run does)"
    if not AXE.exists():
        return f"needs axe-core at {AXE} (npm ci in tests/browser; .ci/run does)"
    return None


def browser_required():
    return os.environ.get("RIAL_REQUIRE_BROWSER", "") not in ("", "0", "false")


def pytest_collection_modifyitems(config, items):
    reason = missing_requirement()
    if reason is None or browser_required():
        return  # Run them; the browser fixture fails loudly if something is missing.
    skip = pytest.mark.skip(reason=f"browser test {reason}; RIAL_REQUIRE_BROWSER=1 fails instead")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def live_server(request, collected_static_files):
    """pytest-django's live server, with static files served from STATIC_ROOT
    (collected), as whitenoise serves them in production: pages name hashed
    files (the manifest storage), which pytest-django's handler looks for
    with the finders and does not find."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    # Django's own handler of collected files, the one its LiveServerTestCase uses.
    server.thread.static_handler = testcases._StaticFilesHandler
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def playwright_driver():
    reason = missing_requirement()
    if reason is not None:
        pytest.fail(f"RIAL_REQUIRE_BROWSER is set, but the browser test {reason}")
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an asyncio event loop in this thread for as
    # long as the driver lives (in a greenlet, so the loop counts as running
    # between calls too). Django then takes every ORM call of the test, its
    # factories and the database flush for calls from async code and raises
    # SynchronousOnlyOperation. Nothing here is async: the test code is plain
    # sequential code, and the live server answers in threads of its own.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    driver = sync_playwright().start()
    yield driver
    driver.stop()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """One Chromium per test process (each xdist worker starts its own)."""
    browser = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


class Faults:
    """What a person would meet as a fault on the pages a test opened: an
    error in the console (a script failing, a resource the Content-Security-
    Policy blocked, a file that answered 4xx or 5xx), a request that failed,
    and any request off the machine (pages work offline: nothing may come
    from another host; such requests are aborted, then reported)."""

    LOCAL_SCHEMES = ("data:", "blob:", "about:")

    def __init__(self, origin):
        self.host = urlsplit(origin).hostname
        self.found = []
        self.expected = []

    def watch(self, context):
        context.route("**/*", self._only_local)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.found.append(f"page error: {error.error}"))
        context.on("requestfailed", self._failed)

    def expect(self, pattern):
        """A fault the test provokes on purpose (a page that answers 404)."""
        self.expected.append(re.compile(pattern))

    def _only_local(self, route):
        url = route.request.url
        if url.startswith(self.LOCAL_SCHEMES) or urlsplit(url).hostname in (self.host, None):
            route.continue_()
        else:
            self.found.append(f"request off the machine: {url}")
            route.abort("blockedbyclient")

    def _console(self, message):
        if message.type == "error":
            self.found.append(f"console error: {message.text} ({message.location.get('url')})")

    def _failed(self, request):
        # A navigation the test itself replaces (a click while a page loads)
        # is aborted by the browser, not a fault of the page.
        if request.failure != "net::ERR_ABORTED":
            self.found.append(f"request failed: {request.url} ({request.failure})")

    def unexpected(self):
        return [
            fault
            for fault in self.found
            if not any(pattern.search(fault) for pattern in self.expected)
        ]


@pytest.fixture
def page_faults(live_server):
    """The faults of every page the test opens; the test fails on any it did
    not declare with ``page_faults.expect(pattern)``."""
    faults = Faults(live_server.url)
    yield faults
    unexpected = faults.unexpected()
    assert not unexpected, "the pages had faults:\n" + "\n".join(unexpected)


@pytest.fixture
def new_context(browser, live_server, page_faults):
    """new_context(**options) -> a fresh browser context (its own cookies) on
    the live server, watched for faults; closed after the test."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        page_faults.watch(context)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def screenshot_dir():
    path = Path(os.environ.get("RIAL_SCREENSHOT_DIR") or settings.BASE_DIR / "var" / "screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def portal():
    """Something on every main page, with Spanish beside the English where
    the content has it: a ministry with its focal point, a published program,
    a meeting open for registration, news, a contribution to the fund, a
    cooperation activity and a conference with a working group."""
    from cooperation.enums import RequestStatus
    from tests.cooperation.factories import RequestFactory
    from tests.factories import (
        ConferenceFactory,
        FocalPointFactory,
        InstitutionFactory,
        MemberStateFactory,
        TopicFactory,
        WorkingGroupFactory,
    )
    from tests.fund.factories import ContributionFactory
    from tests.meetings.factories import MeetingFactory
    from tests.newsletter.factories import NewsItemFactory
    from tests.portfolio.factories import ProgramFactory

    state = MemberStateFactory(name_en="Testland", name_es="Tierra de Prueba")
    ministry = InstitutionFactory(
        member_state=state,
        name_en="Ministry of Labor of Testland",
        name_es="Ministerio de Trabajo de Tierra de Prueba",
    )
    peer = InstitutionFactory()
    topic = TopicFactory(name_en="Labor inspection", name_es="Inspección del trabajo")
    program = ProgramFactory(
        owner=ministry,
        topics=[topic],
        title_en="Labor inspection training",
        title_es="Formación de inspectores del trabajo",
        summary_es="Cursos para inspectores del trabajo.",
    )
    meeting = MeetingFactory(
        title_en="Workshop on labor inspection",
        title_es="Taller sobre inspección del trabajo",
        host_state=state,
        capacity=40,
    )
    NewsItemFactory(institution=ministry, title="A new law on apprenticeships")
    ContributionFactory(institution=ministry)
    RequestFactory(
        requester=peer,
        provider=ministry,
        topic=topic,
        program=program,
        status=RequestStatus.APPROVED,
        title="Visit to learn labor inspection planning",
    )
    WorkingGroupFactory(conference=ConferenceFactory(member_state=state), chair=ministry)
    return {
        "program": program,
        "meeting": meeting,
        "focal_point": FocalPointFactory(institution=ministry, full_name="Ana Pérez"),
    }
