import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import sign_in_with_second_factor
from tests.factories import InstitutionFactory, MemberStateFactory, UserFactory
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    InKindContributionFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def test_statement_page_shows_contributors_expenses_and_balance(client):
    peru = InstitutionFactory(
        name_en="Ministry of Labor and Employment Promotion",
        member_state=MemberStateFactory(name_en="Peru"),
    )
    ContributionFactory(institution=peru, amount=Decimal("12000.00"))
    InKindContributionFactory(amount=Decimal("3000.00"))
    ExpenseFactory(amount=Decimal("2500.50"))

    response = client.get(reverse("fund:statement"))

    html = response.content.decode()
    statement = response.context["statement"]
    assert statement.balance == Decimal("12499.50")
    assert "Ministry of Labor and Employment Promotion" in html
    assert "12,499.50" in html
    assert "<svg" in html


def test_statement_for_a_year_has_an_opening_balance(client):
    ContributionFactory(amount=Decimal("1000.00"), received_on=datetime.date(2014, 6, 1))
    ContributionFactory(amount=Decimal("500.00"), received_on=datetime.date(2015, 6, 1))
    ExpenseFactory(amount=Decimal("200.00"), spent_on=datetime.date(2015, 7, 1))

    statement = client.get(reverse("fund:statement"), {"year": 2015}).context["statement"]

    assert statement.start == datetime.date(2015, 1, 1)
    assert statement.opening_balance == Decimal("1000.00")
    assert statement.financial_total == Decimal("500.00")
    assert statement.balance == Decimal("1300.00")


@pytest.mark.parametrize("year", ["abc", "1800", "2015; DROP TABLE", "\x00"])
def test_statement_with_a_bad_period_falls_back_to_since_the_start(client, year):
    ContributionFactory()

    response = client.get(reverse("fund:statement"), {"year": year})

    assert response.status_code == 200
    assert response.context["statement"].start is None


def test_statement_csv_has_the_same_figures(client):
    ContributionFactory(amount=Decimal("1234.56"))
    ExpenseFactory(amount=Decimal("34.56"))

    response = client.get(reverse("fund:statement_export", args=["csv"]))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert ["Total financial contributions", "1234.56"] in rows
    assert ["Total expenses", "34.56"] in rows
    assert ["Balance", "1200.00"] in rows


