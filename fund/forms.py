import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import BudgetLine, ContributionKind


class PeriodForm(forms.Form):
    """The statement's period: a year, or everything since the start."""

    year = forms.TypedChoiceField(
        label=_("Period"),
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, first_year=None, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        first_year = first_year or this_year
        self.fields["year"].choices = [("", _("Since the start"))] + [
            (year, str(year)) for year in range(this_year, first_year - 1, -1)
        ]

    def period(self):
        """(start, end) dates; (None, None) for since the start."""
        year = self.cleaned_data.get("year") if self.is_valid() else None
        if year is None:
            return None, None
        end = min(datetime.date(year, 12, 31), timezone.localdate())
        return datetime.date(year, 1, 1), end


class StatementLineForm(forms.Form):
    """Which line of the statement to show the records of: a contributor's
    contributions of one kind, or a budget line's expenses."""

    kind = forms.ChoiceField(choices=ContributionKind.choices, required=False)
    contributor = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    line = forms.ChoiceField(choices=BudgetLine.choices, required=False)

    def clean(self):
        cleaned_data = super().clean()
        contribution = cleaned_data.get("kind") and cleaned_data.get("contributor")
        if bool(contribution) == bool(cleaned_data.get("line")):
            raise forms.ValidationError(_("Choose a contributor's line or a budget line."))
        return cleaned_data
