"""The meeting's admin: what, where, when (as precisely as the plans say),
registration settings, funding needs, with its agenda, funding lines and
documents inline; cloning for the next meeting; letting the waiting list in;
and the participant lists and badges staff print."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_actions import log_action
from core.admin_imports import ImportAdmin
from core.admin_inlines import RowAutocompleteInlineMixin
from core.admin_translation import TranslatedAdmin
from network.models import WorkingGroup

from .. import exports, printing, rules, services
from ..enums import PLACE_HOLDING, FundingItem, RegistrationStatus
from ..imports import MeetingImporter
from ..models import AgendaSession, Document, FundingCommitment, Meeting, Registration
from ..national_reports import national_reports_missing
from ..selectors import attendance_counts
from .funding import UncoveredFundingFilter, uncovered_funding_view


class MeetingAdminForm(forms.ModelForm):
    """The lists stored as JSON, offered as checkboxes."""

    funding_needs = forms.MultipleChoiceField(
        label=_("items to be covered"),
        choices=FundingItem.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "What this meeting needs someone to cover. An item without a committed "
            "funding line below shows as uncovered."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("working languages"),
        choices=settings.CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interpretation = forms.MultipleChoiceField(
        label=_("simultaneous interpretation"),
        choices=settings.CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The languages interpreted into."),
    )


class WorkingGroupFilter(admin.RelatedFieldListFilter):
    """A working group's name includes its conference: fetch them together."""

    def field_choices(self, field, request, model_admin):
        groups = WorkingGroup.objects.select_related("conference").order_by(
            "-conference__number", "number"
        )
        return [(group.pk, str(group)) for group in groups]


class AgendaSessionInline(admin.TabularInline):
    model = AgendaSession
    fields = (
        "day_number",
        "start_time",
        "end_time",
        "kind",
        "title",
        "moderator",
        "position",
        "presenter_names",
    )
    readonly_fields = ("presenter_names",)
    extra = 0
    # Presenters and the summary are edited on the session's own page
    # (the admin has no inline within an inline).
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("presenters")

    @admin.display(description=_("presenters"))
    def presenter_names(self, session):
        if session.pk is None:
            return "—"
        return ", ".join(presenter.name for presenter in session.presenters.all()) or "—"


class FundingCommitmentInline(RowAutocompleteInlineMixin, admin.TabularInline):
    model = FundingCommitment
    fields = ("party", "party_name", "item", "status", "note")
    autocomplete_fields = ("party",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("party__member_state")


class DocumentInline(admin.TabularInline):
    """The meeting's documents, listed (titles in the reader's language); each
    is edited on its own page, where its files in each language are uploaded."""

    model = Document
    fields = ("symbol", "title", "kind", "published_on", "visibility", "file_languages")
    readonly_fields = fields
    extra = 0
    show_change_link = True
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("languages"))
    def file_languages(self, document):
        return ", ".join(file.language for file in document.files.all()) or "—"


def _places_raised(form):
    """Whether the form raised the capacity or the quota (or lifted either)."""
    for name in ("capacity", "quota_per_institution"):
        before, after = form.initial.get(name), form.cleaned_data.get(name)
        if name in form.changed_data and before is not None and (after is None or after > before):
            return True
    return False


