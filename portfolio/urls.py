from django.urls import path

from . import feeds, views

app_name = "portfolio"

urlpatterns = [
    path("", views.program_list, name="program_list"),
    path("export.<str:fmt>", views.program_export, name="program_export"),
    path("feed/rss/", feeds.ProgramRssFeed(), name="program_feed_rss"),
    path("feed/atom/", feeds.ProgramAtomFeed(), name="program_feed_atom"),
    path("mine/", views.my_programs, name="my_programs"),
    path("new/", views.program_create, name="program_create"),
    path("<slug:slug>/", views.program_detail, name="program_detail"),
    path("<slug:slug>/edit/", views.program_edit, name="program_edit"),
    path("<slug:slug>/submit/", views.program_submit, name="program_submit"),
    path("<slug:slug>/confirm/", views.program_confirm, name="program_confirm"),
    path("<slug:slug>/archive/", views.program_archive, name="program_archive"),
    path("<slug:slug>/revision/withdraw/", views.revision_withdraw, name="revision_withdraw"),
    path("<slug:slug>/attachments/new/", views.attachment_add, name="attachment_add"),
    path(
        "<slug:slug>/attachments/<int:pk>/", views.attachment_download, name="attachment_download"
    ),
    path(
        "<slug:slug>/attachments/<int:pk>/remove/",
        views.attachment_remove,
        name="attachment_remove",
    ),
]
