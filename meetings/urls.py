from django.urls import include, path

from . import attendance_views, views

app_name = "meetings"

# Fixed paths come before "<slug:slug>/", which would take them otherwise.
urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("timeline/", views.meeting_timeline, name="meeting_timeline"),
    path("calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("documents/", views.document_list, name="document_list"),
    path("documents/<int:pk>/<str:lang>/", views.document_download, name="document_download"),
    path("certificates/verify/", views.certificate_verify, name="certificate_verify"),
    # Registering, confirming, cancelling; the focal point's delegation.
    path("", include("meetings.registration_urls")),
    path("<slug:slug>/", views.meeting_detail, name="meeting_detail"),
    path("<slug:slug>/calendar.ics", views.meeting_calendar, name="meeting_calendar"),
    path("<slug:slug>/check-in/", attendance_views.check_in_page, name="check_in"),
    path(
        "<slug:slug>/attendance/import/",
        attendance_views.attendance_import_page,
        name="attendance_import",
    ),
    path("<slug:slug>/slides/", views.meeting_slides, name="meeting_slides"),
    path(
        "<slug:slug>/national-report/",
        views.national_report_upload,
        name="national_report_upload",
    ),
    path(
        "<slug:slug>/national-reports/",
        views.national_reports_status,
        name="national_reports_status",
    ),
    path(
        "<slug:slug>/national-reports/<int:pk>/",
        views.national_report_download,
        name="national_report_download",
    ),
]
