"""The public pages: activities, statistics, calls for proposals. Included by
urls.py, whose other paths are the ministries' (needs, requests)."""

from django.urls import path

from . import public_views

urlpatterns = [
    path("", public_views.activity_list, name="activity_list"),
    path("statistics/", public_views.stats, name="statistics"),
    path("calls/", public_views.call_list, name="call_list"),
    path("calls/<slug:slug>/", public_views.call_detail, name="call_detail"),
    path(
        "calls/<slug:slug>/documents/<int:pk>/",
        public_views.call_document,
        name="call_document",
    ),
]
