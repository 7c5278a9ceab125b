from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("datapackage.json", views.datapackage, name="datapackage"),
    path("catalog.jsonld", views.catalog, name="catalog"),
    path("<slug:slug>.<str:fmt>", views.dataset_file, name="dataset_file"),
    path("<slug:slug>/schema.json", views.dataset_schema, name="dataset_schema"),
]