def test_statement_xlsx_opens_with_the_balance(client):
    from openpyxl import load_workbook

    ContributionFactory(amount=Decimal("1000.00"))

    response = client.get(reverse("fund:statement_export", args=["xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content)).active
    figures = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert Decimal(str(figures["Balance"])) == Decimal("1000.00")
    assert Decimal(str(figures["Total resources"])) == Decimal("1000.00")


def test_statement_export_in_an_unknown_format_is_404(client):
    assert client.get(reverse("fund:statement_export", args=["pdf"])).status_code == 404


def _books(count):
    for index in range(count):
        institution = InstitutionFactory()
        ContributionFactory(
            institution=institution, received_on=datetime.date(2012 + index % 4, 1, 1)
        )
        InKindContributionFactory(institution=institution)
        allocation = AllocationFactory(ceiling=Decimal("100000.00"))
        ExpenseFactory(allocation=allocation)
        PledgeFactory(institution=institution)


@pytest.mark.parametrize(
    "url",
    [
        "/fund/",
        "/fund/?year=2015",
        "/fund/statement.csv",
        "/fund/statement.xlsx",
    ],
)
def test_statement_pages_run_a_fixed_number_of_queries(count_queries, url):
    _books(3)
    few = count_queries(url)

    _books(30)

    assert count_queries(url) == few


def test_member_state_page_shows_its_contributions_by_year(client):
    ministry = InstitutionFactory()
    ContributionFactory(institution=ministry, amount=Decimal("7815.00"))
    InKindContributionFactory(institution=ministry, amount=Decimal("2000.00"))

    html = client.get(ministry.member_state.get_absolute_url()).content.decode()

    assert "Contributions to the Voluntary Contribution Fund" in html
    assert "7,815.00" in html
    assert "2,000.00" in html


def test_member_state_page_without_contributions_has_no_fund_section(client):
    ministry = InstitutionFactory()

    html = client.get(ministry.member_state.get_absolute_url()).content.decode()

    assert "Contributions to the Voluntary Contribution Fund" not in html


def test_the_charts_coordinates_are_numbers_the_browser_reads_in_spanish(client, settings):
    ContributionFactory(amount=Decimal("12000.00"))
    ContributionFactory(amount=Decimal("3333.33"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    html = client.get(reverse("fund:statement")).content.decode()

    coordinates = re.findall(r'\b(?:x|y|width|height)="([^"]*)"', html)
    assert coordinates
    assert not [value for value in coordinates if "," in value]
    # The figures a person reads stay in Spanish.
    assert "15\xa0333,33 USD" in html


# An expense's supporting document -----------------------------------------------


def test_staff_read_an_expense_document_from_the_admin(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    expense = ExpenseFactory(document=SimpleUploadedFile("invoice.pdf", PDF))

    page = staff_client.get(reverse("admin:fund_expense_change", args=[expense.pk]))
    url = reverse("fund:expense_document", kwargs={"pk": expense.pk})
    assert f'href="{url}"' in page.content.decode()

    response = staff_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="invoice.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_an_expense_document_is_not_found_for_staff_without_the_books(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    expense = ExpenseFactory(document=SimpleUploadedFile("invoice.pdf", PDF))
    sign_in_with_second_factor(client, UserFactory(is_staff=True))

    response = client.get(reverse("fund:expense_document", kwargs={"pk": expense.pk}))

    assert response.status_code == 404


def test_an_expense_without_a_document_has_none_to_read(staff_client):
    expense = ExpenseFactory()

    response = staff_client.get(reverse("fund:expense_document", kwargs={"pk": expense.pk}))

    assert response.status_code == 404


# The audit trail: each line of the statement leads to its records.


@pytest.fixture
def books_of_2015():
    from fund import services
    from tests.factories import SecretariatStaffFactory

    staff = SecretariatStaffFactory()
    peru, chile = InstitutionFactory(name_en="Peru's ministry"), InstitutionFactory()
    day = datetime.date(2015, 3, 1)
    euros = ContributionFactory(
        institution=peru,
        currency="EUR",
        amount=Decimal("1000.00"),
        amount_usd=Decimal("1085.40"),
        received_on=day,
    )
    services.entry_reverse(
        entry=euros, user=staff, on=datetime.date(2015, 4, 1), reference="R", amount=Decimal("100")
    )
    ContributionFactory(institution=peru, amount=Decimal("250.25"), received_on=day)
    ContributionFactory(
        institution=peru, amount=Decimal("999.00"), received_on=datetime.date(2014, 5, 1)
    )
    ContributionFactory(institution=peru, amount=Decimal("5.00"), voided=True, void_reason="Twice")
    InKindContributionFactory(institution=peru, amount=Decimal("3000.00"), received_on=day)
    ContributionFactory(institution=chile, amount=Decimal("700.00"), received_on=day)
    paid = ExpenseFactory(amount=Decimal("800.00"), spent_on=day)
    services.entry_reverse(
        entry=paid, user=staff, on=datetime.date(2015, 5, 1), reference="R", amount=Decimal("50.00")
    )
    return peru


def test_each_line_of_the_statement_leads_to_records_that_add_up_to_it(client, books_of_2015):
    response = client.get(reverse("fund:statement"), {"year": 2015})
    statement = response.context["statement"]
    page = response.content.decode()
    lines = (
        [
            (f"kind=financial&contributor={row['institution_id']}", row["total"])
            for row in statement.financial_by_contributor
        ]
        + [
            (f"kind=in_kind&contributor={row['institution_id']}", row["total"])
            for row in statement.in_kind_by_contributor
        ]
        + [(f"line={line.value}", total) for line, total in statement.expenses_by_line if total]
    )

    assert len(lines) == 4
    for query, total in lines:
        url = f"{reverse('fund:statement_line')}?year=2015&{query}"
        assert url.replace("&", "&amp;") in page
        records = client.get(url)
        assert records.status_code == 200
        assert records.context["total"] == total
        assert sum((r.value for r in records.context["records"]), Decimal(0)) == total
    peru = client.get(
        reverse("fund:statement_line"),
        {"year": 2015, "kind": "financial", "contributor": books_of_2015.pk},
    )
    assert [
        (r.received_on, r.signed_amount, r.currency, r.value) for r in peru.context["records"]
    ] == [
        (datetime.date(2015, 3, 1), Decimal("1000.00"), "EUR", Decimal("1085.40")),
        (datetime.date(2015, 3, 1), Decimal("250.25"), "USD", Decimal("250.25")),
        (datetime.date(2015, 4, 1), Decimal("-100.00"), "EUR", Decimal("-108.54")),
    ]
    assert peru.context["records"][0].rate == Decimal("1.085400")


def test_the_csv_carries_the_records_of_each_line(client, books_of_2015):
    statement = client.get(reverse("fund:statement"), {"year": 2015}).context["statement"]
    response = client.get(reverse("fund:statement_export", args=["csv"]), {"year": 2015})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    start = rows.index(next(row for row in rows if row and row[0] == "Records"))
    records = rows[start + 1 :]

    by_line = {}
    for row in records:
        by_line[(row[0], row[1])] = by_line.get((row[0], row[1]), Decimal(0)) + Decimal(row[6])
    peru = next(
        r for r in statement.financial_by_contributor if r["institution_id"] == books_of_2015.pk
    )
    assert by_line[(str(books_of_2015), "Financial")] == peru["total"] == Decimal("1227.11")
    assert sum(by_line.values(), Decimal(0)) == statement.total_resources + statement.expenses_total


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"kind": "financial"},
        {"line": "nonsense"},
        {"kind": "financial", "contributor": "x"},
        {"kind": "financial", "contributor": "99999999999"},
        {"kind": "financial", "contributor": "424242"},
    ],
)
def test_a_line_that_is_not_on_the_statement_is_404(client, books_of_2015, query):
    assert client.get(reverse("fund:statement_line"), {"year": 2015, **query}).status_code == 404


def test_statement_gives_allocation_purposes_in_the_readers_language(client):
    AllocationFactory(
        purpose_en="Redesign of the RIAL virtual platform",
        purpose_es="Rediseño de la plataforma virtual de la RIAL",
    )
    AllocationFactory(purpose_en="Commemorative publication", purpose_es=None)

    spanish = client.get(reverse("fund:statement"), headers={"accept-language": "es"})
    english = client.get(reverse("fund:statement"), headers={"accept-language": "en"})

    html = spanish.content.decode()
    assert '<span lang="es">Rediseño de la plataforma virtual de la RIAL</span>' in html
    # Only in English: shown in English, and marked so.
    assert '<span lang="en">Commemorative publication</span>' in html
    assert '<span lang="en">Redesign of the RIAL virtual platform</span>' in (
        english.content.decode()
    )
