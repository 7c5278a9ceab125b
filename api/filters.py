"""The API's filters: those of the public pages (the same FilterSets, so the
API filters as the pages do), with the few a partner site needs besides. A
value that is not valid is answered with 400 and the reason."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from library.filters import LibraryItemFilter
from meetings.filters import MeetingFilter
from meetings.models import Document
from network.enums import Subregion
from network.models import MemberState
from portfolio.filters import ProgramFilter

FIRST_YEAR = 1900
LAST_YEAR = 2100


@extend_schema_field({"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR})
class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class ProgramApiFilter(ProgramFilter):
    year = YearFilter(label=_("Started in (year)"), field_name="start_year")


class LibraryItemApiFilter(LibraryItemFilter):
    year = YearFilter(label=_("Published in (year)"), field_name="published_on__year")


class MeetingApiFilter(MeetingFilter):
    upcoming = django_filters.BooleanFilter(
        label=_(
            "true: meetings to come (and those whose dates are to be defined); "
            "false: meetings already held"
        ),
        method="filter_upcoming",
    )

    def filter_upcoming(self, queryset, name, value):
        return queryset.upcoming() if value else queryset.past()


class DocumentApiFilter(django_filters.FilterSet):
    """Besides ``q`` and ``kind``, which the documents page's search form reads."""

    meeting = django_filters.CharFilter(
        label=_("The slug of the meeting the documents belong to"), field_name="meeting__slug"
    )
    year = YearFilter(label=_("Published in (year)"), field_name="published_on__year")

    class Meta:
        model = Document
        fields = []


class MemberStateApiFilter(django_filters.FilterSet):
    subregion = django_filters.ChoiceFilter(label=_("Subregion"), choices=Subregion.choices)

    class Meta:
        model = MemberState
        fields = []
