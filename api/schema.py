"""What the OpenAPI schema says beyond drf-spectacular's reading of the views:
the ``lang`` parameter and the error answers every operation shares, and the
types of the filters the API takes from the pages' FilterSets."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import filters
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.drainage import has_override
from drf_spectacular.plumbing import build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from .languages import CONTENT_LANGUAGE_CODES, LANGUAGE_PARAMETER

LANGUAGE_DESCRIPTION = _(
    "The language of translated texts (else the Accept-Language header's, else English); "
    "a text missing in it comes in the first language that has it."
)
ERRORS = {
    "400": _("A parameter is not valid: the reasons, by parameter."),
    "404": _("No such object among those published, or no such page of results."),
    "429": _("Too many requests from this address: wait as many seconds as Retry-After says."),
}
ERROR_SCHEMA = {
    "type": "object",
    "description": _(
        "{'detail': the reason}, or for parameters that are not valid {parameter: [reasons]}."
    ),
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {},
}


def add_common_parameters_and_errors(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = {
        **ERROR_SCHEMA,
        "description": str(ERROR_SCHEMA["description"]),
    }
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for path, operations in result["paths"].items():
        for operation in operations.values():
            parameters = operation.setdefault("parameters", [])
            parameters.append(
                {
                    "in": "query",
                    "name": LANGUAGE_PARAMETER,
                    "schema": {"type": "string", "enum": CONTENT_LANGUAGE_CODES},
                    "description": str(LANGUAGE_DESCRIPTION),
                }
            )
            may_be_missing = "{" in path or any(p["name"] == "page" for p in parameters)
            responses = operation["responses"]
            for status, description in ERRORS.items():
                if status == "404" and not may_be_missing:
                    continue
                responses.setdefault(status, {**error, "description": str(description)})
    return result


class PageFilterExtension(DjangoFilterExtension):
    """The pages' FilterSets, which the API reuses, declare some filters by a
    method (a topic by its slug, a member state by its ISO code) or as a plain
    Filter around an IntegerField (a year): their type is their form field's."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        schema = None if has_override(filter_field, "field") else form_field_schema(filter_field)
        if schema is None:
            parameters = super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
            for parameter in parameters:
                parameter.setdefault("description", describe(filter_field, model))
            return parameters
        return [
            build_parameter_type(
                name=field_name,
                required=filter_field.extra["required"],
                location=OpenApiParameter.QUERY,
                description=describe(filter_field, model),
                schema=schema,
            )
        ]


def form_field_schema(filter_field):
    """The schema of a filter's value, for the kinds of filter above; None for others."""
    if isinstance(filter_field, filters.ModelChoiceFilter):
        if filter_field.extra.get("to_field_name"):
            return build_basic_type(OpenApiTypes.STR)
        return build_basic_type(OpenApiTypes.INT)
    if type(filter_field) is not filters.Filter and filter_field.field_class is forms.IntegerField:
        schema = build_basic_type(OpenApiTypes.INT)
        for keyword, bound in (("min_value", "minimum"), ("max_value", "maximum")):
            if filter_field.extra.get(keyword) is not None:
                schema[bound] = filter_field.extra[keyword]
        return schema
    return None


def describe(filter_field, model):
    """The filter's label, and for an object filter, which of its fields to give."""
    label = str(filter_field.label or "")
    if not isinstance(filter_field, filters.ModelChoiceFilter):
        return label
    key = filter_field.extra.get("to_field_name") or "pk"
    related = filter_field.extra["queryset"].model
    name = related._meta.get_field(key).verbose_name if key != "pk" else "id"
    return _("%(label)s, given by its %(key)s") % {"label": label, "key": name}
