"""Every translated model is saved through its admin page with its texts in
Spanish only: nothing demands English. A program needs its texts in its own
language, any other record in at least one language; a missing text gets
its message on the field and saves nothing. Staff hold the Technical
Secretariat's permissions, not superuser's."""

import pytest
from django.urls import reverse
from modeltranslation.admin import TranslationBaseModelAdmin

from core.admin_translation import TranslatedAdmin
from core.translated_text import has_own_language, required_texts, translated_fields
from newsletter import services as newsletter_services
from newsletter.models import Issue
from portfolio.models import TargetGroup
from tests.admin_forms import change_form_data
from tests.conftest import sign_in_with_second_factor
from tests.cooperation.factories import CallFactory, RequestFactory
from tests.evaluations.factories import QuestionnaireFactory
from tests.factories import (
    InstitutionFactory,
    MemberStateFactory,
    SecretariatStaffFactory,
    TopicFactory,
    WorkingGroupFactory,
)
from tests.library.factories import LibraryItemFactory
from tests.meetings.factories import DocumentFactory, MeetingFactory
from tests.newsletter.factories import NewsItemFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def spanish_issue():
    issue = Issue(title_es="Noticias de la RIAL", introduction_es="Hola.")
    return newsletter_services.issue_create(issue=issue, user=SecretariatStaffFactory())


# Each translated model with an admin page, and a record of it written in Spanish only.
SPANISH_ONLY = {
    "portfolio.program": lambda: ProgramFactory(
        language="es",
        title_en="",
        summary_en="",
        title_es="Formación de inspectores",
        summary_es="Cursos para inspectores del trabajo.",
    ),
    "portfolio.targetgroup": lambda: TargetGroup.objects.create(
        slug="jovenes-rurales", name_es="Jóvenes rurales"
    ),
    "library.libraryitem": lambda: LibraryItemFactory(
        language="es",
        title_en="",
        title_es="Estudio de factibilidad",
        abstract_en="",
        abstract_es="Opciones para un mecanismo de cooperación.",
    ),
    "meetings.meeting": lambda: MeetingFactory(title_en="", title_es="Taller de inspección"),
    "meetings.document": lambda: DocumentFactory(title_en="", title_es="Informe final"),
    "cooperation.call": lambda: CallFactory(
        title_en="", title_es="Convocatoria 2027", description_es="Visitas técnicas."
    ),
    "cooperation.request": lambda: RequestFactory(
        title_en="",
        title_es="Visita técnica al servicio de mediación",
        summary_en="",
        summary_es="Tres mediadores aprenden el sistema del proveedor.",
    ),
    "evaluations.questionnaire": lambda: QuestionnaireFactory(
        title_en="", title_es="Evaluación del taller", intro_es="Tres preguntas."
    ),
    "network.memberstate": lambda: MemberStateFactory(name_en="", name_es="Tierra de Prueba"),
    "network.institution": lambda: InstitutionFactory(
        name_en="", name_es="Ministerio de Trabajo de Prueba"
    ),
    "network.topic": lambda: TopicFactory(name_en="", name_es="Diálogo social"),
    "network.workinggroup": lambda: WorkingGroupFactory(name_en="", name_es="Grupo de trabajo 1"),
    "newsletter.issue": spanish_issue,
    "newsletter.newsitem": lambda: NewsItemFactory(
        language="es", title="Nueva oficina de mediación", text="Abrió en Lima."
    ),
}


@pytest.fixture
def staff_client(client):
    return sign_in_with_second_factor(client, SecretariatStaffFactory())


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_every_admin_of_language_versions_is_covered():
    """Each admin that shows a model's language versions (modeltranslation's)
    is the shared TranslatedAdmin, and is tested here."""
    from django.contrib import admin

    shown = {
        model._meta.label_lower: model_admin
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, TranslationBaseModelAdmin)
    }
    assert all(isinstance(model_admin, TranslatedAdmin) for model_admin in shown.values())
    assert set(shown) == set(SPANISH_ONLY)


@pytest.mark.parametrize("label", sorted(SPANISH_ONLY))
def test_admin_saves_a_record_written_in_spanish_only(staff_client, label):
    obj = SPANISH_ONLY[label]()
    url = change_url(obj)
    page = staff_client.get(url)
    assert page.status_code == 200
    data = change_form_data(page)

    response = staff_client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    saved = type(obj).objects.get(pk=obj.pk)
    for name in translated_fields(type(obj)):
        assert getattr(saved, f"{name}_en") in (None, "")
        assert (getattr(saved, f"{name}_es") or "") == (getattr(obj, f"{name}_es") or "")


# A cooperation request's title is the ministry's, read-only in the admin,
# and its public summary may be empty: nothing there can be left out.
@pytest.mark.parametrize(
    "label",
    sorted(set(SPANISH_ONLY) - {"newsletter.issue", "cooperation.request"}),
)
def test_admin_refuses_a_record_without_its_required_text(staff_client, label):
    obj = SPANISH_ONLY[label]()
    model = type(obj)
    url = change_url(obj)
    data = change_form_data(staff_client.get(url))
    name = required_texts(model)[0]
    data[f"{name}_es"] = ""

    response = staff_client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    label_text = str(model._meta.get_field(name).verbose_name)
    if has_own_language(model):
        # Its own language is Spanish: English would not do.
        assert errors[f"{name}_es"] == [
            f"Give the {label_text} in Spanish, the language the content is written in."
        ]
    else:
        # The reader's language (English) is where the message goes.
        assert errors[f"{name}_en"] == [f"Give the {label_text} in at least one language."]
    assert getattr(model.objects.get(pk=obj.pk), f"{name}_es") == getattr(obj, f"{name}_es")


def test_program_in_spanish_is_refused_with_english_text_only(staff_client):
    program = SPANISH_ONLY["portfolio.program"]()
    url = change_url(program)
    data = change_form_data(staff_client.get(url))
    data.update(title_es="", title_en="Inspector training")

    response = staff_client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["title_es"]
    program.refresh_from_db()
    assert (program.title_en, program.title_es) == ("", "Formación de inspectores")


def test_record_without_a_language_saves_in_portuguese_only(staff_client):
    meeting = MeetingFactory(title_en="", title_pt="Oficina de inspeção")
    url = change_url(meeting)
    data = change_form_data(staff_client.get(url))

    response = staff_client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title_pt == "Oficina de inspeção"


def test_admin_labels_each_language_version(staff_client):
    program = SPANISH_ONLY["portfolio.program"]()

    form = staff_client.get(change_url(program)).context["adminform"].form

    assert [form.fields[f"title_{code}"].label for code in ("en", "es", "pt", "fr")] == [
        "Title (English)",
        "Title (Spanish)",
        "Title (Portuguese)",
        "Title (French)",
    ]
    assert not any(form.fields[f"title_{code}"].required for code in ("en", "es", "pt", "fr"))
