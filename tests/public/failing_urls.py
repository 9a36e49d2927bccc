"""URLs for the 500-page test: the site's own, plus a view that fails."""

from django.urls import path

from archive.urls import handler500
from archive.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a failure for the 500 page test")


urlpatterns = [path("fail/", fail), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
