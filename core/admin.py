from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import mail
from .models import EmailDelivery


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(admin.ModelAdmin):
    """What the portal emailed, to whom, and what failed: read-only, with a
    retry for failed deliveries once the cause (a full mailbox…) is fixed."""

    list_display = ("subject", "to", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("to", "subject", "key")
    readonly_fields = [
        *(field.name for field in EmailDelivery._meta.fields if field.name != "body"),
        "body_shown",
    ]
    exclude = ("body",)
    # These messages carry a personal sign-in link: whoever reads them could
    # open the account, so staff see that they went out, not the link.
    SECRET_KEYS = ("password-reset:", "invitation:")
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("body"))
    def body_shown(self, delivery):
        if delivery.key.startswith(self.SECRET_KEYS):
            return _("(hidden: it contains a personal sign-in link)")
        return delivery.body

    @admin.action(description=_("Send the selected failed deliveries again"), permissions=["view"])
    def retry(self, request, queryset):
        count = mail.email_retry_failed(deliveries=queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d delivery queued again.", "%(count)d deliveries queued again.", count
            )
            % {"count": count},
        )
