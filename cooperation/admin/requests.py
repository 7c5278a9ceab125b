"""Cooperation requests as the ministries wrote them. Staff never type a
status: they score a proposal on its own page, and decide, approve (which
creates the fund's allocation) and close with the actions, all through the
services, which check the permission, record the transition and email both
ministries. The content stays the ministries'; staff may edit only the
public summary. The steps are offered as the request's table
(``workflows.py``) allows, and the change page shows its activity log."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import get_translation_fields

from core.admin_actions import ask_then_apply
from core.admin_activity import ActivityLogInline
from core.admin_steps import ObjectStepsAdmin, Step, transition_step
from core.admin_translation import TranslatedAdmin

from .. import rules, services
from ..enums import Criterion, RequestStatus
from ..models import (
    BudgetLine,
    ExpectedResult,
    FinalReport,
    FollowUp,
    Request,
    Review,
)
from ..workflows import AWAITING_DECISION, DECISION_MOVES, REQUEST_WORKFLOW

SCORES = [(score, str(score)) for score in range(1, 6)]


class ReviewForm(forms.Form):
    relevance = forms.TypedChoiceField(
        label=Criterion.RELEVANCE.label, choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    opportunity = forms.TypedChoiceField(
        label=Criterion.OPPORTUNITY.label, choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    clarity = forms.TypedChoiceField(
        label=Criterion.CLARITY.label, choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    commitment = forms.TypedChoiceField(
        label=Criterion.COMMITMENT.label, choices=SCORES, coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(status.value, status.label) for status in services.DECISIONS],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Both ministries read them in the email that tells them."),
    )


class ApprovalForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount approved from the fund (USD)"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        required=False,
        help_text=_("Empty: what each request asks from the fund."),
    )
    decided_at = forms.CharField(
        label=_("Decided at (meeting)"),
        max_length=250,
        help_text=_("The meeting or committee, and the symbol of its report where there is one."),
    )


class CloseForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; both ministries read it. Closing publishes the results."),
    )


# The decisions share their sources and rule: one step offers all three.
_DECISION = REQUEST_WORKFLOW[DECISION_MOVES[RequestStatus.SELECTED]]

REQUEST_STEPS = (
    Step(
        name="decide",
        label=_("Decide"),
        explanation=_(
            "Selected, waitlisted or rejected, once the proposal is scored. Both ministries "
            "are told the decision and its reasons by email."
        ),
        done_message=_("The decision is recorded."),
        run=lambda proposal, user, data: services.request_decide(
            request=proposal, user=user, decision=data["decision"], reason=data["reason"]
        ),
        offered=_DECISION.starts_from,
        allowed=_DECISION.allowed,
        form_class=DecisionForm,
    ),
    transition_step(
        REQUEST_WORKFLOW,
        "approve",
        explanation=_(
            "The request is approved and a fund allocation is created for the amount, "
            "within the call's maximum per activity and its envelope."
        ),
        done_message=_("The request is approved."),
        run=lambda proposal, user, data: services.request_approve(
            request=proposal,
            user=user,
            amount=data["amount"] or proposal.amount_requested(),
            decided_at=data["decided_at"],
        ),
        form_class=ApprovalForm,
    ),
    transition_step(
        REQUEST_WORKFLOW,
        "close",
        explanation=_(
            "Close the request once its final report is checked; its results become public."
        ),
        done_message=_("The request is closed."),
        run=lambda proposal, user, data: services.request_close(
            request=proposal, user=user, comment=data["comment"]
        ),
        form_class=CloseForm,
    ),
)


class ReadOnlyInline(admin.TabularInline):
    """What the ministries and the services wrote: shown, never edited here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ExpectedResultInline(ReadOnlyInline):
    model = ExpectedResult
    fields = ("result", "indicator", "baseline", "target", "achieved")


class BudgetLineInline(ReadOnlyInline):
    model = BudgetLine
    fields = ("item", "description", "fund_amount", "requester_amount", "provider_amount")


class ReviewInline(ReadOnlyInline):
    model = Review
    fields = ("reviewer", *Criterion.values, "total", "comment", "updated_at")

    def get_queryset(self, request):
        # The request too: a review's name (shown on its row) says whose it is.
        return super().get_queryset(request).select_related("request", "reviewer")

    @admin.display(description=_("total (out of 20)"))
    def total(self, review):
        return review.total()


