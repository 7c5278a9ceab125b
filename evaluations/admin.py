"""Questionnaires and their questions (a meeting's, or the one asked in
cooperation final reports), edited by the meetings staff; the
results page (counts, averages, a bar per rating, the free texts) and the
CSV export of every answer, for them only (rules.py)."""

import csv

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin_translation import TranslatedAdmin
from core.exports import spreadsheet_safe
from core.translated_text import TranslatedTextFormMixin

from . import rules, selectors
from .models import Question, Questionnaire


class QuestionForm(TranslatedTextFormMixin, forms.ModelForm):
    """A question's text in at least one language, like every translated text."""

    class Meta:
        model = Question
        fields = ("position", "kind", "text", "is_required")


class QuestionInline(TranslationTabularInline):
    model = Question
    form = QuestionForm
    fields = ("position", "kind", "text", "is_required")
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(TranslatedAdmin):
    list_display = (
        "title",
        "meeting",
        "for_final_reports",
        "is_anonymous",
        "created_at",
        "results_link",
    )
    list_filter = ("for_final_reports", "is_anonymous")
    search_fields = ("title", "meeting__title")
    autocomplete_fields = ("meeting",)
    fields = (
        "title",
        "intro",
        "meeting",
        "for_final_reports",
        "is_anonymous",
        "reminder_after_days",
    )
    inlines = [QuestionInline]
    list_select_related = ("meeting",)

    def get_readonly_fields(self, request, obj=None):
        # The invitations promised anonymity (or said that names are kept).
        if obj is not None and obj.has_been_asked():
            return ("is_anonymous",)
        return ()

    # Staff who run meetings, whatever the evaluations app's own permissions.

    def has_module_permission(self, request):
        return rules.can_edit_questionnaire(request.user)

    def has_view_permission(self, request, obj=None):
        return rules.can_edit_questionnaire(request.user)

    def has_add_permission(self, request):
        return rules.can_edit_questionnaire(request.user)

    def has_change_permission(self, request, obj=None):
        return rules.can_edit_questionnaire(request.user)

    def has_delete_permission(self, request, obj=None):
        # Answers are kept: a questionnaire that has some stays.
        if obj is not None and obj.responses.exists():
            return False
        return rules.can_edit_questionnaire(request.user)

    @admin.display(description=_("results"))
    def results_link(self, questionnaire):
        url = reverse("admin:evaluations_questionnaire_results", args=[questionnaire.pk])
        return format_html('<a href="{}">{}</a>', url, _("Results"))

    def get_urls(self):
        return [
            path(
                "<int:object_id>/results/",
                self.admin_site.admin_view(self.results_view),
                name="evaluations_questionnaire_results",
            ),
            path(
                "<int:object_id>/results.csv",
                self.admin_site.admin_view(self.export_view),
                name="evaluations_questionnaire_export",
            ),
            *super().get_urls(),
        ]

    def _questionnaire(self, request, object_id):
        if not rules.can_see_results(request.user):
            raise PermissionDenied
        return get_object_or_404(Questionnaire.objects.select_related("meeting"), pk=object_id)

    def results_view(self, request, object_id):
        questionnaire = self._questionnaire(request, object_id)
        return TemplateResponse(
            request,
            "admin/evaluations/questionnaire/results.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "original": questionnaire,
                "title": _("Results"),
                "results": selectors.questionnaire_results(questionnaire=questionnaire),
                "participation": selectors.questionnaire_participation(questionnaire=questionnaire),
            },
        )

    def export_view(self, request, object_id):
        questionnaire = self._questionnaire(request, object_id)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="evaluation-{questionnaire.pk}-answers.csv"'
        )
        # A byte order mark, so that spreadsheet programs read the accents.
        response.write("\ufeff")
        writer = csv.writer(response)
        for row in selectors.questionnaire_export_rows(questionnaire=questionnaire):
            writer.writerow([spreadsheet_safe(cell) for cell in row])
        return response
