from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("<slug:slug>/", views.item_detail, name="item_detail"),
    path("<slug:slug>/cite.bib", views.item_bibtex, name="item_bibtex"),
    path("<slug:slug>/files/<str:language>/", views.file_download, name="file_download"),
]
