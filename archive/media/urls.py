from django.urls import path, re_path

from archive.activity import views as activity

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
    # Change discovery (archive/activity/): IIIF Change Discovery 1.0, and the same for records.
    *(
        route
        for prefix, name in (("iiif/discovery/", "iiif_discovery"), ("activity/", "activity"))
        for route in (
            path(prefix, activity.collection, {"stream": name}, name=name),
            path(f"{prefix}page/", activity.page, {"stream": name}, name=f"{name}_page"),
        )
    ),
]
