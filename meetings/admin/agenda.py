"""An agenda session on its own page, with its presenters and the summary of
what was said (the meeting's page lists the sessions and links here: the
admin has no inline within an inline)."""

from django.contrib import admin

from core.admin_inlines import RowAutocompleteInlineMixin

from ..models import AgendaSession, Presenter


class PresenterInline(RowAutocompleteInlineMixin, admin.TabularInline):
    model = Presenter
    fields = ("name", "title", "institution", "organization", "position")
    autocomplete_fields = ("institution",)
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("institution__member_state")


@admin.register(AgendaSession)
class AgendaSessionAdmin(admin.ModelAdmin):
    list_display = ("title", "meeting", "day_number", "start_time", "end_time", "kind")
    list_filter = ("kind",)
    list_select_related = ("meeting",)
    search_fields = ("title", "moderator", "meeting__title_en", "meeting__title_es")
    autocomplete_fields = ("meeting",)
    fields = (
        "meeting",
        ("day_number", "start_time", "end_time"),
        "kind",
        "title",
        "moderator",
        "position",
        "summary",
    )
    inlines = [PresenterInline]
