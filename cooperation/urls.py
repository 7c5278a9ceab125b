from django.urls import include, path

from . import views

app_name = "cooperation"

urlpatterns = [
    path("", include("cooperation.public_urls")),
    path("mine/", views.my_cooperation, name="my_cooperation"),
    path("needs/", views.need_list, name="need_list"),
    path("needs/new/", views.need_create, name="need_create"),
    path("needs/<int:pk>/", views.need_detail, name="need_detail"),
    path("needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("needs/<int:pk>/withdraw/", views.need_withdraw, name="need_withdraw"),
    path("programs/<slug:slug>/needs/", views.program_needs, name="program_needs"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<str:reference>/", views.request_detail, name="request_detail"),
    path("requests/<str:reference>/edit/", views.request_edit, name="request_edit"),
    path("requests/<str:reference>/submit/", views.request_submit, name="request_submit"),
    path("requests/<str:reference>/withdraw/", views.request_withdraw, name="request_withdraw"),
    path("requests/<str:reference>/accept/", views.request_accept, name="request_accept"),
    path("requests/<str:reference>/decline/", views.request_decline, name="request_decline"),
    path(
        "requests/<str:reference>/carried-out/",
        views.request_carried_out,
        name="request_carried_out",
    ),
    path("requests/<str:reference>/report/", views.request_report, name="request_report"),
    path("requests/<str:reference>/follow-up/", views.request_follow_up, name="request_follow_up"),
    path(
        "requests/<str:reference>/evidence/<int:pk>/",
        views.evidence_download,
        name="evidence_download",
    ),
]
