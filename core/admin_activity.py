"""A record's activity log (``core.workflow``) on its admin change page:
who moved it from which state to which, when, with which comment."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _

from .models import ActivityLog
from .workflow import workflow_of


class ActivityLogInline(GenericTabularInline):
    """Read-only: the log is written by the workflow's transitions only."""

    model = ActivityLog
    extra = 0
    can_delete = False
    fields = ("created_at", "actor", "action_label", "states", "comment")
    readonly_fields = fields
    verbose_name_plural = _("activity log")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor").order_by("created_at", "pk")

    def has_view_permission(self, request, obj=None):
        # Shown only inside a change page, which checked the record's own
        # permission: whoever may see the record may see how it got there.
        return True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @property
    def workflow(self):
        return workflow_of(self.parent_model)

    @admin.display(description=_("action"))
    def action_label(self, entry):
        return self.workflow.action_label(entry.action)

    @admin.display(description=_("change of state"))
    def states(self, entry):
        return (
            f"{self.workflow.state_label(entry.from_state)} → "
            f"{self.workflow.state_label(entry.to_state)}"
        )
