from django.urls import path

from . import feeds, views

app_name = "library"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("feed/rss/", feeds.LibraryRssFeed(), name="item_feed_rss"),
    path("feed/atom/", feeds.LibraryAtomFeed(), name="item_feed_atom"),
    path("mine/", views.my_items, name="my_items"),
    path("new/", views.item_create, name="item_create"),
    path("<slug:slug>/", views.item_detail, name="item_detail"),
    path("<slug:slug>/edit/", views.item_edit, name="item_edit"),
    path("<slug:slug>/submit/", views.item_submit, name="item_submit"),
    path("<slug:slug>/files/new/", views.file_add, name="file_add"),
    path("<slug:slug>/cite.bib", views.item_bibtex, name="item_bibtex"),
    path("<slug:slug>/files/<str:language>/", views.file_download, name="file_download"),
    path("<slug:slug>/files/<str:language>/remove/", views.file_remove, name="file_remove"),
]
