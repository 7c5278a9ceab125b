"""Registration routes, included by meetings/urls.py under the meetings namespace."""

from django.urls import path

from . import registration_views as views

urlpatterns = [
    path("delegation/", views.delegation, name="delegation"),
    path("delegation/<int:pk>/decide/", views.delegation_decide, name="delegation_decide"),
    # Before the token's route, which would take "new-link" for a token.
    path(
        "registration/new-link/",
        views.registration_link_request,
        name="registration_link_request",
    ),
    path("registration/<str:token>/", views.registration_manage, name="registration_manage"),
    path(
        "registration/<str:token>/confirm/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "registration/<str:token>/letter.pdf",
        views.participation_letter,
        name="participation_letter",
    ),
    path(
        "registration/<str:token>/calendar.ics",
        views.registration_calendar,
        name="registration_calendar",
    ),
    path(
        "registration/<str:token>/slides/",
        views.registration_slides,
        name="registration_slides",
    ),
    path(
        "registration/<str:token>/certificate.pdf",
        views.certificate_download,
        name="certificate_download",
    ),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/register/sent/", views.registration_sent, name="registration_sent"),
    path(
        "<slug:slug>/register/delegation/",
        views.delegation_register,
        name="delegation_register",
    ),
]
