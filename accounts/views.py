"""Sign-in (with a second factor for those who have one), invitations, the
personal dashboard and profile, two-factor set-up, personal data."""

import json

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login

from core import sections

from . import services, two_factor
from .forms import ErasureRequestForm, InvitationPasswordForm, LoginForm, ProfileForm, TokenForm

PENDING_LOGIN = "accounts_pending_login"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _start_session(request, user, *, remember, device=None):
    auth_login(request, user, backend=MODEL_BACKEND)
    if device is not None:
        otp_login(request, device)
    # Without "remember me", the session ends with the browser, and after
    # SESSION_COOKIE_AGE seconds without a request in any case.
    request.session.set_expiry(settings.REMEMBER_ME_SECONDS if remember else 0)


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    # A path, not the setting's URL name: it also goes into links in templates.
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def ask_for_second_factor(request, user, *, remember, next_url):
    """Hold the sign-in until the authenticator's code is given."""
    request.session[PENDING_LOGIN] = {"user": user.pk, "remember": remember, "next": next_url}
    return redirect("accounts:login_verify")


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        remember = form.cleaned_data["remember_me"]
        if two_factor.has_confirmed_device(user):
            return ask_for_second_factor(
                self.request, user, remember=remember, next_url=self.get_redirect_url()
            )
        _start_session(self.request, user, remember=remember)
        return redirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever chose a new password from the emailed link owns the address:
        # lift the lock of wrong passwords, as the lockout page promises.
        axes_reset(username=form.user.email)
        return response


def login_verify(request):
    """Second step of sign-in: the code from the authenticator app."""
    pending = request.session.get(PENDING_LOGIN)
    user = (
        get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
        if pending
        else None
    )
    if user is None:
        return redirect("login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            del request.session[PENDING_LOGIN]
            _start_session(request, user, remember=pending["remember"], device=device)
            return redirect(_safe_next(request, pending.get("next")))
        form.add_error("token", _("This code is not valid. Try the current one."))
    return render(request, "accounts/login_verify.html", {"form": form})


def invitation_accept(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationInvalid as error:
        if request.method == "POST" and error.reason == "expired":
            services.invitation_ask_again(invitation=error.invitation)
            messages.success(request, _("The Technical Secretariat will send you a new link."))
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"reason": error.reason, "token": token},
            status=410 if error.reason in ("expired", "revoked", "accepted") else 404,
        )
    form = InvitationPasswordForm(
        get_user_model()(email=invitation.email, full_name=invitation.full_name),
        request.POST or None,
    )
    if request.method == "POST" and form.is_valid():
        user = services.invitation_accept(
            invitation=invitation, password=form.cleaned_data["new_password1"]
        )
        if two_factor.has_confirmed_device(user):
            # A reactivated account keeps its second factor: the link stands
            # for the password only, so the code is asked for as at sign-in.
            return ask_for_second_factor(
                request, user, remember=False, next_url=reverse("accounts:dashboard")
            )
        _start_session(request, user, remember=False)
        messages.success(request, _("Welcome to the RIAL portal."))
        return redirect("accounts:dashboard")
    return render(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


@login_required
@require_safe
def dashboard(request):
    return render(
        request,
        "accounts/dashboard.html",
        {"sections": sections.render_sections(sections.DASHBOARD, request.user)},
    )


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "has_two_factor": two_factor.has_confirmed_device(request.user),
            "open_erasure": request.user.erasure_requests.filter(processed_at__isnull=True).first(),
        },
    )


@login_required
@require_safe
def personal_data(request):
    response = HttpResponse(
        json.dumps(services.personal_data(request.user), indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="rial-personal-data.json"'
    return response


@login_required
def erasure_request(request):
    form = ErasureRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.erasure_request(user=request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("Your request is recorded; the Technical Secretariat will process it.")
        )
        return redirect("accounts:profile")
    return render(request, "accounts/erasure_request.html", {"form": form})


@login_required
def two_factor_setup(request):
    """Add an authenticator app: scan, type a code, keep the recovery codes."""
    if two_factor.has_confirmed_device(request.user):
        return render(
            request,
            "accounts/two_factor_status.html",
            {"required": two_factor.is_required(request.user)},
        )
    device = two_factor.pending_totp_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            codes = two_factor.confirm(device)
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": _safe_next(request, request.GET.get("next"))},
            )
        form.add_error("token", _("This code is not valid. Try the current one."))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": two_factor.qr_svg(device),
            "secret": two_factor.secret_for_humans(device),
            "required": two_factor.is_required(request.user),
        },
    )


@login_required
@require_POST
def recovery_codes_renew(request):
    if not request.user.is_verified():
        return redirect("accounts:two_factor_setup")
    codes = two_factor.renew_recovery_codes(request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": None})


@login_required
@require_POST
def two_factor_disable(request):
    if not request.user.is_verified():
        # Only a session that passed the second factor may remove it (one
        # opened elsewhere before it was turned on has not).
        return redirect("accounts:two_factor_setup")
    if two_factor.is_required(request.user):
        messages.error(request, _("Staff accounts must keep two-factor authentication."))
    else:
        for device in devices_for_user(request.user, confirmed=None):
            device.delete()
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:profile")
