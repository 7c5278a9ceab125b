"""/data/: every dataset as CSV and JSON, valid against its data dictionary,
described by a DCAT-AP catalogue and a Data Package, and holding only what a
visitor may read."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
import rdflib
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.enums import RequestStatus
from meetings.enums import Visibility
from opendata.datasets import DATASETS
from portfolio.enums import ProgramStatus
from tests.cooperation.factories import RequestFactory
from tests.factories import InstitutionFactory
from tests.fund.factories import ContributionFactory, ExpenseFactory
from tests.meetings.factories import DocumentFactory, DocumentFileFactory, MeetingFactory
from tests.portfolio.factories import ProgramFactory

pytestmark = pytest.mark.django_db

SLUGS = [dataset.slug for dataset in DATASETS]
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
RDF_TYPE = rdflib.RDF.type
HIDDEN = "HIDDEN"


def file_url(slug, fmt):
    return reverse("opendata:dataset_file", kwargs={"slug": slug, "fmt": fmt})


def body(response):
    return b"".join(response.streaming_content).decode()


def records(client, slug, fmt):
    """The file's rows as dicts, and its header (CSV) or each row's keys (JSON)."""
    response = client.get(file_url(slug, fmt))
    assert response.status_code == 200
    assert response.streaming
    text = body(response)
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text))
        return list(reader), [reader.fieldnames]
    rows = json.loads(text)
    return rows, [list(row) for row in rows]


def add_public_records(ministry, n=1):
    """``n`` public records of each dataset."""
    for _ in range(n):
        ProgramFactory(owner=ministry)
        document = DocumentFactory()
        DocumentFileFactory(document=document, language="en")
        DocumentFileFactory(document=document, language="es")
        RequestFactory(status=RequestStatus.APPROVED, requester=ministry)
        closed = RequestFactory(status=RequestStatus.CLOSED, provider=ministry)
        closed.results.update(achieved="Protocol in force")
        ContributionFactory(institution=ministry, amount=Decimal("1234.50"))
        ExpenseFactory(amount=Decimal("200.00"))


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ministry = InstitutionFactory()
    add_public_records(ministry)
    # What a visitor may not see: each must be absent from every file.
    ProgramFactory(title_en=f"{HIDDEN} draft", status=ProgramStatus.DRAFT, published_at=None)
    ProgramFactory(
        title_en=f"{HIDDEN} submitted", status=ProgramStatus.SUBMITTED, published_at=None
    )
    ProgramFactory(title_en=f"{HIDDEN} archived", status=ProgramStatus.ARCHIVED)
    restricted = MeetingFactory(title_en=f"{HIDDEN} meeting", visibility=Visibility.DELEGATES)
    DocumentFileFactory(
        document=DocumentFactory(meeting=restricted, title_en=f"{HIDDEN} of restricted meeting")
    )
    DocumentFileFactory(
        document=DocumentFactory(title_en=f"{HIDDEN} document", visibility=Visibility.DELEGATES)
    )
    RequestFactory(title=f"{HIDDEN} draft request", status=RequestStatus.DRAFT)
    RequestFactory(title=f"{HIDDEN} under review", status=RequestStatus.UNDER_REVIEW)
    # An approved activity is public, its expected results not yet.
    approved = RequestFactory(status=RequestStatus.APPROVED)
    approved.results.update(result=f"{HIDDEN} result of an open activity")
    ContributionFactory(
        institution=ministry, voided=True, void_reason="Typo", amount=Decimal("777.77")
    )
    ExpenseFactory(description=f"{HIDDEN} voided expense", voided=True, void_reason="Typo")
    return ministry


def valid(value, field_type, fmt):
    """Whether a cell holds a value of the dictionary's type."""
    if fmt == "json":
        checks = {
            "string": lambda v: isinstance(v, str),
            "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, str) and Decimal(v).is_finite(),
            "boolean": lambda v: isinstance(v, bool),
            "date": lambda v: isinstance(v, str) and datetime.date.fromisoformat(v),
            "datetime": lambda v: isinstance(v, str) and datetime.datetime.fromisoformat(v),
        }
        return value is None or bool(checks[field_type](value))
    checks = {
        "string": lambda v: True,
        "integer": lambda v: re.fullmatch(r"-?\d+", v),
        "number": lambda v: re.fullmatch(r"-?\d+(\.\d+)?", v),
        "boolean": lambda v: v in ("true", "false"),
        "date": datetime.date.fromisoformat,
        "datetime": datetime.datetime.fromisoformat,
    }
    return value == "" or bool(checks[field_type](value))


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("slug", SLUGS)
def test_each_file_validates_against_its_data_dictionary(client, world, slug, fmt):
    schema = client.get(reverse("opendata:dataset_schema", kwargs={"slug": slug})).json()
    names = [field["name"] for field in schema["fields"]]
    rows, headers = records(client, slug, fmt)
    assert rows, f"{slug}.{fmt} is empty"
    assert all(header == names for header in headers)
    for row in rows:
        for field in schema["fields"]:
            value = row[field["name"]]
            assert valid(value, field["type"], fmt), (field, value)
            if field.get("format") == "uri" and value:
                assert value.startswith("http://testserver/")


def test_the_files_show_nothing_a_visitor_may_not_see(client, world):
    for slug in SLUGS:
        for fmt in ("csv", "json"):
            text = body(client.get(file_url(slug, fmt)))
            assert HIDDEN not in text, f"{slug}.{fmt}"
            assert "777.77" not in text
            assert "contact@example.org" not in text


