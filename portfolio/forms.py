from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.translated_text import TranslatedTextFormMixin
from network.models import Topic

from .enums import OfferKind
from .models import CONTENT_SCALAR_FIELDS, Program, ProgramAttachment, TargetGroup


def documentation_languages_field():
    """The languages a program's documentation exists in (a JSON list of
    codes), ticked among the content languages."""
    return forms.MultipleChoiceField(
        label=_("Documentation available in"),
        choices=settings.CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ProgramForm(TranslatedTextFormMixin, forms.ModelForm):
    """The program's content as a focal point edits it. It never saves by
    itself: ``content()`` gives the data that a service applies to the program
    (or keeps in a revision, for a published program). The title and summary
    are required in the program's own language only (TranslatedTextFormMixin)."""

    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    offer_kinds = forms.MultipleChoiceField(
        label=_("What the ministry can offer to its peers"),
        choices=OfferKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    documentation_languages = documentation_languages_field()

    class Meta:
        model = Program
        fields = [
            name for name in CONTENT_SCALAR_FIELDS if name not in ("documentation_languages",)
        ]
        widgets = {
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "target_population": forms.Textarea(attrs={"rows": 2}),
            "main_activities": forms.Textarea(attrs={"rows": 3}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "offer_details": forms.Textarea(attrs={"rows": 2}),
            "links": forms.Textarea(attrs={"rows": 2}),
            **{
                f"summary_{code}": forms.Textarea(attrs={"rows": 3})
                for code, _name in settings.CONTENT_LANGUAGES
            },
        }

    def __init__(self, *args, content=None, **kwargs):
        super().__init__(*args, **kwargs)
        if content is not None and not self.is_bound:
            self.initial.update(content)

    def clean_start_year(self):
        year = self.cleaned_data["start_year"]
        if year > timezone.localdate().year:
            raise ValidationError(_("The start year cannot be in the future."))
        return year

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(line)s” is not a web address (https://…)."), params={"line": line[:100]}
                ) from None
        return "\n".join(lines)

    def content(self):
        data = {name: self.cleaned_data[name] for name in CONTENT_SCALAR_FIELDS}
        data["topics"] = sorted(topic.pk for topic in self.cleaned_data["topics"])
        data["target_groups"] = sorted(group.pk for group in self.cleaned_data["target_groups"])
        data["offer_kinds"] = sorted(self.cleaned_data["offer_kinds"])
        return data


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=250)
    value = forms.CharField(label=_("Value"), max_length=100)
    year = forms.IntegerField(label=_("Year"), min_value=1900, required=False)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year and year > timezone.localdate().year:
            raise ValidationError(_("The year cannot be in the future."))
        return year


class BaseIndicatorFormSet(forms.BaseFormSet):
    def indicators(self):
        return [
            {
                "name": form.cleaned_data["name"],
                "value": form.cleaned_data["value"],
                "year": form.cleaned_data.get("year"),
            }
            for form in self.forms
            if form.has_changed() and not self._should_delete_form(form)
        ]


IndicatorFormSet = forms.formset_factory(
    IndicatorForm, formset=BaseIndicatorFormSet, extra=2, can_delete=True, max_num=30
)


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = ProgramAttachment
        fields = ["title", "file", "language"]
