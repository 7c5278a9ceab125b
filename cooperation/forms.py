"""Forms of the focal points' cooperation pages. The lifecycle's steps are
services (services.py); these forms only check what a person typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import DocumentValidator
from network.models import Institution
from portfolio.models import Program

from .enums import ActivityType, ChangeKind, NeedStatus
from .models import BudgetLine, Call, ExpectedResult, Need, Request

MAX_EVIDENCE_FILES = 10
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NeedForm(forms.ModelForm):
    support_kinds = forms.MultipleChoiceField(
        label=_("Kinds of support sought"),
        choices=ActivityType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Need
        fields = [
            "topic",
            "title",
            "description",
            "priority",
            "support_kinds",
            "language",
            "is_public",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class ProgramChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} — {obj.owner}"


class RequestForm(forms.ModelForm):
    """A draft request of the user's ministry (``instance.requester``)."""

    class Meta:
        model = Request
        fields = [
            "title",
            "provider",
            "program",
            "call",
            "need",
            "topic",
            "activity_type",
            "objectives",
            "participants_count",
            "participants_profile",
            "proposed_start",
            "proposed_end",
            "summary",
        ]
        field_classes = {"program": ProgramChoiceField}
        widgets = {
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "participants_profile": forms.Textarea(attrs={"rows": 2}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "proposed_start": DATE_INPUT,
            "proposed_end": DATE_INPUT,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        requester = self.instance.requester
        self.fields["provider"].queryset = (
            Institution.objects.ministries()
            .active()
            .exclude(member_state_id=requester.member_state_id)
            .select_related("member_state")
        )
        self.fields["provider"].required = False
        self.fields["provider"].help_text = _("Left empty: the ministry that owns the program.")
        self.fields["program"].queryset = (
            Program.objects.published()
            .exclude(owner__member_state_id=requester.member_state_id)
            .select_related("owner__member_state")
            .defer("search_text", "search_vector")
        )
        # Only an open call takes proposals; a request outside calls is fine.
        self.fields["call"].queryset = Call.objects.open()
        self.fields["need"].queryset = Need.objects.filter(
            institution=requester, status=NeedStatus.OPEN
        )

    def clean(self):
        cleaned_data = super().clean()
        program = cleaned_data.get("program")
        if not cleaned_data.get("provider"):
            if program is None:
                self.add_error("provider", _("Choose the providing ministry or its program."))
            else:
                cleaned_data["provider"] = program.owner
        return cleaned_data


class ExpectedResultForm(forms.ModelForm):
    class Meta:
        model = ExpectedResult
        fields = ["result", "indicator", "baseline", "target"]


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["item", "description", "fund_amount", "requester_amount", "provider_amount"]


ExpectedResultFormSet = forms.inlineformset_factory(
    Request,
    ExpectedResult,
    form=ExpectedResultForm,
    extra=2,
    can_delete=True,
    max_num=20,
    validate_max=True,
)
BudgetLineFormSet = forms.inlineformset_factory(
    Request,
    BudgetLine,
    form=BudgetLineForm,
    extra=2,
    can_delete=True,
    max_num=30,
    validate_max=True,
)


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class CarriedOutForm(forms.Form):
    last_day = forms.DateField(
        label=_("Last day of the activity"),
        # Rendered by hand in the request's page, not by crispy forms.
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several documents at once; each is checked like any other upload."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("validators", [DocumentValidator()])
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(
                _("Send at most %(count)d files at once."), params={"count": MAX_EVIDENCE_FILES}
            )
        return [super(EvidenceField, self).clean(file, initial) for file in files]


class FinalReportForm(forms.Form):
    """What was done, what was learned, the value reached for each expected
    result's indicator, and the evidence."""

    what_was_done = forms.CharField(label=_("What was done"), widget=forms.Textarea)
    lessons = forms.CharField(label=_("Lessons learned"), widget=forms.Textarea)
    evidence = EvidenceField(
        label=_("Evidence"),
        required=False,
        help_text=_("Attendance lists, reports, photographs (PDF, office documents)."),
    )

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.results = results
        for result in results:
            self.fields[f"achieved_{result.pk}"] = forms.CharField(
                label=_("Achieved: %(indicator)s (target: %(target)s)")
                % {"indicator": result.indicator, "target": result.target},
                max_length=100,
            )

    def achieved_fields(self):
        return [self[f"achieved_{result.pk}"] for result in self.results]

    def achieved(self):
        return {result.pk: self.cleaned_data[f"achieved_{result.pk}"] for result in self.results}


class FollowUpForm(forms.Form):
    months = forms.TypedChoiceField(label=_("Follow-up"), coerce=int)
    change_kinds = forms.MultipleChoiceField(
        label=_("What changed in the ministry"),
        choices=ChangeKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea)
    evidence = EvidenceField(label=_("Evidence"), required=False)

    def __init__(self, *args, open_months, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["months"].choices = [
            (months, _("%(months)d months after the activity") % {"months": months})
            for months in open_months
        ]
