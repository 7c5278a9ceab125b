from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from network.admin_actions import apply_to_each, ask_then_apply

from . import services
from .models import NewsItem, Subscriber


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the ministry change?"), widget=forms.Textarea(attrs={"rows": 5})
    )


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "institution", "status", "language", "submitted_at", "published_at")
    list_filter = ("status", "language", "topic")
    list_select_related = ("institution",)
    search_fields = ("title", "text", "institution__name_en")
    date_hierarchy = "published_at"
    autocomplete_fields = ("institution",)
    readonly_fields = (
        "slug",
        "status",
        "review_comment",
        "created_by",
        "submitted_by",
        "submitted_at",
        "published_at",
    )
    actions = ["publish", "return_to_ministry"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.action(description=_("Publish the selected news"))
    def publish(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda news: services.news_publish(news=news, user=request.user),
            lambda n: ngettext("%d item published.", "%d items published.", n) % n,
        )

    @admin.action(description=_("Return to the ministry with a comment"))
    def return_to_ministry(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=ReturnForm,
            title=_("Return news to their ministries"),
            explanation=_("The focal point receives this comment by email."),
            submit_label=_("Return"),
            step=lambda news, data: services.news_return(
                news=news, user=request.user, comment=data["comment"]
            ),
            done_message=lambda n: ngettext("%d returned.", "%d returned.", n) % n,
        )


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "confirmed_at", "unsubscribed_at", "created_at")
    list_filter = (
        ("confirmed_at", admin.EmptyFieldListFilter),
        ("unsubscribed_at", admin.EmptyFieldListFilter),
    )
    search_fields = ("email",)
    date_hierarchy = "created_at"
    readonly_fields = ("user", "confirmed_at", "unsubscribed_at", "created_at")
    filter_horizontal = ("topics",)
