"""The one admin site, for staff who signed in with a second factor."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _


class RialAdminSite(admin.AdminSite):
    site_header = _("RIAL — Technical Secretariat")
    site_title = _("RIAL admin")
    index_title = _("Inter-American Network for Labor Administration")
    index_template = "admin/rial_index.html"

    def has_permission(self, request):
        # Staff work only with a verified second factor (TOTP or a recovery code).
        user = request.user
        return user.is_active and user.is_staff and user.is_verified()

    def login(self, request, extra_context=None):
        """One sign-in page for everybody: the portal's, which asks staff for
        their second factor, or sends them to set one up."""
        user = request.user
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        query = urlencode({REDIRECT_FIELD_NAME: next_url})
        if user.is_authenticated and user.is_active and user.is_staff and not user.is_verified():
            # Imported here: this module loads before the apps' models exist.
            from accounts import two_factor
            from accounts.views import ask_for_second_factor

            if two_factor.has_confirmed_device(user):
                # A session opened without the code (before the device was
                # set up elsewhere): ask for it, as at sign-in.
                return ask_for_second_factor(
                    request,
                    user,
                    remember=not request.session.get_expire_at_browser_close(),
                    next_url=next_url,
                )
            return redirect(f"{reverse('accounts:two_factor_setup')}?{query}")
        if user.is_authenticated and not user.is_staff:
            # Signed in but not staff: the sign-in page would send them straight
            # back here (it redirects people who are signed in), in a loop.
            raise PermissionDenied
        return redirect(f"{reverse('login')}?{query}")

    def index(self, request, extra_context=None):
        # Imported here: this module loads while the app registry is being
        # set up, before the models the dashboard reads exist.
        from .staff_dashboard import dashboard_context

        return super().index(request, {**dashboard_context(request), **(extra_context or {})})
