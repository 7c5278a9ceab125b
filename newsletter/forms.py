from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.translated_text import CONTENT_CODES, TranslatedTextFormMixin, localized_label
from network.models import Topic

from .models import NewsItem


class NewsForm(TranslatedTextFormMixin, forms.ModelForm):
    """A news item as its ministry writes it: the title and text are required
    in the item's own language only, and may be given in the others
    (TranslatedTextFormMixin)."""

    # Django 6 assumes https for scheme-less addresses; say so now.
    link = forms.URLField(label=_("Link"), required=False, assume_scheme="https")

    class Meta:
        model = NewsItem
        fields = [
            "language",
            *(f"{name}_{code}" for name in ("title", "text") for code in CONTENT_CODES),
            "topic",
            "link",
            "image",
            "image_description",
        ]
        widgets = {f"text_{code}": forms.Textarea(attrs={"rows": 8}) for code in CONTENT_CODES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "text"):
            label = NewsItem._meta.get_field(name).verbose_name
            for code in CONTENT_CODES:
                self.fields[f"{name}_{code}"].label = localized_label(label, code)

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if image and getattr(image, "size", 0) > settings.RIAL_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The image is too large."))
        return image


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.CONTENT_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        initial=["es"],
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics (none: all of them)"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ProfileSubscriptionForm(SubscribeForm):
    subscribed = forms.BooleanField(label=_("Send me the newsletter"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["email"]
        self.fields["languages"].required = False


class IssueScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Interpolated here, not at import: the help text is in the reader's language.
        self.fields["when"].help_text = gettext("In the portal's time zone (%(zone)s).") % {
            "zone": settings.TIME_ZONE
        }


class IssueTestForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.CONTENT_LANGUAGES)
