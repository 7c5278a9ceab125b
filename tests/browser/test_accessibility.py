"""WCAG 2.1 AA basics in a real browser: axe-core finds no serious or
critical violation on the main pages and forms, in English and Spanish; the
skip link and the main navigation work from the keyboard; the language
switcher keeps the page."""

import re
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse
from playwright.sync_api import expect

from cooperation.enums import RequestStatus
from evaluations import links as evaluation_links
from forum import links as forum_links
from forum.enums import Frequency, ReadAccess
from forum.models import Follow
from meetings import links, services
from meetings.check_in import check_in_url
from meetings.enums import AttendanceSource, RegistrationStatus
from tests.browser.helpers import (
    axe_violations,
    describe_violations,
    html_lang,
    main_pages,
    search_page,
    session_cookie,
    set_language,
)
from tests.cooperation.lifecycle import advance, parties
from tests.evaluations.factories import (
    InvitationFactory,
    attendee,
    questionnaire_with_questions,
)
from tests.factories import FocalPointFactory, UserFactory
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def axe_context(new_context, live_server, language):
    # axe-core is injected as an inline script, which the portal's
    # Content-Security-Policy (scripts from our own files only) refuses to
    # run. This context alone bypasses the policy, to run the checker; the
    # screenshots and scenarios run with it enforced.
    context = new_context(bypass_csp=True)
    set_language(context, live_server, language)
    return context


def check_pages(page, pages, language):
    """[description of the violations] of each page that has some. A page is
    (name, path), or (name, path, status) for a page that answers another
    status than 200 on purpose (a refusal explained, a code not found)."""
    failures = []
    for _name, path, *expected in pages:
        response = page.goto(path)
        # A refusal or an error page would pass the check without being the page.
        assert response.status == (expected[0] if expected else 200), (
            f"{path} answered {response.status}"
        )
        assert html_lang(page) == language, path
        violations = axe_violations(page)
        if violations:
            failures.append(describe_violations(path, violations))
    return failures


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_pages_have_no_serious_accessibility_violation(
    new_context, live_server, portal, language
):
    page = axe_context(new_context, live_server, language).new_page()
    meeting = portal["meeting"]
    pending = RegistrationFactory(meeting=meeting, status=RegistrationStatus.PENDING_CONFIRMATION)
    token = links.confirmation_token(pending)
    public = [
        *main_pages(portal),
        ("meeting registration", reverse("meetings:register", args=[meeting.slug])),
        ("registration's confirmation", reverse("meetings:registration_confirm", args=[token])),
        ("new registration link", reverse("meetings:registration_link_request")),
    ]

    failures = check_pages(page, public, language)
    page.context.add_cookies([session_cookie(live_server, portal["focal_point"])])
    failures += check_pages(
        page,
        [
            ("dashboard", reverse("accounts:dashboard")),
            ("program form", reverse("portfolio:program_create")),
            ("cooperation request form", reverse("cooperation:request_create")),
        ],
        language,
    )

    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


@pytest.fixture
def forum():
    """A public space and a network space, each with a thread whose first
    post is the focal point's own (which they may still correct) and a reply
    of another ministry's (which they may quote and report)."""
    focal_point = FocalPointFactory(full_name="Ana Pérez")
    threads = {}
    for access in (ReadAccess.PUBLIC, ReadAccess.NETWORK):
        space = SpaceFactory(name=f"Labor inspection ({access})", read_access=access)
        thread = ThreadFactory(space=space, author=focal_point, title="Inspection planning")
        PostFactory(thread=thread, author=focal_point, body="How do you **plan** inspections?")
        PostFactory(thread=thread, body="> How do you plan\n\nBy *risk*:\n\n- sector\n- region")
        threads[access.value] = thread
    return {"focal_point": focal_point, **threads}


