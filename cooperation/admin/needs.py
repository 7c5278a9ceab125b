"""Ministries' cooperation needs, as their focal points record them; staff
correct them and decide nothing here."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..enums import ActivityType
from ..models import Need


class NeedAdminForm(forms.ModelForm):
    support_kinds = forms.MultipleChoiceField(
        label=_("kinds of support sought"),
        choices=ActivityType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    form = NeedAdminForm
    list_display = (
        "title",
        "institution",
        "topic",
        "priority",
        "status",
        "is_public",
        "created_at",
    )
    list_filter = ("status", "priority", "is_public", "topic")
    list_select_related = ("institution__member_state", "topic")
    search_fields = (
        "title",
        "description",
        "institution__name_en",
        "institution__name_es",
        "institution__acronym",
    )
    autocomplete_fields = ("institution", "topic")
    readonly_fields = ("created_by", "created_at", "updated_at")
    fields = (
        "institution",
        "topic",
        "title",
        "description",
        "priority",
        "support_kinds",
        "language",
        "status",
        "is_public",
        "created_by",
        "created_at",
        "updated_at",
    )
