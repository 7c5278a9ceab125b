from django.contrib import admin
from django.urls import include, path

from .views import favicon, health, health_live, health_ready, home, metrics, switch_language

urlpatterns = [
    path("", home, name="home"),
    path("", include("network.urls")),
    path("programs/", include("portfolio.urls")),
    path("fund/", include("fund.urls")),
    path("meetings/", include("meetings.urls")),
    path("cooperation/", include("cooperation.urls")),
    path("library/", include("library.urls")),
    path("forum/", include("forum.urls")),
    path("evaluations/", include("evaluations.urls")),
    path("", include("newsletter.urls")),
    path("search/", include("search.urls")),
    path("data/", include("opendata.urls")),
    path("accounts/", include("accounts.auth_urls")),
    path("accounts/", include("accounts.urls")),
    path("i18n/switch/", switch_language, name="switch_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("api.urls")),
    path("health/", health, name="health"),
    path("health/live/", health_live, name="health_live"),
    path("health/ready/", health_ready, name="health_ready"),
    path("metrics/", metrics, name="metrics"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
]
