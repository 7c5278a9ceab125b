"""Technical Secretariat staff, signed in with their second factor through
the real forms: publish a submitted program in the admin, and send
themselves a test of a newsletter issue (delivered by a real Celery worker
to the SMTP test server)."""

import pytest
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from newsletter import services as newsletter_services
from newsletter.models import Issue
from portfolio.enums import ProgramStatus
from tests.browser.helpers import field, in_language, set_language, sign_in
from tests.conftest import wait_for
from tests.factories import PASSWORD, FocalPointFactory, UserFactory
from tests.newsletter.factories import NewsItemFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def staff():
    """Staff who review programs and prepare the newsletter. Given the
    permissions directly: a transactional test's flush removes the groups
    that migrations made."""
    user = UserFactory(is_staff=True, email="secretariat@example.org", full_name="Sam Staff")
    user.user_permissions.set(
        Permission.objects.filter(
            Q(content_type__app_label="portfolio", codename__in=["view_program", "change_program"])
            | Q(content_type__app_label="newsletter", codename__in=["view_issue", "change_issue"])
        )
    )
    return user


def sign_in_staff(page, user, language="en"):
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    sign_in(page, user, password=PASSWORD, code=f"{code:06d}", language=language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_staff_publish_a_submitted_program_from_its_admin_page(page, live_server, staff, language):
    focal_point = FocalPointFactory()
    program = ProgramFactory(
        language=language,
        **{
            f"title_{language}": "Labor inspection training / Formación de inspectores",
            f"summary_{language}": "Courses / cursos.",
        },
        owner=focal_point.institution,
        status=ProgramStatus.SUBMITTED,
        submitted_by=focal_point,
        submitted_at=timezone.now(),
        published_at=None,
    )
    set_language(page.context, live_server, language)

    def text(english):
        return in_language(language, english)

    sign_in_staff(page, staff, language)

    # From the list of programs to the program's own page, and its next step.
    page.goto("/admin/portfolio/program/")
    page.get_by_role("link", name="Labor inspection training / Formación de inspectores").click()
    page.get_by_role("link", name=text("Publish"), exact=True).click()
    page.get_by_role("button", name=text("Publish")).click()

    expect(page.locator(".messagelist")).to_contain_text(text("The program is published."))
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED
    assert program.published_at is not None
    # What a visitor now sees.
    page.goto(program.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Labor inspection training / Formación de inspectores"
    )


def test_staff_send_a_newsletter_test_to_themselves(page, staff, celery_worker, smtp_server):
    NewsItemFactory(title="A new law on apprenticeships")
    issue = newsletter_services.issue_create(
        issue=Issue(title_en="RIAL news", title_es="Noticias de la RIAL"), user=staff
    )
    sign_in_staff(page, staff)

    page.goto(f"/admin/newsletter/issue/{issue.pk}/change/")
    page.get_by_role("link", name="Preview and test").click()
    field(page, "Language").select_option("es")
    page.get_by_role("button", name="Send a test to me (secretariat@example.org)").click()

    expect(page.locator(".messagelist")).to_contain_text(
        "A test is on its way to secretariat@example.org."
    )
    assert wait_for(lambda: len(smtp_server) == 1), "the worker delivered no test"
    message = smtp_server[0]
    assert message["To"] == "secretariat@example.org"
    # The Spanish copy: "[Test]" itself is translated ("[Prueba]") as the
    # catalogue grows.
    assert message["Subject"].endswith("] Noticias de la RIAL")
    assert EmailDelivery.objects.get(to="secretariat@example.org").status == DeliveryStatus.SENT
