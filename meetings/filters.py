"""The filters of the calendar, the documents search and the timeline. Every
value lives in the URL, so a view can be shared; a value that is not valid
is reported on the form and ignored, never an error page."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.conf import settings as filter_settings

from network.models import Conference, MemberState, WorkingGroup
from network.selectors import topics_by_name

from .enums import DocumentKind, MeetingKind
from .models import Meeting
from .selectors import TIMELINE_MAX_YEARS

FIRST_YEAR = 1990
LAST_YEAR = 2100


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class MeetingFilter(django_filters.FilterSet):
    """The filters of /meetings/. M2M filters use subqueries: no duplicates."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MeetingKind.choices)
    working_group = django_filters.ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroup.objects.select_related("conference"),
        method="filter_working_group",
    )
    host_state = django_filters.ModelChoiceFilter(
        label=_("Host member state"),
        queryset=MemberState.objects.all(),
        to_field_name="iso_code",
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=topics_by_name(), to_field_name="slug", method="filter_topic"
    )
    year = YearFilter(
        label=_("Year"), method="filter_year", min_value=FIRST_YEAR, max_value=LAST_YEAR
    )

    class Meta:
        model = Meeting
        fields = []

    def filter_working_group(self, queryset, name, value):
        through = Meeting.working_groups.through.objects.filter(workinggroup=value)
        return queryset.filter(pk__in=through.values("meeting_id"))

    def filter_topic(self, queryset, name, value):
        through = Meeting.topics.through.objects.filter(topic=value)
        return queryset.filter(pk__in=through.values("meeting_id"))

    def filter_year(self, queryset, name, value):
        """Meetings that may fall in the year: a semester or the whole year
        is stored as its first day, so its start date names its year."""
        first, last = datetime.date(value, 1, 1), datetime.date(value, 12, 31)
        return queryset.filter(
            Q(start_date__gte=first, start_date__lte=last)
            | Q(start_date__lte=last, end_date__gte=first)
        )


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Symbol or title"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", filter_settings.EMPTY_CHOICE_LABEL), *DocumentKind.choices],
        required=False,
    )


class TimelineForm(forms.Form):
    """A planning cycle (the meetings of a conference), or a span of years."""

    conference = forms.ModelChoiceField(
        label=_("Conference cycle"),
        queryset=Conference.objects.all(),
        to_field_name="number",
        required=False,
        empty_label=_("Choose years instead"),
    )
    start = forms.IntegerField(
        label=_("From year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    end = forms.IntegerField(
        label=_("To year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None:
            if end < start:
                self.add_error("end", _("The last year comes after the first."))
            elif end - start >= TIMELINE_MAX_YEARS:
                self.add_error(
                    "end",
                    _("Show at most %(count)s years at a time.") % {"count": TIMELINE_MAX_YEARS},
                )
        return cleaned

    def period(self):
        """(conference or None, first year, last year); this year and the next
        for whatever is missing or not valid. Call after is_valid()."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        this_year = timezone.localdate().year
        start = data.get("start")
        end = data.get("end")
        if start is None and end is None:
            start, end = this_year, this_year + 1
        elif start is None:
            start = end
        elif end is None:
            end = min(start + 1, LAST_YEAR)
        return data.get("conference"), start, end
