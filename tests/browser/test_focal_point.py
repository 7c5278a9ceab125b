"""A ministry's focal point, signed in through the real form: submits a
program for review and a cooperation request to another ministry."""

import pytest
from playwright.sync_api import expect

from cooperation.enums import RequestStatus
from cooperation.models import Request
from portfolio.enums import ProgramStatus
from portfolio.models import Program
from tests.browser.helpers import field, sign_in
from tests.factories import PASSWORD, FocalPointFactory, InstitutionFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def focal_point():
    return FocalPointFactory(full_name="Ana Pérez")


@pytest.fixture
def topic():
    return TopicFactory(name_en="Labor inspection")


def test_focal_point_submits_a_program_for_review(page, focal_point, topic):
    sign_in(page, focal_point, password=PASSWORD)

    page.get_by_role("main").get_by_role("link", name="My programs").click()
    page.get_by_role("link", name="Add a program").click()
    field(page, "Content language").select_option("en")
    field(page, "Title [en]").fill("Labor inspection training")
    field(page, "Summary [en]").fill("Courses for new labor inspectors.")
    field(page, "Objectives").fill("Better inspections.")
    field(page, "Target population").fill("Labor inspectors.")
    field(page, "Main activities").fill("Courses and field practice.")
    field(page, "Results and evidence of impact").fill("200 inspectors trained.")
    field(page, "Start year").fill("2015")
    field(page, "Implementation").select_option("ongoing")
    field(page, "Contact name").fill("Ana Pérez")
    field(page, "Contact email").fill("ana@example.org")
    page.get_by_role("checkbox", name="Labor inspection").check()
    page.get_by_role("button", name="Save and submit for review").click()

    expect(page.get_by_role("status").filter(has_text="Submitted:")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Labor inspection training")
    program = Program.objects.get()
    assert program.title_en == "Labor inspection training"
    assert program.status == ProgramStatus.SUBMITTED
    assert (program.owner, program.submitted_by) == (focal_point.institution, focal_point)
    assert list(program.topics.all()) == [topic]


def test_focal_point_submits_a_cooperation_request(page, focal_point, topic):
    provider = InstitutionFactory(name_en="Ministry of Labor of Providerland")
    ProgramFactory(owner=provider, topics=[topic])
    sign_in(page, focal_point, password=PASSWORD)

    page.goto("/cooperation/mine/")
    page.get_by_role("link", name="New request").click()
    field(page, "Title").fill("Visit to learn labor inspection planning")
    field(page, "Providing ministry").select_option(label=str(provider))
    field(page, "Topic").select_option(label="Labor inspection")
    field(page, "Activity type").select_option(index=1)
    field(page, "Objectives").fill("Adapt the inspection planning method.")
    field(page, "Number of participants").fill("3")
    field(page, "Profile of the participants").fill("Heads of inspection units.")
    # The formsets' rows repeat their labels: their fields are found by name.
    page.locator("[name=results-0-result]").fill("A planning method adopted")
    page.locator("[name=results-0-indicator]").fill("Method in force")
    page.locator("[name=results-0-baseline]").fill("No method")
    page.locator("[name=results-0-target]").fill("Method in force")
    page.locator("[name=budget-0-item]").select_option(index=1)
    page.locator("[name=budget-0-fund_amount]").fill("4000")
    page.locator("[name=budget-0-requester_amount]").fill("500")
    page.locator("[name=budget-0-provider_amount]").fill("300")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_role("status").filter(has_text="The draft is saved")).to_be_visible()
    request = Request.objects.get()
    assert request.status == RequestStatus.DRAFT

    page.get_by_role("button", name="Submit to the providing ministry").click()

    expect(page.get_by_role("status").filter(has_text="Submitted:")).to_be_visible()
    request.refresh_from_db()
    assert request.status == RequestStatus.SUBMITTED
    assert (request.requester, request.provider) == (focal_point.institution, provider)
    assert request.title == "Visit to learn labor inspection planning"
    assert request.results.get().result == "A planning method adopted"