def test_the_files_hold_the_public_records(client, world):
    programs, _ = records(client, "programs", "json")
    assert [program["member_state"] for program in programs] == [world.member_state.iso_code]
    documents, _ = records(client, "documents", "csv")
    assert sorted(document["language"] for document in documents) == ["en", "es"]
    results, _ = records(client, "cooperation-results", "json")
    assert [result["achieved"] for result in results] == ["Protocol in force"]
    ledger, _ = records(client, "fund-ledger", "json")
    assert sorted((line["record_type"], line["value_usd"]) for line in ledger) == [
        ("contribution", "1234.50"),
        ("expense", "200.00"),
    ]
    years, _ = records(client, "fund-statement", "csv")
    assert years[0]["year"] == "2015"
    assert years[0]["balance"] == "1034.50"
    states, _ = records(client, "member-states", "json")
    (state,) = [s for s in states if s["iso_code"] == world.member_state.iso_code]
    assert (state["programs"], state["cooperation_activities"]) == (1, 2)


def test_a_formula_is_text_in_the_csv_and_as_written_in_the_json(client, world):
    ProgramFactory(title_en="=HYPERLINK(1)")
    csv_rows, _ = records(client, "programs", "csv")
    json_rows, _ = records(client, "programs", "json")
    assert "'=HYPERLINK(1)" in [row["title"] for row in csv_rows]
    assert "=HYPERLINK(1)" in [row["title"] for row in json_rows]


def test_negative_amounts_stay_numbers_in_the_csv(client, world):
    original = ContributionFactory(amount=Decimal("50.00"))
    ContributionFactory(
        institution=original.institution, amount=Decimal("50.00"), reverses=original
    )
    ledger, _ = records(client, "fund-ledger", "csv")
    assert "-50.00" in [line["value_usd"] for line in ledger]


# rdflib's JSON-LD parser builds a ConjunctiveGraph itself, which rdflib 7 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_catalogue_parses_as_json_ld_and_names_every_dataset(client, world):
    response = client.get(reverse("opendata:catalog"))
    assert response["Content-Type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.content, format="json-ld")
    (catalog,) = graph.subjects(RDF_TYPE, DCAT.Catalog)
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert {str(graph.value(d, DCTERMS.identifier)) for d in datasets} == set(SLUGS)
    assert str(graph.value(catalog, DCTERMS.language)).endswith("/language/ENG")
    for dataset in datasets:
        assert graph.value(dataset, RDF_TYPE) == DCAT.Dataset
        assert graph.value(dataset, DCAT.contactPoint) is not None
        assert str(graph.value(dataset, DCTERMS.license)) == (
            "https://creativecommons.org/licenses/by/4.0/"
        )
        downloads = {
            str(graph.value(distribution, DCAT.downloadURL))
            for distribution in graph.objects(dataset, DCAT.distribution)
        }
        slug = str(graph.value(dataset, DCTERMS.identifier))
        assert downloads == {f"http://testserver{file_url(slug, fmt)}" for fmt in ("csv", "json")}
        for download in downloads:
            assert client.get(download).status_code == 200


def test_the_data_package_gives_each_file_its_dictionary(client, world):
    package = client.get(reverse("opendata:datapackage")).json()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    resources = {resource["name"]: resource for resource in package["resources"]}
    for dataset in DATASETS:
        for fmt in ("csv", "json"):
            resource = resources[f"{dataset.slug}-{fmt}"]
            assert resource["path"] == f"http://testserver{file_url(dataset.slug, fmt)}"
            assert [f["name"] for f in resource["schema"]["fields"]] == [
                column.name for column in dataset.columns
            ]


def test_the_index_lists_every_dataset_with_its_files_and_dictionary(client, world):
    response = client.get(reverse("opendata:index"), headers={"accept-language": "es"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Datos abiertos" in page
    for slug in SLUGS:
        assert file_url(slug, "csv") in page
        assert file_url(slug, "json") in page
        assert reverse("opendata:dataset_schema", kwargs={"slug": slug}) in page


def test_the_index_describes_each_dataset_to_dataset_search_engines(client):
    page = client.get(reverse("opendata:index")).content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    catalog = json.loads(block)
    assert catalog["@type"] == "DataCatalog"
    assert [dataset["url"].rsplit("#", 1)[1] for dataset in catalog["dataset"]] == SLUGS
    programs = catalog["dataset"][0]
    assert programs["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert {d["contentUrl"] for d in programs["distribution"]} == {
        f"http://testserver{file_url('programs', fmt)}" for fmt in ("csv", "json")
    }


def test_every_page_links_to_the_open_data(client):
    assert reverse("opendata:index") in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/data/programs.xlsx",
        "/data/unknown.csv",
        "/data/unknown/schema.json",
    ],
)
def test_an_unknown_file_is_not_found(client, url):
    assert client.get(url).status_code == 404


def queries(client, slug, fmt):
    with CaptureQueriesContext(connection) as context:
        body(client.get(file_url(slug, fmt)))
    return len(context)


@pytest.mark.parametrize("slug", SLUGS)
def test_a_file_runs_the_same_queries_whatever_its_size(client, world, slug):
    one = queries(client, slug, "csv")
    add_public_records(world, n=2)
    assert queries(client, slug, "json") == one
