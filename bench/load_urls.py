"""The portal's URLs plus one trivial view, for bench/load.py only: the
trivial view answers through the same middleware without touching the
database or a template, which is the framework's ceiling on the machine."""

from django.http import HttpResponse
from django.urls import path

from rial_portal.urls import urlpatterns as portal_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *portal_urlpatterns]
