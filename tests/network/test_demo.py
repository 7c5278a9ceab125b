from io import StringIO

import pytest
from django.core.management import call_command

from cooperation.models import Call, Request
from fund.models import Allocation
from meetings.models import AgendaSession, Meeting
from network.demo import (
    DEMO_FOCAL_POINT_EMAIL,
    DEMO_PASSWORD,
    DEMO_RECOVERY_CODES,
    DEMO_STAFF_EMAIL,
)
from network.models import (
    Conference,
    Institution,
    InstitutionName,
    MemberState,
    Topic,
    User,
    WorkingGroup,
)
from portfolio.demo_data import PROGRAMS
from portfolio.models import Program, ProgramIndicator, ProgramOffer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    # The demo's library files are written to storage.
    settings.MEDIA_ROOT = tmp_path


MODELS = (
    MemberState,
    Institution,
    InstitutionName,
    Topic,
    Conference,
    WorkingGroup,
    User,
    Program,
    ProgramOffer,
    ProgramIndicator,
)


def load_demo():
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert "Demo logins" in output.getvalue()


def snapshot():
    """Every row of the directory, with every field, and the history tables."""
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}
    rows["vice_chairs"] = list(WorkingGroup.vice_chairs.through.objects.order_by("pk").values())
    rows["user_groups"] = list(User.groups.through.objects.order_by("pk").values())
    rows["institution_history"] = Institution.history.count()
    rows["working_group_history"] = WorkingGroup.history.count()
    rows["program_history"] = Program.history.count()
    rows["program_topics"] = list(Program.topics.through.objects.order_by("pk").values())
    return rows


def test_load_demo_loads_the_directory_of_the_seeds():
    load_demo()

    assert MemberState.objects.count() == 35
    assert Institution.objects.ministries().count() == 35
    assert Topic.objects.filter(slug="labor-inspection").exists()
    assert list(Conference.objects.order_by("number").values_list("number", flat=True)) == list(
        range(12, 20)
    )
    wg2 = WorkingGroup.objects.get(conference__number=18, number=2)
    assert wg2.chair.member_state.iso_code == "CA"
    assert {i.member_state.iso_code for i in wg2.vice_chairs.all()} == {"PE", "BB"}
    canada = Institution.objects.ministries().get(member_state__iso_code="CA")
    assert canada.name_in(2010) == "Human Resources and Skills Development Canada"
    conciliation = Program.objects.get(title_es="Servicio Especializado de Conciliación Laboral")
    assert conciliation.owner.member_state.iso_code == "SV"
    assert conciliation.status == "published"
    assert conciliation.topics.filter(slug="alternative-dispute-resolution").exists()
    assert Program.objects.published().count() == len(PROGRAMS)


def test_load_demo_twice_changes_nothing():
    load_demo()
    before = snapshot()

    load_demo()

    assert snapshot() == before


def test_load_demo_creates_logins_that_work(client):
    load_demo()

    staff = User.objects.get(email=DEMO_STAFF_EMAIL)
    focal_point = User.objects.get(email=DEMO_FOCAL_POINT_EMAIL)
    assert staff.is_staff
    assert not staff.is_superuser
    assert staff.groups.filter(name="Technical Secretariat").exists()
    assert focal_point.is_focal_point
    assert focal_point.institution.member_state.iso_code == "CO"
    response = client.post(
        "/accounts/login/", {"username": DEMO_STAFF_EMAIL, "password": DEMO_PASSWORD}
    )
    assert response.url == "/accounts/login/verify/"
    response = client.post(response.url, {"token": DEMO_RECOVERY_CODES[0]})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_load_demo_keeps_a_changed_demo_password():
    load_demo()
    staff = User.objects.get(email=DEMO_STAFF_EMAIL)
    staff.set_password("a-changed-password-1")
    staff.save()

    load_demo()

    staff.refresh_from_db()
    assert staff.check_password("a-changed-password-1")


def test_load_demo_restores_a_changed_seed_value():
    load_demo()
    MemberState.objects.filter(iso_code="AR").update(name_es="Cambiado")

    load_demo()

    assert MemberState.objects.get(iso_code="AR").name_es == "Argentina"


def test_load_demo_names_each_programs_contact_once(client):
    load_demo()
    program = Program.objects.get(
        owner__member_state__iso_code="CL", topics__slug="labor-inspection"
    )
    office = "Jefe/a del Departamento de Inspección, Dirección del Trabajo"

    html = client.get(program.get_absolute_url(), headers={"accept-language": "es"})

    assert (program.contact_name, program.contact_role) == (office, "")
    assert html.content.decode().count(office) == 1


def test_load_demo_carries_spanish_for_what_a_spanish_reader_sees_first(client):
    load_demo()

    assert not WorkingGroup.objects.filter(name_es__isnull=True).exists()
    assert not Meeting.objects.exclude(description_en="").filter(description_es=None).exists()
    assert not AgendaSession.objects.filter(title_es=None).exists()
    assert not Request.objects.filter(title_es=None).exists()
    assert not Call.objects.filter(description_es=None).exists()
    assert not Allocation.objects.filter(purpose_es=None).exists()
    cartagena = Meeting.objects.get(slug="wg2-meeting-cartagena-2015")
    html = client.get(cartagena.get_absolute_url(), headers={"accept-language": "es"})
    html = html.content.decode()
    assert "Celebrada junto con la reunión del Grupo de Trabajo 1" in html
    assert "Sesión informativa sobre la Red Interamericana para la Administración" in html
    # The sessions' summaries are in English: the page says so.
    assert "Algunas partes de la agenda están disponibles solo en inglés." in html
