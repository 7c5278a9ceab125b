from django.contrib import admin
from django.urls import path

from . import views

app_name = "fund"

urlpatterns = [
    path("", views.statement, name="statement"),
    path("statement.<str:fmt>", views.statement_export, name="statement_export"),
    path("records/", views.statement_line, name="statement_line"),
    path("dashboard/", admin.site.admin_view(views.dashboard), name="dashboard"),
    path(
        "expenses/<int:pk>/document/",
        admin.site.admin_view(views.expense_document),
        name="expense_document",
    ),
]