class FinalReportInline(ReadOnlyInline, admin.StackedInline):
    model = FinalReport
    fields = ("what_was_done", "lessons", "submitted_by", "submitted_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("request", "submitted_by")


class FollowUpInline(ReadOnlyInline):
    model = FollowUp
    fields = ("months", "change_kinds", "description", "submitted_by", "submitted_at")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("request", "submitted_by")


@admin.register(Request)
class RequestAdmin(ObjectStepsAdmin, TranslatedAdmin):
    list_display = (
        "reference",
        "title",
        "requester",
        "provider",
        "call",
        "activity_type",
        "status",
        "average_score",
        "amount_asked",
        "amount_approved",
    )
    list_filter = ("status", "call", "activity_type", "topic")
    list_select_related = ("requester__member_state", "provider__member_state", "call")
    # Thousands of library items: searched, not listed in a select.
    autocomplete_fields = ("library_items",)
    search_fields = (
        "reference",
        "title",
        "requester__name_en",
        "requester__name_es",
        "provider__name_en",
        "provider__name_es",
    )
    fieldsets = (
        (
            None,
            {"fields": ("reference", "title", "status", "secretariat_steps")},
        ),
        (
            _("Parties"),
            {"fields": ("requester", "provider", "program", "call", "need", "library_items")},
        ),
        (
            _("Activity"),
            {
                "fields": (
                    "topic",
                    "activity_type",
                    "objectives",
                    ("participants_count", "participants_profile"),
                    ("proposed_start", "proposed_end"),
                    "summary",
                )
            },
        ),
        (
            _("Fund"),
            {"fields": ("amount_asked", "amount_approved", "allocation")},
        ),
        (
            _("Carrying out"),
            {"fields": ("carried_out_on", "report_due_on")},
        ),
        (
            _("Record"),
            {"classes": ("collapse",), "fields": ("created_by", "created_at", "updated_at")},
        ),
    )
    inlines = [
        ExpectedResultInline,
        BudgetLineInline,
        ReviewInline,
        FinalReportInline,
        FollowUpInline,
        ActivityLogInline,
    ]
    actions = ["decide", "approve", "close"]
    object_steps = REQUEST_STEPS

    def get_readonly_fields(self, request, obj=None):
        # Everything but the public summary (in each language), which staff
        # may polish before the request is published.
        editable = {"summary", *get_translation_fields("summary")}
        names = [
            name
            for _title, options in self.fieldsets
            for row in options["fields"]
            for name in (row if isinstance(row, tuple) else (row,))
        ]
        return [name for name in names if name not in editable]

    def get_queryset(self, request):
        return super().get_queryset(request).with_amounts().prefetch_related("reviews")

    # Requests come from the ministries through the portal, and stay as the
    # record of the fund's decisions: never added or deleted here.

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return rules.can_review_request(request.user)

    def has_decide_permission(self, request):
        return rules.can_decide_request(request.user)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/score/",
                self.admin_site.admin_view(self.score_view),
                name="cooperation_request_score",
            ),
            *super().get_urls(),
        ]

    # Columns.

    @admin.display(description=_("average score (out of 20)"))
    def average_score(self, proposal):
        average = proposal.average_score()
        return "—" if average is None else number_format(average, 1)

    @admin.display(description=_("asked from the fund (USD)"), ordering="fund_total")
    def amount_asked(self, proposal):
        total = getattr(proposal, "fund_total", None)
        if total is None:
            total = proposal.amount_requested()
        return total

    @admin.display(description=_("Secretariat"))
    def secretariat_steps(self, proposal):
        links = []
        if proposal.status in AWAITING_DECISION:
            links.append(
                (reverse("admin:cooperation_request_score", args=[proposal.pk]), _("Score it"))
            )
        if proposal.call_id:
            links.append(
                (
                    reverse("admin:cooperation_call_ranking", args=[proposal.call_id]),
                    _("Ranking of the call"),
                )
            )
        if proposal.is_public:
            links.append((proposal.get_absolute_url(), _("Public page")))
        if not links:
            return "—"
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    # Scoring.

    def score_view(self, request, object_id):
        """The signed-in reviewer's own scores of one proposal; saving again
        changes them."""
        if not rules.can_review_request(request.user):
            raise PermissionDenied
        proposal = self.get_object(request, unquote(object_id))
        if proposal is None:
            raise Http404
        review = proposal.reviews.filter(reviewer=request.user).first()
        initial = {}
        if review is not None:
            initial = {name: getattr(review, name) for name in Criterion.values}
            initial["comment"] = review.comment
        form = ReviewForm(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_save(request=proposal, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(
                    request, _("Your scores of %(ref)s are saved.") % {"ref": proposal.reference}
                )
                return redirect("admin:cooperation_request_change", proposal.pk)
        return TemplateResponse(
            request,
            "admin/cooperation/request/score.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Score %(ref)s") % {"ref": proposal.reference},
                "opts": self.model._meta,
                "original": proposal,
                "proposal": proposal,
                "results": proposal.results.all(),
                "budget": proposal.budget_totals(),
                "form": form,
                "can_score": proposal.status in AWAITING_DECISION,
            },
        )

    # Actions.

    @admin.action(
        description=_("Decide: selected, waitlisted or rejected (emails both ministries)"),
        permissions=["review"],
    )
    def decide(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=DecisionForm,
            title=_("Decide on proposals"),
            explanation=_(
                "Only scored proposals under review or on the waiting list can be decided. "
                "Both ministries are told the decision and its reasons by email."
            ),
            submit_label=_("Decide"),
            step=lambda proposal, data: services.request_decide(
                request=proposal,
                user=request.user,
                decision=data["decision"],
                reason=data["reason"],
            ),
            done_message=lambda n: (
                ngettext("%(count)d proposal decided.", "%(count)d proposals decided.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=_("Approve and allocate from the fund (selected requests)"),
        permissions=["decide"],
    )
    def approve(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=ApprovalForm,
            title=_("Approve requests"),
            explanation=_(
                "Each selected request is approved and a fund allocation is created for the "
                "amount, within the call's maximum per activity and its envelope."
            ),
            submit_label=_("Approve"),
            step=lambda proposal, data: services.request_approve(
                request=proposal,
                user=request.user,
                amount=data["amount"] or proposal.amount_requested(),
                decided_at=data["decided_at"],
            ),
            done_message=lambda n: (
                ngettext("%(count)d request approved.", "%(count)d requests approved.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=_("Close: final report checked (publishes the results)"),
        permissions=["review"],
    )
    def close(self, request, queryset):
        return ask_then_apply(
            self,
            request,
            queryset,
            form_class=CloseForm,
            title=_("Close requests"),
            explanation=_(
                "Close the requests whose final report you have checked; their results "
                "become public."
            ),
            submit_label=_("Close"),
            step=lambda proposal, data: services.request_close(
                request=proposal, user=request.user, comment=data["comment"]
            ),
            done_message=lambda n: (
                ngettext("%(count)d request closed.", "%(count)d requests closed.", n)
                % {"count": n}
            ),
        )
