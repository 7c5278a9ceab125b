"""The spreadsheet reader shared by every import, and the focal-point contacts'
import: hostile files (formulas, huge cells, wrong types, 100,000 rows) give
messages, never a 500, and save nothing."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from core.imports import (
    MAX_CELL_CHARS,
    MAX_IMPORT_ROWS,
    Action,
    Column,
    ImportFileError,
    read_table,
    run_import,
)
from network import demo
from network.contact_imports import ContactImporter
from network.models import User
from tests.conftest import sign_in_with_second_factor
from tests.factories import SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "imports" / "contacts.csv"
COLUMNS = (Column("name", "", required=True), Column("note", ""))


def csv_file(text, name="file.csv"):
    return SimpleUploadedFile(name, text.encode())


def xlsx_file(rows, name="file.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def sample_rows():
    with SAMPLE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def as_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return csv_file(out.getvalue(), "contacts.csv")


def test_read_table_reads_csv_with_semicolons_and_windows_encoding():
    data = "name;note\r\nMinisterio de Trabajo;señal\r\n".encode("cp1252")

    table = read_table(SimpleUploadedFile("x.csv", data), columns=COLUMNS)

    assert table.rows == [(2, {"name": "Ministerio de Trabajo", "note": "señal"}, {})]


def test_read_table_refuses_formulas_in_xlsx_and_csv_without_evaluating_them():
    workbook = xlsx_file(
        [
            ["name", "note"],
            ['=HYPERLINK("http://example.com","click")', "=1+1"],
            ["plain", "=cmd|' /C calc'!A0"],
        ]
    )

    table = read_table(workbook, columns=COLUMNS)
    from_csv = read_table(csv_file('name,note\n"=HYPERLINK(""x"")",ok\n'), columns=COLUMNS)

    (_n, cells, errors), (_m, _cells, more) = table.rows
    assert cells["name"].startswith("=HYPERLINK")
    assert set(errors) == {"name", "note"}
    assert set(more) == {"note"}
    assert "formula" in from_csv.rows[0][2]["name"][0]


def test_read_table_refuses_huge_cells_and_control_characters():
    table = read_table(
        csv_file(f"name,note\n{'x' * (MAX_CELL_CHARS + 1)},a\x00b\n"), columns=COLUMNS
    )

    errors = table.rows[0][2]
    assert "limit is 20000" in errors["name"][0]
    assert "control characters" in errors["note"][0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"name,colour\nx,red\n", "Unknown columns: colour."),
        (b"note\nx\n", "Required columns are missing: name."),
        (b"name,name\nx,y\n", "These columns appear twice: name."),
        (b"name,note\n", "The file has no rows under its header."),
        (b"PK\x03\x04 not a zip", "not a XLSX document"),
        (b"%PDF-1.4 hello", "Import a CSV file or an XLSX workbook."),
    ],
)
def test_read_table_refuses_a_file_it_cannot_import_with_a_message(data, message):
    name = "x.pdf" if data.startswith(b"%PDF") else "x.csv"

    with pytest.raises(ImportFileError) as refused:
        read_table(SimpleUploadedFile(name, data), columns=COLUMNS)

    assert message in refused.value.message


def test_read_table_refuses_more_rows_than_the_limit():
    rows = [["name"], *([f"row {n}"] for n in range(MAX_IMPORT_ROWS + 1))]

    with pytest.raises(ImportFileError) as refused:
        read_table(xlsx_file(rows), columns=COLUMNS)

    assert f"more than {MAX_IMPORT_ROWS} rows" in refused.value.message


@pytest.fixture
def directory():
    demo.load()


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def test_contact_import_sample_creates_exactly_its_rows(directory, staff):
    before = User.objects.count()

    report = run_import(ContactImporter(), as_csv(sample_rows()), user=staff, commit=True)

    assert report.saved, [(r.number, r.errors) for r in report.rows if r.errors]
    assert report.count(Action.CREATED) == 8 == User.objects.count() - before
    person = User.objects.get(email="rial.co@rial.demo")
    assert person.institution.member_state.iso_code == "CO"
    assert person.is_focal_point
    assert person.is_principal_contact
    assert not person.has_usable_password()


def test_contact_import_twice_changes_nothing(directory, staff):
    run_import(ContactImporter(), as_csv(sample_rows()), user=staff, commit=True)

    report = run_import(ContactImporter(), as_csv(sample_rows()), user=staff, commit=True)

    assert report.count(Action.UNCHANGED) == 8


def test_contact_import_with_errors_saves_nothing_and_names_each(directory, staff):
    rows = sample_rows()
    rows[0]["institution"] = "Ministry of Magic"
    rows[1]["email"] = "nobody"
    rows[2]["principal_contact"] = "perhaps"
    rows[3]["email"] = staff.email
    rows[4]["institution"] = rows[5]["institution"]
    before = User.objects.count()

    report = run_import(
        ContactImporter(), as_csv(sample_rows()[:0] + rows), user=staff, commit=True
    )

    assert not report.saved
    assert User.objects.count() == before
    errors = {row.number: row.errors for row in report.rows if row.refused}
    assert errors[2] == {"institution": ["No institution is known as “Ministry of Magic”."]}
    assert list(errors[3]) == ["email"]
    assert errors[4] == {"principal_contact": ["Write yes or no."]}
    assert errors[5] == {"email": ["This is a staff account; an import never changes it."]}
    # Two principal contacts of the U.S. Department of Labor: the second is refused.
    assert "principal contact" in " ".join(
        errors[7].get("", []) + errors[7].get("principal_contact", [])
    )


def hostile_csv_rows(count):
    lines = ["institution,full_name,email", *(f"CO,Person {n},p{n}@x.org" for n in range(count))]
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("big.csv", hostile_csv_rows(100_000)), "rows"),
        (SimpleUploadedFile("huge.csv", b"institution,full_name,email\n" + b"x" * 6_000_000), "KB"),
        (
            SimpleUploadedFile(
                "cell.csv", b'institution,full_name,email\nCO,"' + b"y" * 200_000 + b'",a@b.org\n'
            ),
            "CSV",
        ),
        (SimpleUploadedFile("types.xlsx", b"PK\x03\x04garbage"), "XLSX"),
    ],
)
def test_contact_import_of_a_hostile_file_gives_a_message_never_a_500(
    client, directory, upload, message
):
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    before = User.objects.count()

    response = client.post(reverse("admin:network_user_import"), {"file": upload})

    assert response.status_code == 200
    assert message in response.context["report"].file_error
    assert User.objects.count() == before


def test_contact_import_of_formulas_and_wrong_types_refuses_each_cell(client, directory):
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    upload = xlsx_file(
        [
            ["institution", "full_name", "email", "focal_point", "principal_contact"],
            ["CO", '=HYPERLINK("http://evil.example","x")', "a@b.org", "yes", "no"],
            [57, 3.5, "=cmd|' /C calc'!A0", True, "maybe"],
        ]
    )

    response = client.post(reverse("admin:network_user_import"), {"file": upload})

    report = response.context["report"]
    assert response.status_code == 200
    assert [row.action for row in report.rows] == [Action.REFUSED, Action.REFUSED]
    assert set(report.rows[0].errors) == {"full_name"}
    assert set(report.rows[1].errors) == {"institution", "email", "principal_contact"}
    assert not User.objects.filter(email="a@b.org").exists()


def test_contact_import_is_only_for_staff_who_manage_accounts(client, directory):
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    assert client.get(reverse("admin:network_user_import")).status_code == 403
