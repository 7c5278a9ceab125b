"""The datasets as files: CSV and JSON streamed row by row (memory stays flat
whatever the number of rows), their data dictionaries as a Frictionless Data
Package, and the DCAT-AP catalogue that open-data portals harvest."""

import csv
import datetime
import json
from decimal import Decimal

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.exports import Echo, spreadsheet_safe

from .datasets import DATASETS, NUMBER, STRING

# Rows fetched per query: a chunk's prefetches run once per chunk.
CHUNK_SIZE = 1000

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}

FORMATS = {
    "csv": ("text/csv", "CSV"),
    "json": ("application/json", "JSON"),
}


def _objects(dataset):
    rows = dataset.rows()
    if isinstance(rows, QuerySet):
        return rows.iterator(chunk_size=CHUNK_SIZE)
    return rows


def _value(column, obj, site):
    """A cell as JSON holds it: a date or time in ISO 8601, a decimal as a
    string (never a binary float), an address in full."""
    value = column.value(obj)
    if value is None or (value == "" and column.type != STRING):
        return None
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal) or column.type == NUMBER:
        return str(value)
    if column.address:
        return site + value
    return value


def rows(dataset, *, site):
    """Each of ``dataset``'s rows as a dict of JSON-ready cells."""
    for obj in _objects(dataset):
        yield {column.name: _value(column, obj, site) for column in dataset.columns}


def _csv_cell(column, value):
    """A text a spreadsheet would run as a formula (``=…``) is written as text
    (a leading apostrophe); numbers, negative ones too, are left as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_safe(value) if column.type == STRING else value


def _csv_lines(dataset, site):
    writer = csv.writer(Echo())
    yield writer.writerow([column.name for column in dataset.columns])
    for row in rows(dataset, site=site):
        yield writer.writerow([_csv_cell(column, row[column.name]) for column in dataset.columns])


def _json_lines(dataset, site):
    """A JSON array of objects, one row a line."""
    separator = "[\n"
    for row in rows(dataset, site=site):
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


def dataset_response(dataset, fmt, *, site):
    lines = {"csv": _csv_lines, "json": _json_lines}[fmt](dataset, site)
    media_type = FORMATS[fmt][0]
    response = StreamingHttpResponse(lines, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="rial-{dataset.slug}.{fmt}"'
    return response


def table_schema(dataset):
    """``dataset``'s data dictionary as a Frictionless Table Schema."""
    return {
        "fields": [
            {
                "name": column.name,
                "type": column.type,
                "description": str(column.description),
                **({"format": "uri"} if column.address else {}),
            }
            for column in dataset.columns
        ],
        "missingValues": [""],
    }


def _file_url(site, dataset, fmt):
    return site + reverse("opendata:dataset_file", kwargs={"slug": dataset.slug, "fmt": fmt})


def data_package(*, site):
    """Every dataset's files and dictionary as a Frictionless Data Package."""
    return {
        "name": "rial-open-data",
        "title": _("Open data of the Inter-American Network for Labor Administration (RIAL)"),
        "homepage": site + reverse("opendata:index"),
        "licenses": [LICENSE],
        "resources": [
            {
                "name": f"{dataset.slug}-{fmt}",
                "title": str(dataset.title),
                "description": str(dataset.description),
                "path": _file_url(site, dataset, fmt),
                "format": fmt,
                "mediatype": FORMATS[fmt][0],
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": table_schema(dataset),
            }
            for dataset in DATASETS
            for fmt in FORMATS
        ],
    }


def schema_org_catalog(*, site):
    """The datasets as a schema.org DataCatalog, for the index page's JSON-LD:
    what dataset search engines read."""
    return {
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "name": _("Open data of the RIAL"),
        "url": site + reverse("opendata:index"),
        "license": LICENSE["path"],
        "dataset": [
            {
                "@type": "Dataset",
                "name": str(dataset.title),
                "description": str(dataset.description),
                "url": f"{site}{reverse('opendata:index')}#{dataset.slug}",
                "license": LICENSE["path"],
                "variableMeasured": [column.name for column in dataset.columns],
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "encodingFormat": media_type,
                        "contentUrl": _file_url(site, dataset, fmt),
                    }
                    for fmt, (media_type, _label) in FORMATS.items()
                ],
            }
            for dataset in DATASETS
        ],
    }


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPES = "http://www.iana.org/assignments/media-types/"
# DCAT-AP names languages from the EU's authority table, not by ISO 639-1.
LANGUAGES = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_CODES = {"en": "ENG", "es": "SPA", "pt": "POR", "fr": "FRA"}


def _text(value):
    return {"@value": str(value), "@language": get_language() or "en"}


def catalog(*, site):
    """The DCAT-AP catalogue of the datasets, as JSON-LD."""
    index = site + reverse("opendata:index")
    publisher = {
        "@id": site + "/#publisher",
        "@type": "foaf:Agent",
        "foaf:name": _("Organization of American States (OAS), Technical Secretariat of the RIAL"),
    }
    license_ = {"@id": LICENSE["path"]}
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": _("Technical Secretariat of the RIAL"),
        "vcard:hasURL": {"@id": site + reverse("network:about")},
    }
    language = {"@id": LANGUAGES + LANGUAGE_CODES.get((get_language() or "en")[:2], "ENG")}
    return {
        "@context": DCAT_CONTEXT,
        "@id": site + reverse("opendata:catalog"),
        "@type": "dcat:Catalog",
        "dct:title": _text(_("Open data of the RIAL")),
        "dct:description": _text(
            _(
                "The published data of the Inter-American Network for Labor "
                "Administration: programs, meetings, documents, the fund, cooperation "
                "and member states."
            )
        ),
        "dct:publisher": publisher,
        "dct:license": license_,
        "dct:language": language,
        "foaf:homepage": {"@id": index},
        "dcat:dataset": [
            {
                "@id": f"{index}#{dataset.slug}",
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.slug,
                "dct:title": _text(dataset.title),
                "dct:description": _text(dataset.description),
                "dct:publisher": {"@id": publisher["@id"]},
                "dcat:contactPoint": contact,
                "dct:license": license_,
                "dcat:landingPage": {"@id": f"{index}#{dataset.slug}"},
                "dct:conformsTo": {
                    "@id": site + reverse("opendata:dataset_schema", kwargs={"slug": dataset.slug})
                },
                "dcat:distribution": [
                    {
                        "@id": _file_url(site, dataset, fmt),
                        "@type": "dcat:Distribution",
                        "dct:title": _text(f"{dataset.title} ({label})"),
                        "dcat:accessURL": {"@id": _file_url(site, dataset, fmt)},
                        "dcat:downloadURL": {"@id": _file_url(site, dataset, fmt)},
                        "dcat:mediaType": {"@id": MEDIA_TYPES + media_type},
                        "dct:format": {"@id": FILE_TYPES + label},
                        "dct:license": license_,
                    }
                    for fmt, (media_type, label) in FORMATS.items()
                ],
            }
            for dataset in DATASETS
        ],
    }
