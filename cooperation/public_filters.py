"""The filters of the public lists of cooperation activities and of needs. Every value lives
in the URL, so a view can be shared; a value that is not valid is reported on
the form and ignored, never an error page."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.conf import settings as filter_settings

from network.models import MemberState
from network.selectors import topics_by_name

from .enums import ActivityType
from .models import Request

FIRST_YEAR = 1990
LAST_YEAR = 2100


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ActivityFilter(django_filters.FilterSet):
    """Expects a queryset annotated with ``year`` (statistics.public_activities)."""

    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=topics_by_name(), to_field_name="slug"
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Member state (providing or receiving)"),
        queryset=MemberState.objects.all(),
        to_field_name="iso_code",
        method="filter_country",
    )
    year = YearFilter(label=_("Year"), field_name="year", min_value=FIRST_YEAR, max_value=LAST_YEAR)
    activity_type = django_filters.ChoiceFilter(
        label=_("Type of activity"), choices=ActivityType.choices
    )

    class Meta:
        model = Request
        fields = []

    def filter_country(self, queryset, name, value):
        return queryset.filter(Q(provider__member_state=value) | Q(requester__member_state=value))


class NeedFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=topics_by_name(),
        to_field_name="slug",
        required=False,
        empty_label=filter_settings.EMPTY_CHOICE_LABEL,
    )

    def topic_chosen(self):
        """The topic asked for, or None (also for a value that is not valid,
        which the form reports)."""
        return self.cleaned_data["topic"] if self.is_valid() else None
