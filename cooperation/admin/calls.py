"""Calls for proposals: what they finance, when they open and close, their
documents inline, and the ranking of their proposals within the envelope."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin_translation import TranslatedAdmin

from .. import rules, services
from ..enums import ActivityType
from ..models import Call, CallDocument


class CallAdminForm(forms.ModelForm):
    """The eligible activity types, stored as JSON, offered as checkboxes."""

    activity_types = forms.MultipleChoiceField(
        label=_("eligible activity types"),
        choices=ActivityType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every type."),
    )


class CallDocumentInline(admin.TabularInline):
    model = CallDocument
    fields = ("title", "language", "file")
    extra = 0

    def get_queryset(self, request):
        # A file's link is its download address, which names the call.
        return super().get_queryset(request).select_related("call")


@admin.register(Call)
class CallAdmin(TranslatedAdmin):
    form = CallAdminForm
    list_display = (
        "title",
        "opens_at",
        "closes_at",
        "is_open_now",
        "envelope",
        "max_fund_contribution",
        "proposal_count",
        "ranking_link",
    )
    search_fields = ("title_en", "title_es", "title_pt", "title_fr", "slug")
    date_hierarchy = "opens_at"
    autocomplete_fields = ("topics", "webinar")
    readonly_fields = ("slug", "created_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "description")}),
        (
            _("When"),
            {
                "description": _(
                    "In the portal's time zone. The server refuses a proposal submitted "
                    "after the closing moment."
                ),
                "fields": (("opens_at", "closes_at"), "reminder_days"),
            },
        ),
        (
            _("What it finances"),
            {
                "fields": (
                    "activity_types",
                    "topics",
                    ("max_fund_contribution", "envelope"),
                    "webinar",
                )
            },
        ),
        (_("Record"), {"classes": ("collapse",), "fields": ("created_at",)}),
    )
    inlines = [CallDocumentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(proposals=Count("requests"))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/ranking/",
                self.admin_site.admin_view(self.ranking_view),
                name="cooperation_call_ranking",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("open now"), boolean=True)
    def is_open_now(self, call):
        return call.is_open()

    @admin.display(description=_("proposals"), ordering="proposals")
    def proposal_count(self, call):
        url = reverse("admin:cooperation_request_changelist")
        return format_html('<a href="{}?call__id__exact={}">{}</a>', url, call.pk, call.proposals)

    @admin.display(description=_("ranking"))
    def ranking_link(self, call):
        url = reverse("admin:cooperation_call_ranking", args=[call.pk])
        return format_html('<a href="{}">{}</a>', url, _("Ranking"))

    def ranking_view(self, request, object_id):
        """The call's proposals under review or decided, best score first,
        with the running total of what they ask against the envelope."""
        if not rules.can_review_request(request.user):
            raise PermissionDenied
        call = self.get_object(request, unquote(object_id))
        if call is None:
            raise Http404
        return TemplateResponse(
            request,
            "admin/cooperation/call/ranking.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Ranking of the proposals: %(call)s") % {"call": call},
                "opts": self.model._meta,
                "call": call,
                "ranking": services.call_ranking(call),
            },
        )
