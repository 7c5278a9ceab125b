from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.utils.translation import gettext_lazy as _

from core.mail import email_enqueue
from network.enums import Notice


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )
    remember_me = forms.BooleanField(
        label=_("Keep me signed in on this computer"),
        required=False,
        help_text=_("Leave unticked on a shared computer."),
    )

    def clean_username(self):
        # django-axes counts failures per user name as typed: "Ana@…" and
        # "ana@…" must count as one, or each spelling gets its own attempts.
        return get_user_model().objects.normalize_email(self.cleaned_data["username"])


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("The 6 digits your authenticator app shows, or one of your recovery codes."),
    )


class InvitationPasswordForm(SetPasswordForm):
    """Choose a password, checked by the site's password validators."""


class ProfileForm(forms.ModelForm):
    notices = forms.MultipleChoiceField(
        label=_("Send me these emails"),
        choices=Notice.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = get_user_model()
        fields = ["full_name", "job_title", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notices"].initial = [
            notice for notice in Notice.values if notice not in self.instance.muted_notices
        ]

    def save(self, commit=True):
        wanted = set(self.cleaned_data["notices"])
        self.instance.muted_notices = [notice for notice in Notice.values if notice not in wanted]
        return super().save(commit=commit)


class ErasureRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Anything the Secretariat should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be closed and my name removed."),
    )


class PasswordResetForm(DjangoPasswordResetForm):
    """Django's reset form (which says nothing about whether an address has an
    account), sending through the portal's mail: once, by Celery, after commit."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        user = context["user"]
        email_enqueue(
            key=f"password-reset:{user.pk}:{context['token']}",
            to=to_email,
            template="registration/password_reset",
            context=context,
            language=user.language,
        )
