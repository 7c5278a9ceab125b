"""A visitor, with no account: searches the programs (with htmx, and without
JavaScript) and registers for a meeting, confirming the address with the
button on the emailed link's page; a link that no longer works says so and
offers a new one."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect

from core.models import EmailDelivery
from meetings import links
from meetings import services as meeting_services
from meetings.enums import RegistrationStatus
from meetings.models import Registration
from tests.browser.helpers import field, in_language, set_language
from tests.factories import InstitutionFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def two_programs():
    ProgramFactory(title_en="Labor inspection training")
    ProgramFactory(title_en="Youth employment services")


def program_titles(page):
    return page.locator("#program-results h2, #program-results h3")


def test_visitor_searches_programs_and_htmx_updates_the_results_in_place(page, two_programs):
    page.goto("/programs/")
    results = page.locator("#program-results")
    expect(results).to_contain_text("Youth employment services")
    # A full navigation would start a new document and lose this mark.
    page.evaluate("window.rialSamePage = true")

    with page.expect_request(lambda request: request.headers.get("hx-request") == "true"):
        field(page, "Search").fill("inspection")
        field(page, "Search").press("Enter")

    expect(results).to_contain_text("Labor inspection training")
    expect(results).not_to_contain_text("Youth employment services")
    assert page.evaluate("window.rialSamePage") is True
    # The filter's state lives in the address, for bookmarks and the back button.
    expect(page).to_have_url(re.compile(r"/programs/\?.*q=inspection"))


def test_visitor_searches_programs_without_javascript(new_context, two_programs):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/programs/")
    expect(page.locator("#program-results")).to_contain_text("Youth employment services")

    # Without JavaScript the filters stay folded, as on a phone: one press opens them.
    page.locator("summary", has_text="Filter").click()
    field(page, "Search").fill("inspection")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"/programs/\?.*q=inspection"))
    results = page.locator("#program-results")
    expect(results).to_contain_text("Labor inspection training")
    expect(results).not_to_contain_text("Youth employment services")


def confirmation_path(email):
    delivery = EmailDelivery.objects.get(to=email, key__endswith=":confirm")
    match = re.search(r"/meetings/registration/[^/\s]+/confirm/", delivery.body)
    assert match, delivery.body
    return match.group(0)


@pytest.mark.parametrize("language", ["en", "es"])
def test_visitor_registers_for_a_meeting_and_confirms_from_the_email(page, live_server, language):
    meeting = MeetingFactory(
        title_en="Workshop on labor inspection",
        title_es="Taller sobre inspección del trabajo",
        capacity=20,
    )
    ministry = InstitutionFactory(
        name_en="Ministry of Labor of Testland", name_es="Ministerio de Trabajo de Testlandia"
    )
    set_language(page.context, live_server, language)

    def text(english):
        return in_language(language, english)

    def label(verbose_name):
        return capfirst(text(verbose_name))

    page.goto(meeting.get_absolute_url())
    with translation.override(language):
        title, institution = meeting.title, str(ministry)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.get_by_role("link", name=text("Register"), exact=True).click()
    field(page, label("full name")).fill("Ana Pérez")
    # Institutions are named with their member state, in the reader's language.
    assert "(" in institution
    field(page, label("institution (delegation)")).select_option(label=institution)
    field(page, label("role")).select_option("delegate")
    field(page, label("email")).fill("ana@example.org")
    page.get_by_role("main").get_by_role("button", name=text("Register")).click()

    expect(page).to_have_url(re.compile(rf"/meetings/{meeting.slug}/register/sent/$"))
    registration = Registration.objects.get(meeting=meeting)
    assert registration.status == RegistrationStatus.PENDING_CONFIRMATION
    assert (registration.full_name, registration.institution) == ("Ana Pérez", ministry)

    # Opening the emailed link, as a mail scanner also does, only shows a button.
    page.goto(confirmation_path("ana@example.org"))
    expect(page.get_by_role("heading", level=1)).to_have_text(text("Confirm your registration"))
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING_CONFIRMATION
    page.get_by_role("button", name=text("Confirm my registration")).click()

    with translation.override(language):
        submitted = str(RegistrationStatus.SUBMITTED.label)
    expect(page.get_by_test_id("status")).to_have_text(submitted)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED
    assert registration.confirmed_at is not None


def test_on_a_phone_the_results_come_before_the_folded_filters(new_context, two_programs):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto("/programs/")
    button = page.locator("summary", has_text="Filter")

    expect(button).to_be_visible()
    expect(field(page, "Search")).to_be_hidden()
    expect(page.locator("#program-results")).to_contain_text("Youth employment services")
    results_top = page.locator("#program-results").bounding_box()["y"]
    assert results_top < 844, "the first results show on the phone's first screen"

    button.click()
    field(page, "Search").fill("inspection")
    field(page, "Search").press("Enter")
    expect(page.locator("#program-results")).not_to_contain_text("Youth employment services")


def test_on_a_wide_screen_the_filters_stand_open(page, two_programs):
    page.goto("/programs/")

    expect(field(page, "Search")).to_be_visible()
    expect(page.locator("summary", has_text="Filter")).to_be_hidden()


def test_a_withdrawn_registrations_old_link_offers_a_new_one(page, page_faults):
    meeting = MeetingFactory(capacity=20)
    registration = meeting_services.registration_confirm(
        registration=meeting_services.registration_create(
            meeting=meeting,
            registration=RegistrationFactory.build(
                meeting=meeting, email="ana@example.org", institution=InstitutionFactory()
            ),
        )
    )
    old = reverse("meetings:registration_manage", args=[links.manage_token(registration)])
    page.goto(old)
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_test_id("status")).to_have_text(str(RegistrationStatus.WITHDRAWN.label))

    # The old link's page answers 410 Gone, on purpose.
    page_faults.expect(r"status of 410 \(Gone\)")
    page.goto(old)

    expect(page.get_by_role("heading", level=1)).to_have_text("This link is no longer valid")
    field(page, "The email address you registered with").fill("ana@example.org")
    page.get_by_role("button", name="Send me a new link").click()
    expect(page.get_by_role("status").first).to_contain_text("a new link is on its way")
    assert EmailDelivery.objects.filter(to="ana@example.org", key__contains=":new-link:").exists()
