"""Staff edit a program written in Spanish in the admin: its language tabs
work (jQuery UI served by the portal, not a CDN the policy blocks), each
field names its language, and the Spanish text is saved without any English.
The page may neither log a console error nor ask another host for anything
(the ``page_faults`` fixture every browser test has fails it)."""

import pytest
from django.contrib.auth.models import Permission
from django.db.models import Q
from playwright.sync_api import expect

from portfolio.enums import ProgramStatus
from tests.browser.helpers import field
from tests.browser.test_staff import sign_in_staff
from tests.factories import UserFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def staff():
    """The permissions of the Technical Secretariat over programs, given
    directly (a transactional test's flush removes the migrations' groups)."""
    user = UserFactory(is_staff=True, email="secretariat@example.org", full_name="Sam Staff")
    user.user_permissions.set(
        Permission.objects.filter(
            Q(content_type__app_label="portfolio")
            | Q(content_type__app_label="network", codename__startswith="view_")
        )
    )
    return user


def test_staff_edit_a_spanish_program_in_its_language_tabs(page, staff):
    program = ProgramFactory(
        language="es",
        status=ProgramStatus.SUBMITTED,
        published_at=None,
        title_en="",
        summary_en="",
        title_es="Formación de inspectores",
        summary_es="Cursos para inspectores del trabajo.",
    )
    sign_in_staff(page, staff)

    page.goto(f"/admin/portfolio/program/{program.pk}/change/")

    # jQuery UI turned the four title fields into tabs, one per language.
    title_tabs = page.locator("li[role=tab][aria-controls^=tab_id_title_]")
    expect(title_tabs).to_have_count(4)
    expect(title_tabs).to_have_text(["en", "es", "pt", "fr"])
    page.locator("li[role=tab][aria-controls=tab_id_title_es]").click()
    spanish_title = field(page, "Title (Spanish)")
    expect(spanish_title).to_be_visible()
    expect(spanish_title).to_have_value("Formación de inspectores")
    expect(field(page, "Title (English)")).to_be_hidden()
    spanish_title.fill("Formación de inspectoras e inspectores")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    program.refresh_from_db()
    assert program.title_es == "Formación de inspectoras e inspectores"
    assert not program.title_en
