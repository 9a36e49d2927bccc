from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from archive import registry

admin.site.site_header = f"{settings.SITE_NAME}: catalogue"
admin.site.site_title = settings.SITE_NAME
admin.site.index_title = "Catalogue"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Each app registers the public URLs it serves (archive names none of them).
    *(path(prefix, include(urlconf)) for prefix, urlconf in registry.routes()),
    path("search/", include("archive.search.urls")),
    path("", include("archive.media.urls")),  # media files behind a status check; IIIF
    path("", include("archive.site_urls")),
]

# A friendly 500 page that needs no database; the 404 page is templates/404.html.
handler500 = "archive.views.server_error"