@admin.register(Meeting)
class MeetingAdmin(ImportAdmin, TranslatedAdmin):
    form = MeetingAdminForm
    importer_class = MeetingImporter
    # The meetings' own list (with its link to uncovered funding), not the import mixin's.
    change_list_template = "admin/meetings/meeting/change_list.html"
    list_display = (
        "title",
        "kind",
        "dates",
        "place",
        "status",
        "registration_count",
        "places_left",
        "funding_covered",
    )
    list_filter = (
        "kind",
        "status",
        UncoveredFundingFilter,
        "conference",
        ("working_groups", WorkingGroupFilter),
        "visibility",
    )
    list_select_related = ("host_state",)
    search_fields = (
        "title_en",
        "title_es",
        "title_pt",
        "title_fr",
        "city",
        "venue",
        "host_state__name_en",
        "host_state__name_es",
        "slug",
    )
    # To be defined first (they need planning), then the latest.
    ordering = (F("start_date").desc(nulls_first=True), "-date_precision_rank", "-pk")
    autocomplete_fields = (
        "conference",
        "working_groups",
        "topics",
        "coordinating_institutions",
        "host_state",
    )
    readonly_fields = (
        "slug",
        "attendance",
        "national_reports_received",
        "personal_data_purged_at",
        "participation_summary",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (
            _("What"),
            {
                "fields": (
                    "kind",
                    "title",
                    "slug",
                    "status",
                    "description",
                    "conference",
                    "working_groups",
                    "topics",
                    "coordinating_institutions",
                    "languages",
                    "interpretation",
                )
            },
        ),
        (
            _("Where"),
            {"fields": ("is_online", "host_state", "city", "venue", "online_url", "time_zone")},
        ),
        (
            _("When"),
            {
                "description": _(
                    "State the dates as precisely as the plans do. <b>Exact days</b>: the "
                    "first and last day, and the daily hours if known. <b>Month only</b>: any "
                    "day of the month, and which part of it if the plan says (“beginning of "
                    "April 2006”). <b>Semester only</b> or <b>year only</b>: any day in it. "
                    "<b>To be defined</b>: no dates; say what is known in the note. Meetings "
                    "are shown that way and sorted by their first possible day."
                ),
                "fields": (
                    "date_precision",
                    ("start_date", "end_date"),
                    "month_part",
                    ("start_time", "end_time"),
                    "date_note",
                ),
            },
        ),
        (
            _("Registration"),
            {
                "fields": (
                    ("registration_opens_at", "registration_closes_at"),
                    ("capacity", "quota_per_institution"),
                    "approval",
                    "offer_hours",
                    "participant_list",
                    "reminder_days",
                    "retention_days",
                )
            },
        ),
        (
            _("After the meeting"),
            {
                "description": _(
                    "The recording and slides appear on the meeting's page once it is over, "
                    "for those chosen here. Certificates of attendance state the certified "
                    "hours."
                ),
                "fields": ("recording_url", "slides", "materials_access", "certified_hours"),
            },
        ),
        (_("Funding"), {"fields": ("funding_needs",)}),
        (_("Attendance"), {"fields": ("attendance",)}),
        (_("National reports"), {"fields": ("national_reports_due", "national_reports_received")}),
        (_("Visibility"), {"fields": ("visibility",)}),
        (
            _("Record"),
            {
                "classes": ("collapse",),
                "fields": (
                    "created_at",
                    "updated_at",
                    "personal_data_purged_at",
                    "participation_summary",
                ),
            },
        ),
    )
    inlines = [AgendaSessionInline, FundingCommitmentInline, DocumentInline]
    actions = ["clone_for_next_meeting", "fill_places"]
    # Django 6 assumes https for scheme-less addresses; say so now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        confirmed = ~Q(registrations__status=RegistrationStatus.PENDING_CONFIRMATION)
        return (
            super()
            .get_queryset(request)
            .annotate(
                registrations_confirmed=Count("registrations", filter=confirmed),
                registrations_holding=Count(
                    "registrations", filter=Q(registrations__status__in=PLACE_HOLDING)
                ),
            )
            .prefetch_related("funding_lines")
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "uncovered-funding/",
                view(self.uncovered_funding_view),
                name="meetings_meeting_uncovered_funding",
            ),
            path(
                "<path:object_id>/participants.<str:fmt>",
                view(self.participants_export_view),
                name="meetings_meeting_participants_export",
            ),
            path(
                "<path:object_id>/participants/print/",
                view(self.participants_print_view),
                name="meetings_meeting_participants_print",
            ),
            path(
                "<path:object_id>/badges.pdf",
                view(self.badges_view),
                name="meetings_meeting_badges",
            ),
            *super().get_urls(),
        ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not rules.can_record_attendance(request.user):
            # Its links lead to pages only those who record attendance open.
            return [
                (name, options)
                for name, options in fieldsets
                if "attendance" not in options["fields"]
            ]
        return fieldsets

    def has_manage_registrations_permission(self, request):
        return rules.can_manage_registrations(request.user)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "can_manage_registrations": rules.can_manage_registrations(request.user),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and _places_raised(form):
            self._let_waiting_list_in(request, [obj])

    # Columns.

    @admin.display(description=_("dates"), ordering=F("start_date").asc(nulls_last=True))
    def dates(self, meeting):
        return meeting.dates_display()

    @admin.display(description=_("place"))
    def place(self, meeting):
        return meeting.place_display()

    @admin.display(description=_("registrations"), ordering="registrations_confirmed")
    def registration_count(self, meeting):
        url = reverse("admin:meetings_registration_changelist")
        return format_html(
            '<a href="{}?meeting__id__exact={}">{}</a>',
            url,
            meeting.pk,
            meeting.registrations_confirmed,
        )

    @admin.display(description=_("places left"))
    def places_left(self, meeting):
        if meeting.capacity is None:
            return _("no limit")
        return max(meeting.capacity - meeting.registrations_holding, 0)

    @admin.display(description=_("funding covered"), boolean=True)
    def funding_covered(self, meeting):
        if not meeting.funding_needs:
            return None
        return not meeting.uncovered_items()

    @admin.display(description=_("present"))
    def attendance(self, meeting):
        if meeting.pk is None:
            return "—"
        counts = attendance_counts(meeting)
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            _("%(present)d of %(approved)d approved participants") % counts,
            reverse("meetings:check_in", kwargs={"slug": meeting.slug}),
            _("Check-in page"),
            reverse("meetings:attendance_import", kwargs={"slug": meeting.slug}),
            _("Import attendance"),
        )

    @admin.display(description=_("national reports received"))
    def national_reports_received(self, meeting):
        if meeting.pk is None or meeting.national_reports_due is None:
            return _("Not asked for.")
        missing = national_reports_missing(meeting).count()
        received = meeting.national_reports.count()
        return format_html(
            '{} · <a href="{}">{}</a>',
            ngettext(
                "%(received)d received, %(missing)d missing.",
                "%(received)d received, %(missing)d missing.",
                received,
            )
            % {"received": received, "missing": missing},
            reverse("meetings:national_reports_status", kwargs={"slug": meeting.slug}),
            _("Who has and hasn't"),
        )

    # Actions.

    @admin.action(description=_("Clone for the next meeting"), permissions=["add"])
    def clone_for_next_meeting(self, request, queryset):
        copies = []
        for meeting in queryset:
            with transaction.atomic():
                copy = meeting.clone()
                self.log_addition(
                    request, copy, str(_("Cloned from “%(title)s”.") % {"title": meeting.title})
                )
                copies.append((meeting, copy))
        if len(copies) == 1:
            original, copy = copies[0]
            self.message_user(
                request,
                _(
                    "This is a copy of “%(title)s”, with its agenda, funding lines and "
                    "registration settings. Set its title, dates and registration period."
                )
                % {"title": original.title},
                messages.SUCCESS,
            )
            return redirect("admin:meetings_meeting_change", copy.pk)
        self.message_user(
            request,
            ngettext("%(count)d meeting cloned.", "%(count)d meetings cloned.", len(copies))
            % {"count": len(copies)},
            messages.SUCCESS,
        )
        return None

    @admin.action(
        description=_("Let the waiting list into free places"),
        permissions=["manage_registrations"],
    )
    def fill_places(self, request, queryset):
        moved = self._let_waiting_list_in(request, queryset)
        for meeting in queryset:
            log_action(self, request, meeting)
        if not moved:
            self.message_user(request, _("Nobody on the waiting lists could be let in."))

    def _let_waiting_list_in(self, request, meetings):
        """Give free places to the waiting lists of ``meetings`` (the service
        emails each person); say how many moved. Returns that number."""
        waiting = Registration.objects.waiting()
        moved = 0
        for meeting in meetings:
            before = waiting.filter(meeting=meeting).count()
            services.meeting_fill_places(meeting=meeting)
            moved += before - waiting.filter(meeting=meeting).count()
        if moved:
            self.message_user(
                request,
                ngettext(
                    "%(count)d person on the waiting list was given or offered a place.",
                    "%(count)d people on the waiting list were given or offered a place.",
                    moved,
                )
                % {"count": moved},
                messages.SUCCESS,
            )
        return moved

    # Pages.

    def _meeting_for_lists(self, request, object_id):
        """The meeting whose participants staff may list, or 403/404."""
        if not rules.can_manage_registrations(request.user):
            raise PermissionDenied
        meeting = self.get_object(request, unquote(object_id))
        if meeting is None:
            raise Http404
        return meeting

    def participants_export_view(self, request, object_id, fmt):
        meeting = self._meeting_for_lists(request, object_id)
        return exports.participants_response(meeting, fmt)

    def participants_print_view(self, request, object_id):
        meeting = self._meeting_for_lists(request, object_id)
        groups = exports.official_list(meeting)
        return TemplateResponse(
            request,
            "meetings/print/participants.html",
            {
                "meeting": meeting,
                "groups": groups,
                "total": sum(
                    len(delegation.participants)
                    for group in groups
                    for delegation in group.delegations
                ),
                "printed_on": timezone.localdate(),
                "back_url": reverse("admin:meetings_meeting_change", args=[meeting.pk]),
            },
        )

    def badges_view(self, request, object_id):
        meeting = self._meeting_for_lists(request, object_id)
        return printing.pdf_attachment(printing.name_badges(meeting), f"badges-{meeting.slug}.pdf")

    def uncovered_funding_view(self, request):
        return uncovered_funding_view(self, request)
