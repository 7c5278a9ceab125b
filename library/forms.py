from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translated_text import TranslatedTextFormMixin
from network.models import Topic

from .models import LibraryFile, LibraryItem

# What a focal point describes; the context (working group, meeting, related
# programs, member states) and the authors are the Secretariat's to add in
# the admin when it reviews the item.
PROPOSAL_FIELDS = [
    "language",
    *(f"title_{code}" for code, _name in settings.CONTENT_LANGUAGES),
    *(f"abstract_{code}" for code, _name in settings.CONTENT_LANGUAGES),
    "kind",
    "published_on",
    "date_precision",
    "identifier",
    "url",
    "licence",
]


def _formfield(field, **kwargs):
    # Addresses typed without a scheme are read as https, as in the admin.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ItemForm(TranslatedTextFormMixin, forms.ModelForm):
    """A publication as a focal point proposes it. It never saves by itself:
    ``fields()`` and ``topics()`` give what the services apply. The title is
    required in the item's own language only (TranslatedTextFormMixin)."""

    topic_choices = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = LibraryItem
        fields = PROPOSAL_FIELDS
        formfield_callback = _formfield
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{
                f"abstract_{code}": forms.Textarea(attrs={"rows": 4})
                for code, _name in settings.CONTENT_LANGUAGES
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["topic_choices"] = list(self.instance.topics.all())

    def item_fields(self):
        return {name: self.cleaned_data[name] for name in PROPOSAL_FIELDS}

    def topics(self):
        return list(self.cleaned_data["topic_choices"])


class FileForm(forms.ModelForm):
    """One language version: its type, size and readability are checked as
    the model's field says (core/uploads.py), before anything is kept."""

    class Meta:
        model = LibraryFile
        fields = ["language", "file"]
