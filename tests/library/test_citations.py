"""LibraryItem.citation_apa() and citation_bibtex() (library/citations.py)."""

import datetime

import pytest

from library.enums import AuthorRole, DatePrecision, ItemKind
from tests.factories import OrganizationFactory
from tests.library.factories import AuthorshipFactory, LibraryItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feasibility_study():
    """The study of 2004 as the seeds tell it: three experts, commissioned by the Secretariat."""
    oas = OrganizationFactory(name_en="Organization of American States")
    item = LibraryItemFactory(
        owner=oas,
        kind=ItemKind.STUDY,
        title_en=(
            "Feasibility Study for an Inter-American Cooperation Mechanism "
            "for Professional Labour Administration"
        ),
        published_on=datetime.date(2004, 10, 1),
        date_precision=DatePrecision.MONTH,
    )
    for position, (family, given) in enumerate(
        [("Lecourt", "Roger"), ("Ramos", "Carlos Alberto"), ("Ardavín", "Bernardo")]
    ):
        AuthorshipFactory(item=item, family_name=family, given_names=given, position=position)
    AuthorshipFactory(
        item=item,
        role=AuthorRole.COMMISSIONED_BY,
        family_name="",
        given_names="",
        institution=oas,
    )
    return item


def test_apa_lists_the_authors_in_order_with_initials_and_the_month(feasibility_study):
    assert feasibility_study.citation_apa(url="https://rial.example.org/library/feasibility/") == (
        "Lecourt, R., Ramos, C. A., & Ardavín, B. (2004, October). Feasibility Study for an "
        "Inter-American Cooperation Mechanism for Professional Labour Administration. "
        "Organization of American States. https://rial.example.org/library/feasibility/"
    )


def test_apa_of_an_institutions_own_report_names_it_once_with_its_symbol_and_day():
    item = LibraryItemFactory(
        owner=OrganizationFactory(name_en="OAS Technical Secretariat"),
        kind=ItemKind.REPORT,
        title_en="Report on the RIAL's results and activities 2006-2015",
        identifier="CIMT-18/GT1-GT2/doc.6/15",
        published_on=datetime.date(2015, 4, 29),
        date_precision=DatePrecision.DAY,
    )

    assert item.citation_apa() == (
        "OAS Technical Secretariat. (2015, April 29). Report on the RIAL's results and "
        "activities 2006-2015 (CIMT-18/GT1-GT2/doc.6/15)."
    )


def test_apa_of_a_single_author_with_a_hyphenated_name_and_year_only():
    item = LibraryItemFactory(
        owner=OrganizationFactory(name_en="ILO"), published_on=datetime.date(2003, 1, 1)
    )
    AuthorshipFactory(item=item, family_name="Dupont", given_names="Jean-Luc")

    assert item.citation_apa().startswith("Dupont, J.-L. (2003). ")


def test_apa_joins_twenty_one_authors_with_an_ellipsis_before_the_last():
    item = LibraryItemFactory()
    for n in range(21):
        AuthorshipFactory(item=item, family_name=f"A{n:02}", given_names="B", position=n)

    citation = item.citation_apa()

    assert "A17, B., A18, B., . . . A20, B. (2015)." in citation
    assert "A19" not in citation


def test_bibtex_of_a_study_is_a_techreport_with_its_month_macro(feasibility_study):
    assert feasibility_study.citation_bibtex() == (
        "@techreport{lecourt2004feasibility,\n"
        "  author = {Lecourt, Roger and Ramos, Carlos Alberto and Ardavín, Bernardo},\n"
        "  title = {{Feasibility Study for an Inter-American Cooperation Mechanism "
        "for Professional Labour Administration}},\n"
        "  institution = {Organization of American States},\n"
        "  year = {2004},\n"
        "  language = {english},\n"
        "  month = oct,\n"
        "}"
    )


def test_bibtex_of_a_publication_is_a_book_with_its_symbol_and_escaped_characters():
    item = LibraryItemFactory(
        owner=OrganizationFactory(name_en="Jobs & Skills {Unit}"),
        kind=ItemKind.PUBLICATION,
        language="es",
        title_en="RIAL: 10 years_100% cooperation",
        identifier="ISBN 978-0-8270-6000-0",
        url="https://example.org/rial-10",
    )

    assert item.citation_bibtex() == (
        "@book{jobs2015rial,\n"
        "  author = {{Jobs \\& Skills \\{Unit\\}}},\n"
        "  title = {{RIAL: 10 years\\_100\\% cooperation}},\n"
        "  publisher = {Jobs \\& Skills \\{Unit\\}},\n"
        "  year = {2015},\n"
        "  note = {ISBN 978-0-8270-6000-0},\n"
        "  url = {https://example.org/rial-10},\n"
        "  language = {spanish},\n"
        "}"
    )


def test_bibtex_names_an_institution_as_author_in_braces():
    item = LibraryItemFactory(owner=OrganizationFactory(name_en="OAS"))
    AuthorshipFactory(
        item=item, family_name="", given_names="", institution=OrganizationFactory(name_en="ILO")
    )

    assert "  author = {{ILO}},\n" in item.citation_bibtex()
    assert item.citation_bibtex().startswith("@techreport{ilo2015study,")
