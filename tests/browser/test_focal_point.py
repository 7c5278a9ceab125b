"""A ministry's focal point, signed in through the real form: submits a
program for review and a cooperation request to another ministry."""

import pytest
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect

from cooperation.enums import RequestStatus
from cooperation.models import Request
from portfolio.enums import ProgramStatus
from portfolio.models import Program
from tests.browser.helpers import field, in_language, set_language, sign_in
from tests.factories import PASSWORD, FocalPointFactory, InstitutionFactory, TopicFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def focal_point():
    return FocalPointFactory(full_name="Ana Pérez")


@pytest.fixture
def topic():
    return TopicFactory(name_en="Labor inspection", name_es="Inspección del trabajo")


@pytest.mark.parametrize("language", ["en", "es"])
def test_focal_point_submits_a_program_for_review(page, live_server, focal_point, topic, language):
    set_language(page.context, live_server, language)

    def text(english):
        return in_language(language, english)

    def label(verbose_name):
        return capfirst(text(verbose_name))

    title = {"en": "Labor inspection training", "es": "Formación de inspectores del trabajo"}
    sign_in(page, focal_point, password=PASSWORD, language=language)

    page.get_by_role("main").get_by_role("link", name=text("My programs")).click()
    page.get_by_role("link", name=text("Add a program")).click()
    # The program is written in the reader's language; nothing asks for English.
    field(page, label("content language")).select_option(language)
    field(page, f"{label('title')} [{language}]").fill(title[language])
    field(page, f"{label('summary')} [{language}]").fill("Cursos / courses.")
    field(page, label("objectives")).fill("Mejores inspecciones / better inspections.")
    field(page, label("target population")).fill("Inspectores / inspectors.")
    field(page, label("main activities")).fill("Cursos / courses.")
    field(page, label("results and evidence of impact")).fill("200.")
    field(page, label("start year")).fill("2015")
    field(page, label("implementation")).select_option("ongoing")
    field(page, label("contact name")).fill("Ana Pérez")
    field(page, label("contact email")).fill("ana@example.org")
    with translation.override(language):
        topic_name = topic.name
    page.get_by_role("checkbox", name=topic_name).check()
    page.get_by_role("button", name=text("Save and submit for review")).click()

    submitted = text("Submitted: the Technical Secretariat will review it.")
    expect(page.get_by_role("status").filter(has_text=submitted)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(title[language])
    program = Program.objects.get()
    assert getattr(program, f"title_{language}") == title[language]
    assert program.language == language
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
