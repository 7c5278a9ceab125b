"""The Secretariat's library: items added directly or reviewed from the
ministries. Actions call the services, which check the reviewer's
permission and notify the ministry."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_actions import apply_to_each, ask_then_apply
from core.admin_activity import ActivityLogInline
from core.admin_steps import ObjectStepsAdmin, transition_step
from core.admin_translation import TranslatedAdmin
from meetings.admin.meetings import WorkingGroupFilter

from . import rules, services
from .enums import ItemStatus
from .models import Authorship, DownloadCount, LibraryFile, LibraryItem
from .workflows import LIBRARY_WORKFLOW


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the institution change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


RETURN_EXPLANATION = _(
    "The institution's focal point receives this comment by email and on the item's page."
)

ITEM_STEPS = (
    transition_step(
        LIBRARY_WORKFLOW,
        "publish",
        explanation=_(
            "The item appears in the Library, and the institution's focal point is told by email."
        ),
        done_message=_("The library item is published."),
        run=lambda item, user, data: services.item_publish(item=item, user=user),
    ),
    transition_step(
        LIBRARY_WORKFLOW,
        "publish_directly",
        explanation=_("The item appears in the Library at once, without a ministry's review."),
        done_message=_("The library item is published."),
        run=lambda item, user, data: services.item_publish_directly(item=item, user=user),
    ),
    transition_step(
        LIBRARY_WORKFLOW,
        "return",
        explanation=RETURN_EXPLANATION,
        done_message=_("The item is returned to its institution."),
        run=lambda item, user, data: services.item_return(
            item=item, user=user, comment=data["comment"]
        ),
        form_class=ReturnForm,
    ),
)


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    fields = ("role", "position", "family_name", "given_names", "institution")
    autocomplete_fields = ("institution",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("institution__member_state")


class LibraryFileInline(admin.TabularInline):
    model = LibraryFile
    extra = 0
    fields = (
        "language",
        "file",
        "kind",
        "size",
        "page_count",
        "extraction_status",
        "extraction_message",
    )
    readonly_fields = ("kind", "size", "page_count", "extraction_status", "extraction_message")

    def get_queryset(self, request):
        # Each row's name and download link read its item; its text stays in the database.
        return super().get_queryset(request).select_related("item").defer("text")


@admin.register(LibraryItem)
class LibraryItemAdmin(ObjectStepsAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    list_display = ("title", "kind", "owner", "published_on", "status", "submitted_at")
    list_filter = ("status", "kind", "language", "topics", ("working_group", WorkingGroupFilter))
    list_select_related = ("owner__member_state",)
    search_fields = ("title_en", "title_es", "title_pt", "title_fr", "identifier", "slug")
    autocomplete_fields = (
        "owner",
        "member_states",
        "working_group",
        "meeting",
        "meeting_documents",
        "programs",
    )
    filter_horizontal = ("topics",)
    readonly_fields = (
        "slug",
        "status",
        "review_comment",
        "created_by",
        "submitted_by",
        "submitted_at",
        "published_at",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("owner", "slug", "status", "review_comment", "kind", "language")}),
        (_("Text"), {"fields": ("title", "abstract")}),
        (
            _("Publication"),
            {"fields": ("published_on", "date_precision", "identifier", "url", "licence")},
        ),
        (
            _("Context"),
            {
                "fields": (
                    "topics",
                    "member_states",
                    "working_group",
                    "meeting",
                    "meeting_documents",
                    "programs",
                )
            },
        ),
        (
            _("Review"),
            {
                "fields": (
                    "created_by",
                    "submitted_by",
                    "submitted_at",
                    "published_at",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    )
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [AuthorshipInline, LibraryFileInline, ActivityLogInline]
    actions = ["publish", "return_to_institution"]
    object_steps = ITEM_STEPS
    # The review queue first: submitted items, the oldest submission first.
    ordering = (
        Case(
            When(status=ItemStatus.SUBMITTED, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ).asc(),
        "submitted_at",
        "-updated_at",
    )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is LibraryFile:
            for library_file in formset.save(commit=False):
                if not library_file.file._committed:
                    library_file.uploaded_by = request.user
                library_file.save()
            for removed in formset.deleted_objects:
                removed.delete()
            return
        super().save_formset(request, form, formset, change)

    def has_review_permission(self, request):
        return rules.can_review_item(request.user)

    @admin.action(description=_("Publish the selected items"), permissions=["review"])
    def publish(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda item: services.item_publish(item=item, user=request.user),
            lambda n: ngettext("%d library item published.", "%d library items published.", n) % n,
        )

    @admin.action(description=_("Return to the institution with a comment"), permissions=["review"])
    def return_to_institution(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=ReturnForm,
            title=_("Return items to their institutions"),
            explanation=RETURN_EXPLANATION,
            submit_label=_("Return"),
            step=lambda item, data: services.item_return(
                item=item, user=request.user, comment=data["comment"]
            ),
            done_message=lambda n: ngettext("%d returned.", "%d returned.", n) % n,
        )


@admin.register(DownloadCount)
class DownloadCountAdmin(admin.ModelAdmin):
    list_display = ("item", "language", "count")
    list_filter = ("language",)
    list_select_related = ("item",)
    search_fields = ("item__title_en", "item__title_es")
    readonly_fields = ("item", "language", "count")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