@pytest.mark.parametrize("language", LANGUAGES)
def test_forum_pages_have_no_serious_accessibility_violation(
    new_context, live_server, forum, language
):
    page = axe_context(new_context, live_server, language).new_page()
    public, network = forum["public"], forum["network"]
    search = reverse("search:search") + "?kind=forum&q=inspections"
    visitor = [
        ("spaces", reverse("forum:space_list")),
        ("space", public.space.get_absolute_url()),
        ("thread", public.get_absolute_url()),
        ("forum search", search),
    ]

    failures = check_pages(page, visitor, language)
    page.context.add_cookies([session_cookie(live_server, forum["focal_point"])])
    own, reply = network.posts.all()
    # The pages an email's unfollow link opens: one follow, and every digest.
    follow = Follow.objects.create(user=forum["focal_point"], thread=network)
    Follow.objects.create(user=forum["focal_point"], space=network.space, frequency=Frequency.DAILY)
    failures += check_pages(
        page,
        [
            ("unfollow", forum_links.unfollow_path(follow)),
            ("unfollow the digests", forum_links.digest_unfollow_path(forum["focal_point"])),
        ],
        language,
    )
    failures += check_pages(
        page,
        [
            ("spaces", reverse("forum:space_list")),
            ("space", network.space.get_absolute_url()),
            ("thread with the reply form", network.get_absolute_url()),
            ("reply quoting a post", f"{network.get_absolute_url()}?quote={reply.pk}"),
            ("new thread", reverse("forum:thread_create", args=[network.space.slug])),
            ("correcting a post", reverse("forum:post_edit", args=[own.pk])),
            ("reporting a post", reverse("forum:post_report", args=[reply.pk])),
            ("forum search", search),
        ],
        language,
    )

    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_attendance_pages_have_no_serious_accessibility_violation(
    new_context, live_server, language
):
    """The check-in page as staff see it on a phone, and the import page."""
    staff = UserFactory(is_staff=True)
    staff.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="meetings",
            codename__in=[
                "view_meeting",
                "change_meeting",
                "view_registration",
                "change_registration",
            ],
        )
    )
    meeting = MeetingFactory()
    present = RegistrationFactory(meeting=meeting, status=RegistrationStatus.APPROVED)
    RegistrationFactory(meeting=meeting, status=RegistrationStatus.APPROVED)
    services.attendance_record(registration=present, source=AttendanceSource.LIST)
    context = new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    set_language(context, live_server, language)
    context.add_cookies([session_cookie(live_server, staff)])
    page = context.new_page()

    failures = check_pages(
        page,
        [
            ("check-in", check_in_url(present).removeprefix(settings.SITE_URL)),
            ("attendance import", reverse("meetings:attendance_import", args=[meeting.slug])),
        ],
        language,
    )

    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_meeting_pages_have_no_serious_accessibility_violation(
    new_context, live_server, page_faults, language
):
    """What a participant opens after a meeting, from an email: the
    evaluation's questionnaire (to answer, answered already, or through a
    broken link), the certificate refused to someone not recorded as present;
    and the public page that verifies a certificate, empty, with a genuine
    code and with a forged one."""
    questionnaire = questionnaire_with_questions()
    # The questionnaire and the certificate speak the registrant's language.
    invitation = InvitationFactory(
        questionnaire=questionnaire,
        registration=attendee(questionnaire.meeting, language=language),
    )
    absent = RegistrationFactory(
        meeting=questionnaire.meeting, status=RegistrationStatus.APPROVED, language=language
    )
    answered = InvitationFactory(
        questionnaire=questionnaire,
        registration=attendee(questionnaire.meeting, language=language),
        has_answered=True,
    )
    code = services.certificate_code_for(registration=invitation.registration)
    verify = reverse("meetings:certificate_verify")
    page_faults.expect(r"status of 404 .*(certificate\.pdf|verify/\?code=)")
    page_faults.expect(r"status of 400 .*/evaluations/answer/")
    page = axe_context(new_context, live_server, language).new_page()

    failures = check_pages(
        page,
        [
            ("evaluation", evaluation_links.answer_path(invitation)),
            ("evaluation answered", evaluation_links.answer_path(answered)),
            ("evaluation link broken", evaluation_links.answer_path(invitation)[:-6] + "/", 400),
            ("certificate unavailable", links.certificate_path(absent), 404),
            ("certificate verification", verify),
            ("certificate verified", f"{verify}?code={code}"),
            ("certificate not found", f"{verify}?code=ABCD23456789", 404),
        ],
        language,
    )

    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_final_report_with_its_questionnaire_has_no_serious_accessibility_violation(
    new_context, live_server, secretariat_group, language
):
    """The beneficiary's final report, with the questions the Secretariat
    asks in every final report below the report's own fields."""
    questionnaire_with_questions(meeting=None, for_final_reports=True)
    p = advance(parties(), RequestStatus.CARRIED_OUT)
    context = axe_context(new_context, live_server, language)
    context.add_cookies([session_cookie(live_server, p.requester)])
    page = context.new_page()

    failures = check_pages(
        page,
        [("final report", reverse("cooperation:request_report", args=[p.request.reference]))],
        language,
    )

    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


