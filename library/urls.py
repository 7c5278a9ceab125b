from django.urls import path

from . import feeds, views

app_name = "library"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("feed/rss/", feeds.LibraryRssFeed(), name="item_feed_rss"),
    path("feed/atom/", feeds.LibraryAtomFeed(), name="item_feed_atom"),
    path("<slug:slug>/", views.item_detail, name="item_detail"),
    path("<slug:slug>/cite.bib", views.item_bibtex, name="item_bibtex"),
    path("<slug:slug>/files/<str:language>/", views.file_download, name="file_download"),
]
