import django_filters
from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from network.enums import Subregion
from network.models import MemberState
from network.selectors import topics_by_name

from .enums import ImplementationStatus, OfferKind, ProgramOrdering
from .models import Program, ProgramOffer, TargetGroup
from .selectors import program_search, title_in_reader_language

# The empty choice of a filter whose name is a feminine noun in Spanish and
# French ("Subregión: Todas", "Sous-région : Toutes"); the others take the
# masculine FILTERS_EMPTY_CHOICE_LABEL.
ALL_FEMININE = pgettext_lazy("empty choice of a filter named by a feminine noun", "All")


class ProgramFilter(django_filters.FilterSet):
    """The filters of /programs/; every value lives in the URL, so a search
    can be shared. M2M filters use subqueries: no duplicates, no DISTINCT."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    member_state = django_filters.ModelChoiceFilter(
        label=_("Member state"),
        field_name="owner__member_state",
        queryset=MemberState.objects.all(),
        to_field_name="iso_code",
    )
    subregion = django_filters.ChoiceFilter(
        label=_("Subregion"),
        field_name="owner__member_state__subregion",
        choices=Subregion.choices,
        empty_label=ALL_FEMININE,
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=topics_by_name(), to_field_name="slug", method="filter_topic"
    )
    target_group = django_filters.ModelChoiceFilter(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        to_field_name="slug",
        method="filter_target_group",
    )
    offer = django_filters.ChoiceFilter(
        label=_("Cooperation offered"),
        choices=OfferKind.choices,
        method="filter_offer",
        empty_label=ALL_FEMININE,
    )
    implementation_status = django_filters.ChoiceFilter(
        label=_("Implementation"), choices=ImplementationStatus.choices, empty_label=ALL_FEMININE
    )
    started_from = django_filters.NumberFilter(
        label=_("Started from (year)"), field_name="start_year", lookup_expr="gte"
    )
    started_until = django_filters.NumberFilter(
        label=_("Started until (year)"), field_name="start_year", lookup_expr="lte"
    )
    unverified = django_filters.BooleanFilter(
        label=_("Include programs not verified for a long time"),
        method="filter_unverified",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=ProgramOrdering.choices, method="filter_sort", empty_label=None
    )

    class Meta:
        model = Program
        fields = []

    def __init__(self, data=None, *args, bounded=True, **kwargs):
        # bounded=False: every program the search matches (an export), not
        # the first search.MAX_MATCHES of a common word's.
        self.bounded = bounded
        super().__init__(data, *args, **kwargs)
        for field in ("started_from", "started_until"):
            self.form.fields[field].widget.attrs.update(min=1900, max=2100)

    @property
    def qs(self):
        queryset = super().qs
        if not self.form.cleaned_data.get("unverified"):
            queryset = queryset.fresh()
        if self.searching:
            queryset = program_search(
                queryset=queryset, query=self.form.cleaned_data["q"], bounded=self.bounded
            )
        return self._sorted(queryset, self.form.cleaned_data.get("sort"))

    @property
    def searching(self):
        return bool(self.form.cleaned_data.get("q", "").strip())

    def filter_search(self, queryset, name, value):
        # Applied in qs, after the other filters: a common word's matches are
        # bounded (search.MAX_MATCHES), and the bound must apply to the
        # programs the other filters keep, not to all of them.
        return queryset

    def filter_topic(self, queryset, name, value):
        through = Program.topics.through.objects.filter(topic=value)
        return queryset.filter(pk__in=through.values("program_id"))

    def filter_target_group(self, queryset, name, value):
        through = Program.target_groups.through.objects.filter(targetgroup=value)
        return queryset.filter(pk__in=through.values("program_id"))

    def filter_offer(self, queryset, name, value):
        return queryset.filter(pk__in=ProgramOffer.objects.filter(kind=value).values("program_id"))

    def filter_unverified(self, queryset, name, value):
        # Applied in qs: the default (unchecked) narrows the list.
        return queryset

    def filter_sort(self, queryset, name, value):
        # Applied in qs, after the search, whose rank it may order by.
        return queryset

    def _sorted(self, queryset, value):
        if value == ProgramOrdering.TITLE:
            return queryset.order_by(title_in_reader_language(), "pk")
        # Relevance means something only for a search; otherwise newest first.
        if self.searching and value in (ProgramOrdering.RELEVANCE, None, ""):
            return queryset.order_by(F("rank").desc(nulls_last=True), "-published_at", "pk")
        return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")
