"""The Secretariat's review of programs and revisions. Actions call the
services, which check the reviewer's permission and notify the ministry."""

import difflib

from django import forms
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_actions import apply_to_each, ask_then_apply
from core.admin_activity import ActivityLogInline
from core.admin_imports import ImportAdmin
from core.admin_steps import ObjectStepsAdmin, transition_step
from core.admin_translation import TranslatedAdmin
from network.models import Topic

from . import rules, services
from .enums import ProgramStatus, RevisionStatus
from .forms import documentation_languages_field
from .imports import ProgramImporter
from .models import (
    Program,
    ProgramAttachment,
    ProgramIndicator,
    ProgramOffer,
    ProgramRevision,
    TargetGroup,
)
from .workflows import PROGRAM_WORKFLOW, REVISION_WORKFLOW


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the ministry change?"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


RETURN_EXPLANATION = _(
    "The ministry's focal point receives this comment by email and on the program's page."
)


def _return_with_comment(modeladmin, request, queryset, step, title):
    return ask_then_apply(
        modeladmin,
        request,
        queryset,
        form_class=ReturnForm,
        title=title,
        explanation=RETURN_EXPLANATION,
        submit_label=_("Return"),
        step=lambda obj, data: step(obj, data["comment"]),
        done_message=lambda n: ngettext("%d returned.", "%d returned.", n) % n,
    )


class ProgramAdminForm(forms.ModelForm):
    documentation_languages = documentation_languages_field()


def _review_queue(submitted):
    """The review queue's order: submitted first, the oldest submission first,
    then the most recently updated. It must be the admin's ``ordering``: the
    changelist puts that (or else the model's Meta.ordering) before any
    order_by() of get_queryset()."""
    return (
        Case(
            When(status=submitted, then=Value(0)), default=Value(1), output_field=IntegerField()
        ).asc(),
        "submitted_at",
        "-updated_at",
    )


# What the program's change page offers, and to whom, is the review table's.
PROGRAM_STEPS = (
    transition_step(
        PROGRAM_WORKFLOW,
        "publish",
        explanation=_(
            "The program appears in the portfolio, and the ministry's focal point is told by email."
        ),
        done_message=_("The program is published."),
        run=lambda program, user, data: services.program_publish(program=program, user=user),
    ),
    transition_step(
        PROGRAM_WORKFLOW,
        "return",
        explanation=RETURN_EXPLANATION,
        done_message=_("The program is returned to its ministry."),
        run=lambda program, user, data: services.program_return(
            program=program, user=user, comment=data["comment"]
        ),
        form_class=ReturnForm,
    ),
    transition_step(
        PROGRAM_WORKFLOW,
        "archive",
        explanation=_("The program leaves the public portfolio; it can be restored later."),
        done_message=_("The program is archived."),
        run=lambda program, user, data: services.program_archive(program=program, user=user),
    ),
    transition_step(
        PROGRAM_WORKFLOW,
        "restore",
        explanation=_("The program is published again."),
        done_message=_("The program is restored."),
        run=lambda program, user, data: services.program_restore(program=program, user=user),
    ),
)

# What the revision's change page offers, and to whom, is its review table's.
REVISION_STEPS = (
    transition_step(
        REVISION_WORKFLOW,
        "approve",
        explanation=_(
            "The revision's text replaces the program's public text, and its files are published."
        ),
        done_message=_("The revision is approved."),
        run=lambda revision, user, data: services.revision_approve(revision=revision, user=user),
    ),
    transition_step(
        REVISION_WORKFLOW,
        "return",
        explanation=RETURN_EXPLANATION,
        done_message=_("The revision is returned to its ministry."),
        run=lambda revision, user, data: services.revision_return(
            revision=revision, user=user, comment=data["comment"]
        ),
        form_class=ReturnForm,
    ),
)


class ProgramOfferInline(admin.TabularInline):
    model = ProgramOffer
    extra = 0


class ProgramIndicatorInline(admin.TabularInline):
    model = ProgramIndicator
    extra = 0


class ProgramAttachmentInline(admin.TabularInline):
    model = ProgramAttachment
    extra = 0
    fields = ("title", "file", "kind", "size", "language", "revision", "uploaded_by")
    readonly_fields = ("kind", "size", "revision", "uploaded_by")

    def has_add_permission(self, request, obj=None):
        # Uploads go through the portal's form, which checks the file's content.
        return False


