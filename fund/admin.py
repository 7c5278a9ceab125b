"""The Technical Secretariat's bookkeeping of the fund.

Nothing is deleted here. A new record goes through the services, which check
the bookkeeper's rights, validate it and lock what they must (an allocation
while an expense draws on it). The amounts of a recorded entry are read-only:
it is corrected by voiding it with a reason, or by a reversing entry. Every
change is kept in history, with who made it.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin_actions import apply_to_each, ask_then_apply
from core.admin_imports import ImportAdmin

from . import rules, selectors, services
from .enums import PledgeState, PledgeStatus
from .imports import AllocationImporter, ContributionImporter, ExpenseImporter, PledgeImporter
from .models import Allocation, ClosedYear, Contribution, Expense, Pledge, signed

# Kept by the services and the void and reverse actions, never typed in.
BOOKS_FIELDS = (
    "reverses",
    "voided",
    "void_reason",
    "voided_at",
    "voided_by",
    "recorded_by",
    "recorded_at",
)
CHANGE_LIST_TEMPLATE = "admin/fund/change_list.html"


def _money(value):
    return number_format(value, 2, force_grouping=True)


def _signed_money(entry, value):
    """An amount as it counts: a reversing entry's negatively."""
    return f"−{_money(value)}" if entry.is_reversal else _money(value)


class VoidForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the record voided?"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReversalFilter(admin.SimpleListFilter):
    title = _("reversing entry")
    parameter_name = "reversal"

    def lookups(self, request, model_admin):
        return [("yes", _("Reversing entries")), ("no", _("Original records"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(reverses__isnull=False)
        if self.value() == "no":
            return queryset.filter(reverses__isnull=True)
        return queryset


class PledgeStateFilter(admin.SimpleListFilter):
    """By the state a pledge reads in today: an open pledge whose last year
    is over shows as lapsed, not open."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PledgeState.choices

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == PledgeState.OPEN:
            return queryset.open_on(today)
        if self.value() == PledgeState.LAPSED:
            return queryset.lapsed_on(today)
        if self.value() in (PledgeState.FULFILLED, PledgeState.WITHDRAWN):
            return queryset.filter(status=self.value())
        return queryset


class LedgerAdminForm(forms.ModelForm):
    """Checks the service makes before recording a new entry, so that a
    refusal shows on the form; the service checks again when it records."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            self.check_new_entry(cleaned_data)
        return cleaned_data

    def check_new_entry(self, cleaned_data):
        pass


class ExpenseAdminForm(LedgerAdminForm):
    def check_new_entry(self, cleaned_data):
        allocation, amount = cleaned_data.get("allocation"), cleaned_data.get("amount")
        if allocation is None or amount is None:
            return
        try:
            services.expense_check_allocation(allocation, amount)
        except ValidationError as error:
            self.add_error(None, error)


class SavedByServiceAdmin:
    """ModelAdmin mixin for records a service saves instead of the admin: the
    admin goes on with the form's object as the saved record (its log entry,
    message and redirect), and a refusal the service makes after the form
    accepted (a concurrent change) comes back as a message, nothing saved."""

    def adopt(self, obj, saved):
        for field in obj._meta.concrete_fields:
            setattr(obj, field.attname, getattr(saved, field.attname))
        obj._state.adding = False
        obj._state.db = saved._state.db

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


class LedgerAdmin(SavedByServiceAdmin, SimpleHistoryAdmin):
    """What the four books share: no deletion, no revert to an earlier
    version, new records through ``services.<record_service>``, amounts
    frozen once recorded, and the void action."""

    form = LedgerAdminForm
    record_service = None  # the name of the function of fund.services
    entry_fields = ()  # what is typed in for a new record
    frozen_fields = ()  # what is read-only once recorded
    books_fields = BOOKS_FIELDS
    actions = ["void"]

    class Media:
        css = {"all": ("css/fund_admin.css",)}

    # Nothing is ever deleted.

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    # History is read, never reverted: a revert would rewrite amounts or
    # undo a void behind the services' back.

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Recording.

    def has_add_permission(self, request):
        return super().has_add_permission(request) and rules.can_keep_books(request.user)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": self.entry_fields})]
        return [
            (None, {"fields": self.entry_fields}),
            (_("Books"), {"fields": self.books_fields}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return (*self.frozen_fields, *self.books_fields)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        # ``obj`` holds the form's values as Django would save them (files
        # included); the service builds and saves the record itself.
        names = {field.name for field in obj._meta.concrete_fields} - set(BOOKS_FIELDS)
        fields = {name: getattr(obj, name) for name in form.cleaned_data if name in names}
        record = getattr(services, self.record_service)
        self.adopt(obj, record(user=request.user, **fields))

    # List columns.

    @admin.display(description=_("reverses"), ordering="reverses")
    def reversal(self, entry):
        if entry.reverses_id is None:
            return None
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry.reverses_id])
        return format_html('<a href="{}">↩ #{}</a>', url, entry.reverses_id)

    @admin.display(description=_("status"))
    def entry_status(self, entry):
        """Voided, or the record a reversing entry corrects; nothing for a
        record in force."""
        if entry.voided:
            return gettext("Voided")
        return self.reversal(entry)

    # Actions.

    @admin.action(description=_("Void with a reason"), permissions=["change"])
    def void(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=VoidForm,
            title=_("Void records of the books"),
            explanation=_(
                "A voided record stays in the books, marked as voided with your reason, and no "
                "longer counts. To correct part of an amount, record a reversing entry instead."
            ),
            submit_label=_("Void"),
            step=lambda entry, data: services.entry_void(
                entry=entry, user=request.user, reason=data["reason"]
            ),
            done_message=lambda n: (
                ngettext("%(count)d record voided.", "%(count)d records voided.", n) % {"count": n}
            ),
        )

    @admin.action(description=_("Record a full reversal dated today"), permissions=["add"])
    def reverse_today(self, request, queryset):
        today = timezone.localdate()
        max_length = self.model._meta.get_field("reference").max_length
        apply_to_each(
            self,
            request,
            queryset,
            lambda entry: services.entry_reverse(
                entry=entry,
                user=request.user,
                on=today,
                reference=(
                    gettext("Reversal of %(reference)s")
                    % {"reference": entry.reference or entry.pk}
                )[:max_length],
            ),
            lambda n: (
                ngettext("%(count)d reversal recorded.", "%(count)d reversals recorded.", n)
                % {"count": n}
            ),
        )


@admin.register(Pledge)
class PledgeAdmin(ImportAdmin, LedgerAdmin):
    record_service = "pledge_record"
    importer_class = PledgeImporter
    entry_fields = (
        "institution",
        "amount",
        "currency",
        "amount_usd",
        "year_from",
        "year_to",
        "announced_on",
        "announced_at",
        "reference",
    )
    frozen_fields = ("institution", "amount", "currency", "amount_usd")
    books_fields = ("state", "withdrawn_on", *BOOKS_FIELDS, "imported_from")
    list_display = (
        "announced_on",
        "institution",
        "amount_display",
        "amount_usd_display",
        "years",
        "state",
    )
    list_filter = (PledgeStateFilter, "currency", "voided", "imported_from")
    list_select_related = ("institution__member_state",)
    search_fields = (
        "reference",
        "institution__name_en",
        "institution__name_es",
        "institution__acronym",
        "announced_at",
    )
    date_hierarchy = "announced_on"
    autocomplete_fields = ("institution",)
    actions = ["void", "mark_withdrawn"]

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, pledge):
        return f"{_money(pledge.amount)} {pledge.currency}"

    @admin.display(description=_("amount in USD"), ordering="amount_usd")
    def amount_usd_display(self, pledge):
        return _money(pledge.amount_usd)

    @admin.display(description=_("status"), ordering="status")
    def state(self, pledge):
        if pledge.voided:
            return gettext("Voided")
        return pledge.state_on(timezone.localdate()).label

    @admin.action(description=_("Mark withdrawn"), permissions=["change"])
    def mark_withdrawn(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda pledge: services.pledge_withdraw(pledge=pledge, user=request.user),
            lambda n: (
                ngettext(
                    "%(count)d pledge marked withdrawn.",
                    "%(count)d pledges marked withdrawn.",
                    n,
                )
                % {"count": n}
            ),
        )


@admin.register(Contribution)
class ContributionAdmin(ImportAdmin, LedgerAdmin):
    record_service = "contribution_record"
    importer_class = ContributionImporter
    # A historical record says which spreadsheet it was imported from.
    books_fields = (*BOOKS_FIELDS, "imported_from")
    entry_fields = (
        "institution",
        "kind",
        "amount",
        "currency",
        "amount_usd",
        "received_on",
        "pledge",
        "reference",
        "description",
        "valuation",
    )
    # The pledge too: the pledge's status follows from its contributions.
    frozen_fields = (
        "institution",
        "kind",
        "amount",
        "currency",
        "amount_usd",
        "received_on",
        "pledge",
    )
    # Fits 1280 pixels beside the navigation and the filters: the currency
    # goes with its amount, voided and reversing in one column, the reference
    # is searched for and read on the record; the amounts are right-aligned
    # and never wrapped (css/fund_admin.css).
    list_display = (
        "received_on",
        "institution",
        "kind",
        "amount_display",
        "amount_usd_display",
        "entry_status",
    )
    list_filter = ("kind", "currency", "voided", ReversalFilter, "imported_from")
    list_select_related = ("institution__member_state",)
    search_fields = (
        "reference",
        "institution__name_en",
        "institution__name_es",
        "institution__acronym",
        "description",
    )
    date_hierarchy = "received_on"
    autocomplete_fields = ("institution",)
    change_list_template = CHANGE_LIST_TEMPLATE
    actions = ["void", "reverse_today"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "pledge":
            kwargs["queryset"] = (
                Pledge.objects.effective()
                .exclude(status=PledgeStatus.WITHDRAWN)
                .select_related("institution__member_state")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("amount"), ordering="amount")
    def amount_display(self, contribution):
        return f"{_signed_money(contribution, contribution.amount)} {contribution.currency}"

    @admin.display(description=_("value in USD"), ordering="amount_usd")
    def amount_usd_display(self, contribution):
        return _signed_money(contribution, contribution.amount_usd)


@admin.register(Allocation)
class AllocationAdmin(ImportAdmin, LedgerAdmin):
    record_service = "allocation_record"
    importer_class = AllocationImporter
    books_fields = (*BOOKS_FIELDS, "imported_from")
    entry_fields = ("purpose", "budget_line", "ceiling", "decided_on", "decided_at", "reference")
    frozen_fields = ("budget_line", "ceiling")
    list_display = (
        "purpose",
        "budget_line",
        "ceiling_display",
        "used_display",
        "remaining_display",
        "entry_status",
    )
    list_filter = ("budget_line", "voided", "imported_from")
    search_fields = ("purpose", "reference", "decided_at")
    date_hierarchy = "decided_on"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                used=Coalesce(
                    Sum(signed("amount", via="expenses__"), filter=Q(expenses__voided=False)),
                    Value(selectors.ZERO),
                    output_field=DecimalField(max_digits=16, decimal_places=2),
                )
            )
        )

    @admin.display(description=_("ceiling (USD)"), ordering="ceiling")
    def ceiling_display(self, allocation):
        return _money(allocation.ceiling)

    @admin.display(description=_("spent"), ordering="used")
    def used_display(self, allocation):
        return _money(allocation.used)

    @admin.display(description=_("remaining"))
    def remaining_display(self, allocation):
        if allocation.voided:
            return None
        return _money(allocation.ceiling - allocation.used)


@admin.register(Expense)
class ExpenseAdmin(ImportAdmin, LedgerAdmin):
    form = ExpenseAdminForm
    record_service = "expense_record"
    importer_class = ExpenseImporter
    books_fields = (*BOOKS_FIELDS, "imported_from")
    entry_fields = (
        "spent_on",
        "amount",
        "budget_line",
        "allocation",
        "description",
        "reference",
        "document",
    )
    frozen_fields = ("spent_on", "amount", "budget_line", "allocation")
    list_display = (
        "spent_on",
        "description",
        "budget_line",
        "allocation",
        "amount_display",
        "entry_status",
    )
    list_filter = ("budget_line", "voided", ReversalFilter, "allocation", "imported_from")
    list_select_related = ("allocation",)
    search_fields = ("description", "reference", "allocation__purpose")
    date_hierarchy = "spent_on"
    change_list_template = CHANGE_LIST_TEMPLATE
    actions = ["void", "reverse_today"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "allocation":
            kwargs["queryset"] = Allocation.objects.effective()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("amount (USD)"), ordering="amount")
    def amount_display(self, expense):
        return _signed_money(expense, expense.amount)


class CloseYearForm(forms.ModelForm):
    class Meta:
        model = ClosedYear
        fields = ["year"]


@admin.register(ClosedYear)
class ClosedYearAdmin(SavedByServiceAdmin, admin.ModelAdmin):
    """Closing a year: staff give the year, services.year_close freezes its
    statement. A closed year is never changed nor reopened."""

    form = CloseYearForm
    list_display = ("year", "closed_at", "closed_by", "checksum", "intact_display")
    readonly_fields = ("year", "closed_at", "closed_by", "checksum", "intact_display")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and rules.can_keep_books(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def get_fields(self, request, obj=None):
        return ["year"] if obj is None else list(self.readonly_fields)

    def save_model(self, request, obj, form, change):
        self.adopt(obj, services.year_close(year=obj.year, user=request.user))

    @admin.display(description=_("checksum holds"), boolean=True)
    def intact_display(self, closed):
        return closed.intact
