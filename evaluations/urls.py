from django.urls import path

from . import views

app_name = "evaluations"

urlpatterns = [
    path("answer/<str:token>/", views.answer, name="answer"),
]
