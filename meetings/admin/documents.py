"""A meeting's document, with one file per language."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin_translation import TranslatedAdmin

from ..models import Document, DocumentFile


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    fields = ("language", "file")
    extra = 1


@admin.register(Document)
class DocumentAdmin(TranslatedAdmin):
    list_display = (
        "symbol",
        "title",
        "meeting",
        "kind",
        "published_on",
        "visibility",
        "file_languages",
    )
    list_filter = ("kind", "visibility", "meeting")
    list_select_related = ("meeting",)
    search_fields = ("symbol", "title_en", "title_es", "title_pt", "title_fr")
    autocomplete_fields = ("meeting",)
    date_hierarchy = "published_on"
    fields = ("meeting", "symbol", "title", "kind", "published_on", "visibility")
    inlines = [DocumentFileInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    @admin.display(description=_("languages"))
    def file_languages(self, document):
        return ", ".join(file.language for file in document.files.all()) or "—"
