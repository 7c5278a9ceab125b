"""Registrations as they come from the form. Staff correct a person's
details, and approve or decline with the actions, which call the services
(they check the permission, record the transition and email the person);
the status itself is never typed in. The steps are offered as the
registration's table (``workflows.py``) allows, and the change page shows
its activity log."""

from dataclasses import replace

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_actions import apply_to_each, ask_then_apply
from core.admin_activity import ActivityLogInline
from core.admin_imports import ImportAdmin
from core.admin_steps import ObjectStepsAdmin, transition_step

from .. import printing, rules, services
from ..enums import RegistrationStatus
from ..imports import ParticipantImporter
from ..models import Registration
from ..workflows import REGISTRATION_WORKFLOW


class RegistrationAdminForm(forms.ModelForm):
    def clean_email(self):
        # The meeting is read-only here, so the model's one-address-per-meeting
        # constraint is not checked by the form: check it, for a message
        # rather than a database error.
        email = self.cleaned_data["email"].strip()
        if not email and self.instance.imported_from:
            # A historical participant imported without an address.
            return email
        if not email:
            raise ValidationError(_("Give the person's email address."))
        others = Registration.objects.filter(
            meeting_id=self.instance.meeting_id, email__iexact=email
        ).exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("This address is registered for this meeting already."))
        return email


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        help_text=_("Sent to each person in the email that tells them, and kept in the history."),
    )


