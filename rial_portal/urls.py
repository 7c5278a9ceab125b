from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from network.views import home

from .views import health

admin.site.site_header = "RIAL — Technical Secretariat"
admin.site.site_title = "RIAL admin"
admin.site.index_title = "Inter-American Network for Labor Administration"

urlpatterns = [
    path("", home, name="home"),
    path("", include("network.urls")),
    path("programs/", include("portfolio.urls")),
    path("fund/", include("fund.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
