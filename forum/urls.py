from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.space_list, name="space_list"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/report/", views.post_report, name="post_report"),
    path(
        "posts/<int:pk>/files/<int:number>/", views.attachment_download, name="attachment_download"
    ),
    path("unfollow/<str:token>/", views.unfollow, name="unfollow"),
    path("ask/", views.thread_ask, name="thread_ask"),
    path("<slug:slug>/", views.space_detail, name="space_detail"),
    path("<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("<slug:slug>/follow/", views.space_follow, name="space_follow"),
    path("<slug:slug>/<int:pk>/", views.thread_detail, name="thread_detail"),
    path("<slug:slug>/<int:pk>/reply/", views.thread_reply, name="thread_reply"),
    path("<slug:slug>/<int:pk>/follow/", views.thread_follow, name="thread_follow"),
]
