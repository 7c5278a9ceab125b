"""The fund's historical contributions imported from a spreadsheet: through
the books' service and rules, marked with their file, never edited by a
second import."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum

from core.imports import Action, run_import
from fund.imports import ContributionImporter
from fund.models import Contribution
from network import demo
from tests.factories import SecretariatStaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "imports" / "contributions.csv"


@pytest.fixture
def directory():
    demo.load()


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def sample_rows():
    with SAMPLE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def as_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("contributions.csv", out.getvalue().encode())


def import_contributions(rows, user):
    return run_import(ContributionImporter(), as_csv(rows), user=user, commit=True)


def test_contribution_import_sample_records_exactly_its_rows_marked_as_imported(directory, staff):
    report = import_contributions(sample_rows(), staff)

    assert report.saved, [(r.number, r.errors) for r in report.rows if r.errors]
    assert report.count(Action.CREATED) == 21 == Contribution.objects.count()
    # The seeds' totals: US$467,815 in money and $128,000 in kind.
    assert Contribution.objects.aggregate(total=Sum("amount_usd"))["total"] == Decimal("595815")
    assert set(Contribution.objects.values_list("imported_from", flat=True)) == {
        "contributions.csv"
    }
    assert set(Contribution.objects.values_list("recorded_by", flat=True)) == {staff.pk}


def test_contribution_import_twice_changes_nothing(directory, staff):
    import_contributions(sample_rows(), staff)

    report = import_contributions(sample_rows(), staff)

    assert report.count(Action.UNCHANGED) == 21
    assert Contribution.objects.count() == 21


def test_contribution_import_never_edits_a_recorded_contribution(directory, staff):
    import_contributions(sample_rows(), staff)
    rows = sample_rows()
    rows[0]["amount"] = rows[0]["amount_usd"] = "1.00"

    report = import_contributions(rows, staff)

    assert not report.saved
    assert "voiding or reversing" in report.rows[0].errors["reference"][0]
    assert Contribution.objects.get(reference=rows[0]["reference"]).amount == Decimal("100000")


def test_contribution_import_with_errors_saves_nothing_and_names_each(directory, staff):
    rows = sample_rows()
    rows[0]["contributor"] = "Atlantis"
    rows[1]["amount"] = "a lot"
    rows[2]["received_on"] = "2999-01-01"
    rows[3]["amount"] = rows[3]["amount_usd"] = "-5"
    rows[17]["valuation"] = ""
    rows[4]["currency"] = "BRL"
    rows[4]["amount_usd"] = ""

    report = import_contributions(rows, staff)

    assert not report.saved
    assert Contribution.objects.count() == 0
    errors = {row.number: row.errors for row in report.rows if row.refused}
    assert errors[2] == {"contributor": ["No institution is known as “Atlantis”."]}
    assert errors[3] == {"amount": ["“a lot” is not an amount."]}
    assert list(errors[4]) == ["received_on"]
    assert errors[5]
    assert errors[6] == {"amount_usd": ["This cell is required."]}
    assert list(errors[19]) == ["valuation"]
    assert set(errors) == {2, 3, 4, 5, 6, 19}


def test_contribution_import_is_refused_to_whoever_does_not_keep_the_books(directory):
    report = import_contributions(sample_rows(), UserFactory(is_staff=True))

    assert not report.saved
    assert "Only the Technical Secretariat" in report.rows[0].errors[""][0]
