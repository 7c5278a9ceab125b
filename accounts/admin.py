from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_actions import apply_to_each

from . import rules, services
from .models import ErasureRequest, Invitation


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "full_name", "job_title", "institution", "is_focal_point", "language"]

    def clean_email(self):
        # The model's constraint cannot be checked by the form (its condition
        # names fields the form does not have), and addresses are stored in
        # lowercase: check here, so that staff get a message, not an error page.
        email = get_user_model().objects.normalize_email(self.cleaned_data["email"])
        if Invitation.objects.pending().filter(email__iexact=email).exists():
            raise ValidationError(
                _("This person already has a pending invitation."), code="pending"
            )
        return email


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invite a focal point: saving the form sends the email."""

    form = InvitationForm
    list_display = ("full_name", "email", "institution", "status", "sent_at", "accepted_at")
    list_filter = ("is_focal_point", "language")
    list_select_related = ("institution__member_state",)
    search_fields = ("email", "full_name", "institution__name_en", "institution__acronym")
    autocomplete_fields = ("institution",)
    readonly_fields = ("invited_by", "sent_at", "accepted_at", "revoked_at", "user", "status")
    actions = ["resend", "revoke"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        # An invitation names a person and an institution: to change them,
        # revoke it and invite anew.
        return (*InvitationForm.Meta.fields, *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        if change:
            return
        created = services.invitation_create(by=request.user, **form.cleaned_data)
        obj.pk = created.pk
        self.message_user(
            request, _("The invitation was sent to %(email)s.") % {"email": obj.email}
        )

    def save_related(self, request, form, formsets, change):
        # The service saved everything; nothing related to save.
        return

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send again, with a new link"), permissions=["add"])
    def resend(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda invitation: services.invitation_send(invitation=invitation, by=request.user),
            lambda n: ngettext("%d invitation sent again.", "%d invitations sent again.", n) % n,
        )

    @admin.action(description=_("Revoke"), permissions=["add"])
    def revoke(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda invitation: services.invitation_revoke(invitation=invitation, by=request.user),
            lambda n: ngettext("%d invitation revoked.", "%d invitations revoked.", n) % n,
        )


@admin.register(ErasureRequest)
class ErasureRequestAdmin(admin.ModelAdmin):
    list_display = ("__str__", "user", "requested_at", "processed_at", "processed_by")
    list_filter = (("processed_at", admin.EmptyFieldListFilter),)
    list_select_related = ("user", "processed_by")
    readonly_fields = ("user", "reason", "requested_at", "processed_at", "processed_by")
    actions = ["process"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_erase_permission(self, request):
        return rules.can_manage_accounts(request.user)

    @admin.action(description=_("Erase: anonymize the accounts"), permissions=["erase"])
    def process(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda erasure: services.erasure_process(erasure=erasure, by=request.user),
            lambda n: ngettext("%d account anonymized.", "%d accounts anonymized.", n) % n,
        )
