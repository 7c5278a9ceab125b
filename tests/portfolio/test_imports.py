"""Programs imported from a spreadsheet: the sample in docs/ creates its rows,
a second import changes nothing, a file with errors saves nothing and names
each error, and the admin previews before it saves."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.imports import Action, run_import
from network import demo
from portfolio.enums import ProgramStatus, RevisionStatus
from portfolio.imports import ProgramImporter
from portfolio.models import Program
from tests.factories import SecretariatStaffFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "imports" / "programs.csv"


@pytest.fixture
def directory():
    demo.load()


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def sample_rows():
    with SAMPLE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def as_csv(rows, name="programs.csv"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, out.getvalue().encode())


def as_xlsx(rows, name="programs.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def import_programs(file, user, commit=True):
    return run_import(ProgramImporter(), file, user=user, commit=commit)


def test_program_import_sample_creates_exactly_its_rows(directory, staff):
    rows = sample_rows()

    report = import_programs(as_csv(rows), staff)

    assert not report.has_errors, [(r.number, r.errors) for r in report.rows if r.errors]
    assert report.saved
    assert report.count(Action.CREATED) == len(rows) == Program.objects.count() == 20
    titles = {(p.owner.member_state.iso_code, p.original_title()) for p in Program.objects.all()}
    assert ("AR", "Plan Nacional de Regularización del Trabajo (PNRT)") in titles
    assert set(Program.objects.values_list("status", flat=True)) == {ProgramStatus.DRAFT}
    assert LogEntry.objects.filter(user=staff).count() == 20


def test_program_import_matches_names_in_any_language(directory, staff):
    rows = sample_rows()
    peru = next(row for row in rows if row["title_en"].startswith("Social Dialogue"))

    for ministry in ("PE", "Peru", "Perú", "pErU"):
        report = import_programs(as_csv([{**peru, "ministry": ministry}]), staff, commit=False)
        assert report.rows[0].action == Action.CREATED, (ministry, report.rows[0].errors)
    spanish_topic = {**peru, "topics": "Diálogo social", "target_groups": "Empleadores; Workers"}
    report = import_programs(as_csv([spanish_topic]), staff, commit=False)
    assert report.rows[0].action == Action.CREATED, report.rows[0].errors
    assert Program.objects.count() == 0


def test_program_import_from_xlsx_is_the_same_as_from_csv(directory, staff):
    report = import_programs(as_xlsx(sample_rows()), staff)

    assert report.saved
    assert report.count(Action.CREATED) == Program.objects.count() == 20


def test_program_import_twice_changes_nothing(directory, staff):
    import_programs(as_csv(sample_rows()), staff)
    before = list(Program.objects.order_by("pk").values("pk", "updated_at"))

    report = import_programs(as_csv(sample_rows()), staff)

    assert report.count(Action.UNCHANGED) == 20
    assert list(Program.objects.order_by("pk").values("pk", "updated_at")) == before
    assert LogEntry.objects.count() == 20


def test_program_import_changes_a_draft_in_place(directory, staff):
    rows = sample_rows()
    import_programs(as_csv(rows), staff)
    rows[0]["results"] = "Nuevas cifras."

    report = import_programs(as_csv(rows), staff)

    assert report.count(Action.UPDATED) == 1
    assert report.count(Action.UNCHANGED) == 19
    assert Program.objects.get(title_es=rows[0]["title_es"]).results == "Nuevas cifras."


def test_program_import_proposes_a_revision_of_a_published_program(directory, staff):
    rows = sample_rows()
    import_programs(as_csv(rows), staff)
    program = Program.objects.get(title_es=rows[0]["title_es"])
    Program.objects.filter(pk=program.pk).update(status=ProgramStatus.PUBLISHED)
    rows[0]["results"] = "Nuevas cifras."

    first = import_programs(as_csv(rows), staff)
    again = import_programs(as_csv(rows), staff)

    program.refresh_from_db()
    assert first.rows[0].action == Action.UPDATED
    assert again.rows[0].action == Action.UNCHANGED
    assert program.results != "Nuevas cifras."
    revision = program.revisions.get()
    assert revision.status == RevisionStatus.DRAFT
    assert revision.content["results"] == "Nuevas cifras."


def test_program_import_with_errors_saves_nothing_and_names_each(directory, staff):
    rows = sample_rows()
    rows[0]["ministry"] = "Atlantis"
    rows[1]["topics"] = "Labor inspection; Astrology"
    rows[2]["start_year"] = "soon"
    rows[3]["contact_email"] = "not an address"
    rows[4]["language"] = "Klingon"
    rows[5]["ministry"] = "Ministry of Labor"
    rows[6] = {**rows[6], "title_es": "", "title_en": ""}

    report = import_programs(as_csv(rows), staff)

    assert not report.saved
    assert Program.objects.count() == 0
    assert LogEntry.objects.count() == 0
    errors = {row.number: row.errors for row in report.rows if row.refused}
    assert set(errors) == {2, 3, 4, 5, 6, 7, 8}
    assert errors[2] == {"ministry": ["No ministry of labor is known as “Atlantis”."]}
    assert errors[3] == {"topics": ["No topic is known as “Astrology”."]}
    assert list(errors[4]) == ["start_year"]
    assert list(errors[5]) == ["contact_email"]
    assert list(errors[6]) == ["language"]
    assert "give the member state's code" in errors[7]["ministry"][0]
    assert "title_es" in errors[8]
    assert report.count(Action.CREATED) == 13


def test_program_import_refuses_a_row_repeating_another(directory, staff):
    rows = sample_rows()

    report = import_programs(as_csv([rows[0], rows[0]]), staff)

    assert not report.saved
    assert report.rows[1].errors == {"": ["This row is about the same record as row 2."]}


def test_program_import_admin_previews_then_saves_on_confirmation(client, directory):
    from tests.conftest import sign_in_with_second_factor

    staff = SecretariatStaffFactory()
    sign_in_with_second_factor(client, staff)
    url = reverse("admin:portfolio_program_import")

    changelist = client.get(reverse("admin:portfolio_program_changelist"))
    assert url in changelist.content.decode()
    preview = client.post(url, {"file": as_csv(sample_rows())})

    assert preview.status_code == 200
    assert Program.objects.count() == 0
    assert preview.context["report"].count(Action.CREATED) == 20
    assert "Confirm the import" in preview.content.decode()

    confirmed = client.post(url, {"token": preview.context["token"]})

    assert confirmed.status_code == 302
    assert Program.objects.count() == 20
    assert client.post(url, {"token": preview.context["token"]}).status_code == 302
    assert Program.objects.count() == 20


def test_program_import_admin_shows_errors_and_offers_no_confirmation(client, directory):
    from tests.conftest import sign_in_with_second_factor

    sign_in_with_second_factor(client, SecretariatStaffFactory())
    rows = sample_rows()
    rows[0]["topics"] = "Astrology"

    response = client.post(reverse("admin:portfolio_program_import"), {"file": as_csv(rows)})

    page = response.content.decode()
    assert response.status_code == 200
    assert "No topic is known as “Astrology”." in page
    assert "Confirm the import" not in page
    assert Program.objects.count() == 0
