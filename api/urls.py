"""/api/v1/: the read-only API, its OpenAPI schema and its documentation."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"


class Router(DefaultRouter):
    # One address per resource: no ".json" twins (?format=json does the same).
    include_format_suffixes = False


router = Router()
router.register("programs", views.ProgramViewSet, basename="program")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("library", views.LibraryItemViewSet, basename="library-item")
router.register(
    "cooperation/activities", views.CooperationActivityViewSet, basename="cooperation-activity"
)
router.register("member-states", views.MemberStateViewSet, basename="member-state")
router.register("topics", views.TopicViewSet, basename="topic")

urlpatterns = [
    path("fund/statement/", views.FundStatementView.as_view(), name="fund-statement"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
    # Last: whatever else ends in a slash (without one, Django first redirects
    # to the address with it).
    re_path(r"^[\s\S]*/$", views.NotFoundView.as_view()),
]
