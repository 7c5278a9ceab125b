from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_actions import apply_to_each
from core.admin_imports import ImportAdmin
from core.admin_inlines import RowAutocompleteInlineMixin
from core.admin_translation import TranslatedAdmin

from . import services
from .contact_imports import ContactImporter
from .models import Conference, Institution, InstitutionName, MemberState, Topic, User, WorkingGroup


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(ImportAdmin, DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    list_display = (
        "email",
        "full_name",
        "institution",
        "is_focal_point",
        "is_principal_contact",
        "is_staff",
        "is_active",
        "last_login",
    )
    list_filter = (
        "is_focal_point",
        "is_principal_contact",
        "is_staff",
        "is_active",
        "groups",
        "institution__kind",
        "institution__member_state__subregion",
    )
    date_hierarchy = "date_joined"
    actions = ["deactivate"]
    list_select_related = ("institution__member_state",)
    search_fields = ("email", "full_name", "institution__name", "institution__acronym")
    ordering = ("full_name", "email")
    autocomplete_fields = ("institution",)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "job_title", "language", "muted_notices")}),
        (_("Network"), {"fields": ("institution", "is_focal_point", "is_principal_contact")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    importer_class = ContactImporter

    # Granting superuser rights or single permissions is a superuser's act:
    # Secretariat staff give rights through groups only.
    superuser_only_fields = ("is_superuser", "user_permissions")

    def has_delete_permission(self, request, obj=None):
        # Accounts are deactivated, never deleted: their work stays with the institution.
        return False

    @admin.action(description=_("Deactivate (the person left)"), permissions=["change"])
    def deactivate(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda user: services.user_deactivate(user=user, by=request.user),
            lambda count: (
                ngettext("%(count)d account deactivated.", "%(count)d accounts deactivated.", count)
                % {"count": count}
            ),
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in self.superuser_only_fields],
                },
            )
            for name, options in fieldsets
        ]


@admin.register(MemberState)
class MemberStateAdmin(TranslatedAdmin):
    list_display = ("name", "iso_code", "subregion")
    list_filter = ("subregion",)
    search_fields = ("name_en", "name_es", "iso_code")


class InstitutionNameInline(admin.TabularInline):
    model = InstitutionName
    extra = 0


@admin.register(Institution)
class InstitutionAdmin(SimpleHistoryAdmin, TranslatedAdmin):
    list_display = ("name", "acronym", "kind", "member_state", "people_count", "is_active")
    list_filter = ("kind", "is_active", "member_state__subregion", "member_state")
    list_select_related = ("member_state",)
    search_fields = (
        "name_en",
        "name_es",
        "acronym",
        "former_names__name",
        "member_state__name_en",
        "member_state__name_es",
    )
    prepopulated_fields = {"slug": ("acronym",)}
    inlines = [InstitutionNameInline]
    # Django 6 assumes https for scheme-less addresses; say so now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("people"))

    @admin.display(description=_("people"), ordering="people_count")
    def people_count(self, institution):
        return institution.people_count


@admin.register(Topic)
class TopicAdmin(TranslatedAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_es", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


class WorkingGroupInline(RowAutocompleteInlineMixin, admin.TabularInline):
    model = WorkingGroup
    fields = ("number", "name", "chair")
    extra = 0
    show_change_link = True
    autocomplete_fields = ("chair",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("conference", "chair__member_state")


@admin.register(Conference)
class ConferenceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "number", "city", "member_state", "year", "start_date")
    list_filter = ("member_state__subregion",)
    list_select_related = ("member_state",)
    search_fields = ("city", "member_state__name_en", "year")
    inlines = [WorkingGroupInline]


class WorkingGroupForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        chair = cleaned_data.get("chair")
        if chair and chair in (cleaned_data.get("vice_chairs") or []):
            self.add_error("vice_chairs", _("The chair cannot also be a vice-chair."))
        return cleaned_data


@admin.register(WorkingGroup)
class WorkingGroupAdmin(SimpleHistoryAdmin, TranslatedAdmin):
    form = WorkingGroupForm
    list_display = ("__str__", "conference", "number", "chair")
    list_filter = ("conference",)
    list_select_related = ("conference", "chair__member_state")
    search_fields = ("name_en", "name_es", "chair__name_en")
    autocomplete_fields = ("chair", "vice_chairs")