class AwaitingApprovalFilter(admin.SimpleListFilter):
    title = _("waiting for the Secretariat")
    parameter_name = "awaiting"

    def lookups(self, request, model_admin):
        return [("yes", _("Ready to approve"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.awaiting_approval()
        return queryset


REGISTRATION_STEPS = (
    replace(
        transition_step(
            REGISTRATION_WORKFLOW,
            "approve",
            explanation=_("The person is told by email that their registration is approved."),
            done_message=_("The registration is approved."),
            run=lambda registration, user, data: services.registration_approve(
                registration=registration, by=user
            ),
        ),
        # A submitted registration waits for its delegation's endorsement
        # first where the meeting asks for one.
        offered=lambda registration: registration.awaits_approval,
    ),
    transition_step(
        REGISTRATION_WORKFLOW,
        "decline",
        explanation=_(
            "The person is told by email that their registration was declined, and a place "
            "they held goes to the next person on the waiting list."
        ),
        done_message=_("The registration is declined."),
        run=lambda registration, user, data: services.registration_decline(
            registration=registration, by=user, note=data["note"]
        ),
        form_class=DeclineForm,
    ),
)


class AttendedFilter(admin.SimpleListFilter):
    title = _("present")
    parameter_name = "attended"

    def lookups(self, request, model_admin):
        return [("yes", _("Present")), ("no", _("Not recorded as present"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.attended()
        if self.value() == "no":
            return queryset.filter(attended_at__isnull=True)
        return queryset


@admin.register(Registration)
class RegistrationAdmin(ImportAdmin, ObjectStepsAdmin, admin.ModelAdmin):
    """Registrations as they come from the form; staff correct a person's
    details here, and approve or decline with the actions (which email the
    person). The status itself is never typed in."""

    form = RegistrationAdminForm
    importer_class = ParticipantImporter
    list_display = (
        "full_name",
        "meeting",
        "delegation",
        "member_state",
        "role",
        "status",
        "attended_at",
        "created_at",
        "letter",
    )
    list_filter = (
        AwaitingApprovalFilter,
        "status",
        AttendedFilter,
        "attendance_source",
        "meeting",
        "role",
        "member_state",
        "needs_visa_letter",
        "requests_travel_funding",
        "imported_from",
    )
    list_select_related = ("meeting", "institution__member_state", "member_state")
    search_fields = (
        "full_name",
        "email",
        "organization",
        "institution__name_en",
        "institution__name_es",
        "institution__acronym",
    )
    autocomplete_fields = ("institution", "member_state")
    readonly_fields = (
        "meeting",
        "status",
        "waitlist_position",
        "letter",
        "user",
        "registered_by",
        "imported_from",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "offer_expires_at",
        "attended_at",
        "attendance_source",
        "attendance_recorded_by",
        "updated_at",
    )
    fieldsets = (
        (
            None,
            {"fields": ("meeting", "status", "waitlist_position", "letter", "imported_from")},
        ),
        (
            _("Person"),
            {
                "fields": (
                    "full_name",
                    "job_title",
                    "institution",
                    "organization",
                    "member_state",
                    "role",
                    "email",
                    "phone",
                    "language",
                )
            },
        ),
        (
            _("Attendance"),
            {"fields": ("attended_at", "attendance_source", "attendance_recorded_by")},
        ),
        (
            _("Needs and consent"),
            {
                "fields": (
                    "needs_visa_letter",
                    "requests_travel_funding",
                    "accessibility_needs",
                    "dietary_needs",
                    "listed_consent",
                )
            },
        ),
        (
            _("Record"),
            {
                "fields": (
                    "user",
                    "registered_by",
                    "created_at",
                    "confirmed_at",
                    "waitlisted_at",
                    "offer_expires_at",
                    "updated_at",
                )
            },
        ),
    )
    inlines = [ActivityLogInline]
    actions = ["approve", "decline"]
    object_steps = REGISTRATION_STEPS

    # Registrations hold personal data: only staff who manage them see them.

    def has_module_permission(self, request):
        return rules.can_manage_registrations(request.user)

    def has_view_permission(self, request, obj=None):
        return rules.can_manage_registrations(request.user)

    def has_change_permission(self, request, obj=None):
        return rules.can_manage_registrations(request.user)

    def has_manage_permission(self, request):
        return rules.can_manage_registrations(request.user)

    # People register through the form, which confirms their address and
    # gives them a place in order; a registration ends by being declined or
    # withdrawn, so that its place goes to the waiting list.

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_import_permission(self, request):
        # Registrations are never added through the admin's form, so the
        # Secretariat holds no add permission: importing historical
        # participants is managing registrations.
        return rules.can_manage_registrations(request.user)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/letter.pdf",
                self.admin_site.admin_view(self.letter_view),
                name="meetings_registration_letter",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("delegation"))
    def delegation(self, registration):
        return registration.delegation

    @admin.display(description=_("place on the waiting list"))
    def waitlist_position(self, registration):
        return registration.waitlist_position() or "—"

    @admin.display(description=_("letter"))
    def letter(self, registration):
        if registration.status != RegistrationStatus.APPROVED:
            return "—"
        url = reverse("admin:meetings_registration_letter", args=[registration.pk])
        return format_html('<a href="{}">{}</a>', url, _("Participation letter (PDF)"))

    def letter_view(self, request, object_id):
        if not rules.can_manage_registrations(request.user):
            raise PermissionDenied
        registration = self.get_object(request, unquote(object_id))
        if registration is None:
            raise Http404
        if registration.status != RegistrationStatus.APPROVED:
            self.message_user(
                request,
                _("The letter is available once the registration is approved."),
                messages.ERROR,
            )
            return redirect("admin:meetings_registration_change", registration.pk)
        return printing.pdf_attachment(
            printing.participation_letter(registration),
            f"participation-{registration.meeting.slug}-{registration.pk}.pdf",
        )

    @admin.action(
        description=_("Approve the selected registrations (emails each person)"),
        permissions=["manage"],
    )
    def approve(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda registration: services.registration_approve(
                registration=registration, by=request.user
            ),
            lambda n: (
                ngettext("%(count)d registration approved.", "%(count)d registrations approved.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=_("Decline the selected registrations (emails each person)"),
        permissions=["manage"],
    )
    def decline(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=DeclineForm,
            title=_("Decline registrations"),
            explanation=_(
                "Each person is told by email that their registration was declined, and a "
                "place they held goes to the next person on the waiting list."
            ),
            submit_label=_("Decline"),
            step=lambda registration, data: services.registration_decline(
                registration=registration, by=request.user, note=data["note"]
            ),
            done_message=lambda n: (
                ngettext("%(count)d registration declined.", "%(count)d registrations declined.", n)
                % {"count": n}
            ),
        )
