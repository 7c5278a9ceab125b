"""Staff check participants in at the door from a phone-sized window: by
ticking a name on the searchable list, by typing a badge's code, and while
the phone has no connection (the check-in waits and goes out when it is
back). A second check-in of the same person counts once."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from playwright.sync_api import expect

from meetings.check_in import check_in_code
from meetings.enums import AttendanceSource, RegistrationStatus
from meetings.models import Registration
from tests.browser.helpers import session_cookie
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def door_staff():
    """Staff who record attendance. Given the permissions directly: a
    transactional test's flush removes the groups that migrations made."""
    user = UserFactory(is_staff=True, email="door@example.org", full_name="Door Staff")
    user.user_permissions.set(
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
    return user


def test_staff_check_participants_in_from_a_phone(
    new_context, live_server, door_staff, page_faults
):
    meeting = MeetingFactory()
    ana = RegistrationFactory(
        meeting=meeting, full_name="Ana Pérez", status=RegistrationStatus.APPROVED
    )
    luis = RegistrationFactory(
        meeting=meeting, full_name="Luis Gómez", status=RegistrationStatus.APPROVED
    )
    marcia = RegistrationFactory(
        meeting=meeting, full_name="Marcia Thompson", status=RegistrationStatus.APPROVED
    )
    context = new_context(**PHONE)
    context.add_cookies([session_cookie(live_server, door_staff)])
    page = context.new_page()
    page.goto(reverse("meetings:check_in", args=[meeting.slug]))
    status = page.locator("#check-in-status")
    present = page.locator("#count-present")
    expect(present).to_have_text("0")
    expect(page.locator("#count-approved")).to_have_text("3")

    # Ticking a name found by searching.
    page.get_by_label("Search by name, delegation or country").fill("perez")
    expect(page.locator(f'[data-registration="{luis.pk}"]')).to_be_hidden()
    page.get_by_role("button", name="Check in Ana Pérez").click()
    expect(status).to_contain_text("Ana Pérez is checked in")
    expect(present).to_have_text("1")

    # Typing a badge's code, in small letters, twice.
    code_form = page.locator("form[data-code-form]")
    code_field = page.get_by_label("Scan the QR code, or type the code printed under it")
    for _ in range(2):
        code_field.fill(check_in_code(luis).lower())
        code_form.get_by_role("button", name="Check in").click()
    expect(status).to_contain_text("Luis Gómez was already checked in at")
    expect(present).to_have_text("2")

    # Without a connection: kept on the phone, sent when it is back.
    context.set_offline(True)
    page_faults.expect("ERR_INTERNET_DISCONNECTED")
    code_field.fill(check_in_code(marcia))
    code_form.get_by_role("button", name="Check in").click()
    expect(status).to_contain_text("No connection")
    assert not Registration.objects.get(pk=marcia.pk).attended_at
    context.set_offline(False)
    expect(status).to_contain_text("Marcia Thompson is checked in")
    expect(present).to_have_text("3")

    # The page fits the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    sources = dict(Registration.objects.values_list("full_name", "attendance_source"))
    assert sources == {
        "Ana Pérez": AttendanceSource.LIST,
        "Luis Gómez": AttendanceSource.CHECK_IN,
        "Marcia Thompson": AttendanceSource.CHECK_IN,
    }
    assert ana.meeting.registrations.attended().count() == 3


def test_a_check_in_the_portal_did_not_answer_waits_on_the_phone(
    new_context, live_server, door_staff, page_faults
):
    """A proxy's 502 (or an expired session's 403) is not a refusal: nothing
    says the check-in was recorded, so it stays queued and goes out later."""
    registration = RegistrationFactory(full_name="Ana Pérez", status=RegistrationStatus.APPROVED)
    page_url = reverse("meetings:check_in", args=[registration.meeting.slug])
    context = new_context(**PHONE)
    context.add_cookies([session_cookie(live_server, door_staff)])
    page = context.new_page()
    page.goto(page_url)
    status = page.locator("#check-in-status")
    page_faults.expect("502")

    def bad_gateway(route):
        if route.request.method == "POST":
            route.fulfill(status=502, body="Bad Gateway")
        else:
            route.continue_()

    page.route(f"**{page_url}", bad_gateway)
    page.get_by_role("button", name="Check in Ana Pérez").click()
    expect(status).to_contain_text("The portal did not record it")
    expect(status).to_contain_text("502")
    expect(page.locator("#check-in-pending")).to_contain_text("1")
    assert not Registration.objects.get(pk=registration.pk).attended_at

    page.unroute(f"**{page_url}")
    page.reload()
    expect(status).to_contain_text("Ana Pérez is checked in")
    expect(page.locator("#check-in-pending")).to_be_hidden()
    assert Registration.objects.get(pk=registration.pk).attended_at