@admin.register(Program)
class ProgramAdmin(ImportAdmin, ObjectStepsAdmin, SimpleHistoryAdmin, TranslatedAdmin):
    form = ProgramAdminForm
    list_display = (
        "title",
        "owner",
        "status",
        "submitted_at",
        "last_verified",
        "open_revision",
    )
    list_filter = (
        "status",
        "topics",
        "owner__member_state__subregion",
        "owner__member_state",
        "implementation_status",
        "language",
    )
    list_select_related = ("owner__member_state",)
    search_fields = ("title_en", "title_es", "title_pt", "title_fr", "owner__name_en", "slug")
    autocomplete_fields = ("owner",)
    filter_horizontal = ("topics", "target_groups")
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
        (None, {"fields": ("owner", "slug", "status", "review_comment", "language")}),
        (
            _("Text"),
            {
                "fields": (
                    "title",
                    "summary",
                    "objectives",
                    "target_population",
                    "main_activities",
                    "results",
                )
            },
        ),
        (
            _("Details"),
            {
                "fields": (
                    "start_year",
                    "implementation_status",
                    "topics",
                    "target_groups",
                    "documentation_languages",
                    "offer_details",
                    "links",
                    "last_verified",
                )
            },
        ),
        (_("Contact"), {"fields": ("contact_name", "contact_role", "contact_email")}),
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
    inlines = [
        ProgramOfferInline,
        ProgramIndicatorInline,
        ProgramAttachmentInline,
        ActivityLogInline,
    ]
    actions = ["publish", "return_to_ministry", "archive", "restore"]
    object_steps = PROGRAM_STEPS
    importer_class = ProgramImporter

    ordering = _review_queue(ProgramStatus.SUBMITTED)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("search_text", "search_vector")
            .prefetch_related("revisions")
        )

    @admin.display(description=_("changes waiting"))
    def open_revision(self, program):
        for revision in program.revisions.all():
            if revision.is_open:
                url = reverse("admin:portfolio_programrevision_change", args=[revision.pk])
                return format_html('<a href="{}">{}</a>', url, revision.get_status_display())
        return "—"

    def has_review_permission(self, request):
        return rules.can_review_program(request.user)

    @admin.action(description=_("Publish the selected programs"), permissions=["review"])
    def publish(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda program: services.program_publish(program=program, user=request.user),
            lambda n: ngettext("%d program published.", "%d programs published.", n) % n,
        )

    @admin.action(description=_("Return to the ministry with a comment"), permissions=["review"])
    def return_to_ministry(self, request, queryset):
        return _return_with_comment(
            self,
            request,
            queryset,
            lambda program, comment: services.program_return(
                program=program, user=request.user, comment=comment
            ),
            _("Return programs to their ministries"),
        )

    @admin.action(description=_("Archive the selected programs"), permissions=["change"])
    def archive(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda program: services.program_archive(program=program, user=request.user),
            lambda n: ngettext("%d program archived.", "%d programs archived.", n) % n,
        )

    @admin.action(description=_("Restore the selected archived programs"), permissions=["review"])
    def restore(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda program: services.program_restore(program=program, user=request.user),
            lambda n: ngettext("%d program restored.", "%d programs restored.", n) % n,
        )


@admin.register(ProgramRevision)
class ProgramRevisionAdmin(ObjectStepsAdmin, admin.ModelAdmin):
    list_display = ("program", "status", "submitted_by", "submitted_at", "reviewed_at")
    list_filter = ("status",)
    list_select_related = ("program", "submitted_by")
    search_fields = ("program__title_en", "program__title_es", "program__owner__name_en")
    readonly_fields = (
        "program",
        "status",
        "differences",
        "review_comment",
        "created_by",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
    )
    fields = readonly_fields
    inlines = [ActivityLogInline]
    actions = ["approve", "return_to_ministry"]
    object_steps = REVISION_STEPS

    ordering = _review_queue(RevisionStatus.SUBMITTED)

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("changes against the public text"))
    def differences(self, revision):
        rows = revision_differences(revision)
        if not rows:
            return _("No change to the text.")
        return format_html(
            '<table class="rial-diff"><thead><tr><th>{}</th><th>{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            _("Field"),
            _("Change (− removed, + added)"),
            format_html_join(
                "",
                "<tr><th>{}</th><td><pre>{}</pre></td></tr>",
                ((label, change) for label, change in rows),
            ),
        )

    def has_review_permission(self, request):
        return rules.can_review_program(request.user)

    @admin.action(description=_("Approve: replace the public text"), permissions=["review"])
    def approve(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda revision: services.revision_approve(revision=revision, user=request.user),
            lambda n: ngettext("%d revision approved.", "%d revisions approved.", n) % n,
        )

    @admin.action(description=_("Return to the ministry with a comment"), permissions=["review"])
    def return_to_ministry(self, request, queryset):
        return _return_with_comment(
            self,
            request,
            queryset,
            lambda revision, comment: services.revision_return(
                revision=revision, user=request.user, comment=comment
            ),
            _("Return revisions to their ministries"),
        )


def _display(name, value):
    """A content value as a reviewer reads it."""
    if name == "topics":
        return "\n".join(str(t) for t in Topic.objects.filter(pk__in=value))
    if name == "target_groups":
        return "\n".join(str(g) for g in TargetGroup.objects.filter(pk__in=value))
    if name == "indicators":
        return "\n".join(f"{i['name']}: {i['value']} ({i.get('year') or '—'})" for i in value)
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return "" if value is None else str(value)


def revision_differences(revision):
    """[(field label, unified diff), …] for each field the revision changes."""
    current = revision.program.content()
    rows = []
    for name, proposed in revision.content.items():
        before, after = _display(name, current.get(name)), _display(name, proposed)
        if before == after:
            continue
        try:
            label = Program._meta.get_field(name).verbose_name
        except FieldDoesNotExist:  # offer kinds and indicators are not fields of Program
            label = name.replace("_", " ")
        diff = difflib.ndiff(before.splitlines() or [""], after.splitlines() or [""])
        rows.append((label, "\n".join(line for line in diff if not line.startswith("?"))))
    return rows


@admin.register(TargetGroup)
class TargetGroupAdmin(TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_es", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(ProgramAttachment)
class ProgramAttachmentAdmin(admin.ModelAdmin):
    list_display = ("title", "program", "kind", "size", "revision", "uploaded_at")
    list_filter = ("kind",)
    list_select_related = ("program", "revision")
    search_fields = ("title", "program__title_en", "program__title_es")
    readonly_fields = ("program", "revision", "file", "kind", "size", "uploaded_by")

    def has_add_permission(self, request):
        return False
