import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from network.models import MemberState, WorkingGroup
from network.selectors import topics_by_name

from .enums import ItemKind
from .models import LibraryFile, LibraryItem
from .selectors import clean_query, item_search


class YearFilter(django_filters.Filter):
    """A whole year within bounds: 0.0 or 2015.5 is not valid (a number
    filter let them through, and the year lookup failed with a 500)."""

    field_class = forms.IntegerField


class LibraryItemFilter(django_filters.FilterSet):
    """The filters of /library/; every value lives in the URL, so a search
    can be shared. M2M filters use subqueries: no duplicates, no DISTINCT."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ItemKind.choices)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=topics_by_name(), to_field_name="slug", method="filter_topic"
    )
    member_state = django_filters.ModelChoiceFilter(
        label=_("Member state"),
        queryset=MemberState.objects.all(),
        to_field_name="iso_code",
        method="filter_member_state",
    )
    language = django_filters.ChoiceFilter(
        label=_("File in"), choices=settings.CONTENT_LANGUAGES, method="filter_language"
    )
    year = YearFilter(
        label=_("Year"), field_name="published_on__year", min_value=1900, max_value=2100
    )
    working_group = django_filters.ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroup.objects.select_related("conference"),
    )

    class Meta:
        model = LibraryItem
        fields = []

    @property
    def qs(self):
        queryset = super().qs
        if self.searching:
            queryset = item_search(queryset=queryset, query=self.search_query).order_by(
                "-rank", "-published_on", "-pk"
            )
        return queryset

    @property
    def search_query(self):
        """The words searched for, once the form is valid; "" for none."""
        if not self.is_bound or not self.is_valid():
            return ""
        return clean_query(self.form.cleaned_data.get("q"))

    @property
    def searching(self):
        return bool(self.search_query)

    def filter_search(self, queryset, name, value):
        # Applied in qs, after the other filters: a common word's matches are
        # bounded (search.MAX_MATCHES), and the bound must apply to the items
        # the other filters keep, not to all of them.
        return queryset

    def filter_topic(self, queryset, name, value):
        through = LibraryItem.topics.through.objects.filter(topic=value)
        return queryset.filter(pk__in=through.values("libraryitem_id"))

    def filter_member_state(self, queryset, name, value):
        through = LibraryItem.member_states.through.objects.filter(memberstate=value)
        return queryset.filter(pk__in=through.values("libraryitem_id"))

    def filter_language(self, queryset, name, value):
        return queryset.filter(pk__in=LibraryFile.objects.filter(language=value).values("item_id"))
