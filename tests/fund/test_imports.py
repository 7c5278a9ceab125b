"""The fund's historical contributions imported from a spreadsheet: through
the books' service and rules, marked with their file, never edited by a
second import."""

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.urls import reverse

from core.imports import Action, run_import
from fund.enums import BudgetLine, PledgeState
from fund.imports import AllocationImporter, ContributionImporter, ExpenseImporter, PledgeImporter
from fund.models import Allocation, Contribution, Expense, Pledge
from fund.selectors import fund_statement
from network import demo
from tests.conftest import sign_in_with_second_factor
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


# Pledges, allocations and expenses: the same engine, the same guarantees.

SAMPLES = SAMPLE.parent
BOOKS = [
    ("contributions.csv", ContributionImporter, Contribution, 21),
    ("pledges.csv", PledgeImporter, Pledge, 2),
    ("allocations.csv", AllocationImporter, Allocation, 3),
    ("expenses.csv", ExpenseImporter, Expense, 14),
]


def rows_of(name):
    with (SAMPLES / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def import_file(importer_class, rows, user, name):
    upload = as_csv(rows)
    upload.name = name
    return run_import(importer_class(), upload, user=user, commit=True)


def import_books(user):
    return [
        import_file(importer_class, rows_of(name), user, name)
        for name, importer_class, _model, _count in BOOKS
    ]


@pytest.mark.parametrize(("name", "importer_class", "model", "count"), BOOKS[1:])
def test_book_import_sample_records_exactly_its_rows_marked_as_imported(
    directory, staff, name, importer_class, model, count
):
    report = import_file(importer_class, rows_of(name), staff, name)

    assert report.saved, [(r.number, r.errors) for r in report.rows if r.errors]
    assert report.count(Action.CREATED) == count == model.objects.count()
    assert set(model.objects.values_list("imported_from", flat=True)) == {name}
    assert set(model.objects.values_list("recorded_by", flat=True)) == {staff.pk}


@pytest.mark.parametrize(("name", "importer_class", "model", "count"), BOOKS[1:])
def test_book_import_twice_changes_nothing(directory, staff, name, importer_class, model, count):
    import_file(importer_class, rows_of(name), staff, name)
    before = list(model.history.values_list("history_id", flat=True))

    report = import_file(importer_class, rows_of(name), staff, name)

    assert report.count(Action.UNCHANGED) == count
    assert list(model.history.values_list("history_id", flat=True)) == before


def test_fund_statement_after_importing_the_samples_is_the_reported_one(directory, staff):
    reports = import_books(staff)

    assert all(report.saved for report in reports)
    statement = fund_statement()
    # The report to the Cartagena meeting (April 2015): US$467,815 in money,
    # $128,000 in kind, $538,832 spent, a balance of $56,983.
    assert statement.financial_total == Decimal("467815.00")
    assert statement.in_kind_total == Decimal("128000.00")
    assert statement.expenses_total == Decimal("538832.00")
    assert statement.balance == Decimal("56983.00")
    assert dict(statement.expenses_by_line) == {
        BudgetLine.COOPERATION_ACTIVITIES: Decimal("220000.00"),
        BudgetLine.PLATFORM: Decimal("21000.00"),
        BudgetLine.PUBLICATIONS: Decimal("9832.00"),
        BudgetLine.STAFF: Decimal("160000.00"),
        BudgetLine.MEETINGS: Decimal("128000.00"),
        BudgetLine.OTHER: Decimal("0.00"),
    }
    assert sorted(allocation.ceiling for allocation in statement.allocations) == [
        Decimal("5000.00"),
        Decimal("10000.00"),
        Decimal("20000.00"),
    ]
    allocation = Allocation.objects.get(reference="DEMO-A-01 (illustrative)")
    assert allocation.purpose_pt == "Reformulação da plataforma virtual da RIAL"
    mexico = Pledge.objects.get(reference="DEMO-P-01 (illustrative)")
    assert mexico.state_on(datetime.date(2015, 6, 1)) == PledgeState.OPEN
    assert mexico.institution.member_state.iso_code == "MX"


def test_pledge_import_with_errors_saves_nothing_and_names_each(directory, staff):
    rows = rows_of("pledges.csv")
    rows[0]["contributor"] = "Atlantis"
    rows[0]["year_from"] = "next year"
    rows[1]["status"] = "withdrawn"

    report = import_file(PledgeImporter, rows, staff, "pledges.csv")

    assert not report.saved
    assert Pledge.objects.count() == 0
    errors = {row.number: row.errors for row in report.rows if row.refused}
    assert errors[2] == {
        "contributor": ["No institution is known as “Atlantis”."],
        "year_from": ["“next year” is not a whole number."],
    }
    assert errors[3] == {"withdrawn_on": ["Give the day a withdrawn pledge was withdrawn."]}


def test_allocation_import_with_errors_saves_nothing_and_names_each(directory, staff):
    rows = rows_of("allocations.csv")
    for code in ("en", "es", "pt", "fr"):
        rows[0][f"purpose_{code}"] = ""
    rows[1]["budget_line"] = "fireworks"
    rows[2]["ceiling"] = "-10"
    rows[2]["decided_at"] = ""

    report = import_file(AllocationImporter, rows, staff, "allocations.csv")

    assert not report.saved
    assert Allocation.objects.count() == 0
    errors = {row.number: row.errors for row in report.rows if row.refused}
    assert errors[2] == {"": ["Give the purpose in at least one language."]}
    assert list(errors[3]) == ["budget_line"]
    assert errors[4]["decided_at"] == ["This cell is required."]
    assert set(errors) == {2, 3, 4}


def test_expense_import_with_errors_saves_nothing_and_names_each(directory, staff):
    import_file(AllocationImporter, rows_of("allocations.csv"), staff, "allocations.csv")
    rows = rows_of("expenses.csv")
    rows[0]["spent_on"] = "2999-01-01"
    rows[1]["allocation"] = "DEMO-A-99"
    rows[2]["allocation"] = "DEMO-A-02 (illustrative)"
    rows[2]["budget_line"] = "publications"
    rows[3]["amount"] = "=SUM(A1:A9)"

    report = import_file(ExpenseImporter, rows, staff, "expenses.csv")

    assert not report.saved
    assert Expense.objects.count() == 0
    errors = {row.number: row.errors for row in report.rows if row.refused}
    assert list(errors[2]) == ["spent_on"]
    assert errors[3] == {"allocation": ["No single allocation bears the reference “DEMO-A-99”."]}
    # $70,000 against an allocation of $5,000.
    assert "past its ceiling" in errors[4]["amount"][0]
    assert "formula" in errors[5]["amount"][0]
    assert set(errors) == {2, 3, 4, 5}


def test_expense_import_never_edits_a_recorded_expense(directory, staff):
    import_file(ExpenseImporter, rows_of("expenses.csv"), staff, "expenses.csv")
    rows = rows_of("expenses.csv")
    rows[0]["amount"] = "1.00"

    report = import_file(ExpenseImporter, rows, staff, "expenses.csv")

    assert not report.saved
    assert "voiding or reversing" in report.rows[0].errors["reference"][0]


@pytest.mark.parametrize("model_name", ["pledge", "allocation", "expense"])
def test_book_import_through_the_admin_saves_only_when_confirmed(client, directory, model_name):
    sign_in_with_second_factor(client, SecretariatStaffFactory())
    name = f"{model_name}s.csv"
    url = reverse(f"admin:fund_{model_name}_import")
    model = {"pledge": Pledge, "allocation": Allocation, "expense": Expense}[model_name]

    preview = client.post(url, {"file": SimpleUploadedFile(name, (SAMPLES / name).read_bytes())})

    assert preview.status_code == 200
    assert not preview.context["report"].has_errors
    assert model.objects.count() == 0
    assert client.post(url, {"token": preview.context["token"]}).status_code == 302
    assert model.objects.count() == preview.context["report"].count(Action.CREATED) > 0
