from django.urls import path, re_path

from . import views
from .specs import FORMATS, SIZES

app_name = "media_files"

_sizes = "|".join(size.name for size in SIZES)
_formats = "|".join(FORMATS)

urlpatterns = [
    path("media-files/<slug:slug>/original", views.original, name="original"),
    re_path(
        rf"^media-files/(?P<slug>[-a-zA-Z0-9_]+)/(?P<name>{_sizes})\.(?P<fmt>{_formats})$",
        views.derivative,
        name="derivative",
    ),
    path("iiif/<slug:kind>/<slug:slug>/manifest.json", views.manifest, name="iiif_manifest"),
]
