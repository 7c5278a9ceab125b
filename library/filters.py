import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from network.models import MemberState, WorkingGroup
from network.selectors import topics_by_name
from network.versions import CONTENT_CODES

from .enums import ItemKind
from .models import LibraryFile, LibraryItem


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
    year = django_filters.NumberFilter(label=_("Year"), field_name="published_on__year")
    working_group = django_filters.ModelChoiceFilter(
        label=_("Working group"),
        queryset=WorkingGroup.objects.select_related("conference"),
    )

    class Meta:
        model = LibraryItem
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.form.fields["year"].widget.attrs.update(min=1900, max=2100)

    def filter_search(self, queryset, name, value):
        words = value.split()
        for word in words:
            matches = Q(identifier__icontains=word)
            for code in CONTENT_CODES:
                matches |= Q(**{f"title_{code}__icontains": word})
                matches |= Q(**{f"abstract_{code}__icontains": word})
            queryset = queryset.filter(matches)
        return queryset

    def filter_topic(self, queryset, name, value):
        through = LibraryItem.topics.through.objects.filter(topic=value)
        return queryset.filter(pk__in=through.values("libraryitem_id"))

    def filter_member_state(self, queryset, name, value):
        through = LibraryItem.member_states.through.objects.filter(memberstate=value)
        return queryset.filter(pk__in=through.values("libraryitem_id"))

    def filter_language(self, queryset, name, value):
        return queryset.filter(pk__in=LibraryFile.objects.filter(language=value).values("item_id"))
