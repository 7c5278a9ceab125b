from django.urls import path, register_converter

from . import views
from .converters import IsoCodeConverter

register_converter(IsoCodeConverter, "iso")

app_name = "network"

urlpatterns = [
    path("member-states/", views.member_state_list, name="member_state_list"),
    path("member-states/<iso:iso_code>/", views.member_state_detail, name="member_state_detail"),
    path("institutions/<slug:slug>/", views.institution_detail, name="institution_detail"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("about/", views.about, name="about"),
]
