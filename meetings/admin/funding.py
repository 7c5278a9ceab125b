"""Which meetings still need a funding item that no party has committed to
cover: the filter of the meetings' list and the staff page (the reads are
in meetings/selectors.py, shared with the staff dashboard)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .. import rules
from ..models import Meeting
from ..selectors import upcoming_with_uncovered_funding, with_uncovered_funding


class UncoveredFundingFilter(admin.SimpleListFilter):
    title = _("funding")
    parameter_name = "funding"

    def lookups(self, request, model_admin):
        return [
            ("uncovered", _("Has uncovered items")),
            ("covered", _("Every needed item committed")),
        ]

    def queryset(self, request, queryset):
        if self.value() not in ("uncovered", "covered"):
            return queryset
        uncovered = [meeting.pk for meeting in with_uncovered_funding(Meeting.objects.all())]
        if self.value() == "uncovered":
            return queryset.filter(pk__in=uncovered)
        return queryset.exclude(pk__in=uncovered)


def uncovered_funding_view(model_admin, request):
    """The meetings to come whose needs are not all committed, with who is
    considering each missing item (reached from the meetings' list)."""
    if not rules.is_meetings_staff(request.user):
        raise PermissionDenied
    meetings = upcoming_with_uncovered_funding()
    for meeting in meetings:
        meeting.uncovered_rows = [
            (item.label, [line for line in meeting.funding_lines.all() if line.item == item])
            for item in meeting.uncovered
        ]
    return TemplateResponse(
        request,
        "admin/meetings/meeting/uncovered_funding.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Funding still uncovered"),
            "opts": model_admin.model._meta,
            "meetings": meetings,
        },
    )
