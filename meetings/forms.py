from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.forms import InstitutionChoiceField
from network.models import Institution, MemberState

from .models import Registration, normalize_certificate_code

PERSON_FIELDS = ["full_name", "job_title", "role", "email", "phone", "language"]
NEEDS_FIELDS = [
    "needs_visa_letter",
    "requests_travel_funding",
    "accessibility_needs",
    "dietary_needs",
    "listed_consent",
]


class RegistrationForm(forms.ModelForm):
    """A delegate registers themselves."""

    class Meta:
        model = Registration
        fields = [
            *PERSON_FIELDS[:2],
            "institution",
            "organization",
            "member_state",
            *PERSON_FIELDS[2:],
            *NEEDS_FIELDS,
        ]
        field_classes = {"institution": InstitutionChoiceField}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        # The model leaves it blank only for imported historical participants.
        self.fields["email"].required = True
        self.fields["institution"].queryset = Institution.objects.filter(
            is_active=True
        ).select_related("member_state")
        self.fields["member_state"].queryset = MemberState.objects.all()
        # With htmx, choosing an institution shows its places left at once;
        # without, the page shows them once the form comes back.
        self.fields["institution"].widget.attrs.update(
            {
                "hx-get": reverse("meetings:register", args=[meeting.slug]),
                "hx-trigger": "change",
                "hx-target": "#registration-places",
                "hx-select": "#registration-places",
                "hx-swap": "outerHTML",
            }
        )
        self.fields["listed_consent"].help_text = {
            "hidden": _("This meeting does not publish a list of participants."),
            "consenting": _("Only participants who agree appear in the published list."),
            "all": _("This meeting publishes the names of all its participants."),
        }[meeting.participant_list]

    def chosen_institution(self):
        """The institution picked so far (posted, or given as initial), or None
        when none is, or the value is not one of the choices."""
        value = self["institution"].value()
        try:
            return self.fields["institution"].clean(value)
        except forms.ValidationError:
            return None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("institution") and not cleaned.get("organization"):
            self.add_error(
                "institution", _("Choose your institution, or type its name under Organization.")
            )
        email = cleaned.get("email")
        if email and self.meeting.registrations.filter(email__iexact=email).exists():
            self.add_error(
                "email",
                _(
                    "This address is registered for this meeting already. Use the link in "
                    "the email we sent to see or change that registration."
                ),
            )
        return cleaned


class DelegateForm(forms.ModelForm):
    """One member of a delegation, as its focal point enters it."""

    class Meta:
        model = Registration
        fields = [*PERSON_FIELDS, "needs_visa_letter", "requests_travel_funding", "listed_consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model leaves it blank only for imported historical participants.
        self.fields["email"].required = True


class BaseDelegationFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, meeting, **kwargs):
        kwargs.setdefault("queryset", Registration.objects.none())
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            email = (form.cleaned_data or {}).get("email")
            if not email:
                continue
            if email.lower() in seen:
                form.add_error("email", _("This address appears twice in the delegation."))
            elif self.meeting.registrations.filter(email__iexact=email).exists():
                form.add_error("email", _("This address is registered for this meeting already."))
            seen.add(email.lower())


DelegationFormSet = forms.modelformset_factory(
    Registration,
    form=DelegateForm,
    formset=BaseDelegationFormSet,
    extra=3,
    max_num=30,
    validate_max=True,
)


class DeclineForm(forms.Form):
    note = forms.CharField(label=_("Reason (sent to the person)"), max_length=300, required=False)


class RegistrationLinkForm(forms.Form):
    """A registrant asks for a new link to their registrations."""

    email = forms.EmailField(
        label=_("The email address you registered with"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CertificateCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        # Room for spaces and dashes around the twelve characters.
        max_length=40,
        help_text=_("As printed at the foot of the certificate, such as 7KQ2-M9XD-4HTP."),
    )

    def clean_code(self):
        code = normalize_certificate_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("A verification code has twelve letters and digits, such as 7KQ2-M9XD-4HTP.")
            )
        return code
