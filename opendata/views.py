"""The open-data pages: the index with each dataset's dictionary, the files,
and the machine-readable dictionaries and catalogue. All public, read-only."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import exports
from .datasets import DATASETS, dataset_by_slug


def _site(request):
    return request.build_absolute_uri("/").rstrip("/")


def _dataset(slug):
    dataset = dataset_by_slug(slug)
    if dataset is None:
        raise Http404
    return dataset


def _json(data, content_type="application/json"):
    return JsonResponse(data, content_type=content_type, json_dumps_params={"ensure_ascii": False})


@require_safe
def index(request):
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": DATASETS,
            "license": exports.LICENSE,
            "schema_org": exports.schema_org_catalog(site=_site(request)),
        },
    )


@require_safe
def dataset_file(request, slug, fmt):
    if fmt not in exports.FORMATS:
        raise Http404
    return exports.dataset_response(_dataset(slug), fmt, site=_site(request))


@require_safe
def dataset_schema(request, slug):
    return _json(exports.table_schema(_dataset(slug)))


@require_safe
def datapackage(request):
    return _json(exports.data_package(site=_site(request)))


@require_safe
def catalog(request):
    return _json(exports.catalog(site=_site(request)), content_type="application/ld+json")
