from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("login/verify/", views.login_verify, name="login_verify"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("profile/data.json", views.personal_data, name="personal_data"),
    path("profile/erasure/", views.erasure_request, name="erasure_request"),
    path("two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", views.recovery_codes_renew, name="recovery_codes_renew"),
    path("two-factor/disable/", views.two_factor_disable, name="two_factor_disable"),
]