def test_axe_reports_a_field_without_label_and_text_without_contrast(new_context, live_server):
    """The check above can fail: on a page spoiled on purpose, axe-core
    reports what it should."""
    page = axe_context(new_context, live_server, "en").new_page()
    page.goto(reverse("network:about"))
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend', '<input type="text" name="unlabelled">');
            main.insertAdjacentHTML('beforeend', '<p class="text-white bg-light">Faint</p>');
        }"""
    )

    rules = {violation["id"] for violation in axe_violations(page)}

    assert {"label", "color-contrast"} <= rules


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_page_has_no_serious_accessibility_violation(new_context, live_server, language):
    path = search_page()
    if path is None:
        pytest.skip("the portal has no search page yet (no URL named search:search)")
    page = axe_context(new_context, live_server, language).new_page()

    failures = check_pages(page, [("search", path)], language)

    assert not failures, "axe-core found serious or critical violations:\n" + "\n".join(failures)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, portal):
    page.goto(reverse("portfolio:program_list"))

    page.keyboard.press("Tab")

    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    # Hidden until focused (Bootstrap's visually-hidden-focusable): shown now.
    assert skip.bounding_box()["width"] > 20
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    expect(page).to_have_url(re.compile(r"#main$"))
    # The next stop is inside main: the navigation is skipped.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def tab_to(page, locator, limit=15):
    """Press Tab until ``locator`` has the focus (at most ``limit`` times)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} not reached in {limit} Tab presses")


def test_main_navigation_is_reachable_by_keyboard(page, portal):
    page.goto(reverse("home"))
    navigation = page.get_by_role("navigation", name="Main navigation")

    tab_to(page, navigation.get_by_role("link", name="Meetings", exact=True))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/meetings/$"))
    expect(navigation.get_by_role("link", name="Meetings", exact=True)).to_have_attribute(
        "aria-current", "page"
    )


def test_collapsed_navigation_opens_from_the_keyboard_on_a_small_screen(new_context, portal):
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(reverse("home"))
    navigation = page.get_by_role("navigation", name="Main navigation")
    programs = navigation.get_by_role("link", name="Programs", exact=True)
    expect(programs).to_be_hidden()

    toggle = navigation.get_by_role("button", name="Toggle navigation")
    tab_to(page, toggle)
    page.keyboard.press("Enter")

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(programs).to_be_visible()
    tab_to(page, programs, limit=3)


def test_language_switcher_keeps_the_page(page, portal):
    path = portal["program"].get_absolute_url()
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    navigation = page.get_by_role("navigation", name="Main navigation")

    navigation.get_by_label("Language").select_option("es")
    navigation.get_by_role("button", name="Change").click()

    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert urlparse(page.url).path == path
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Formación de inspectores del trabajo"
    )
