from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from archive import health, registry
from archive.i18n import site_name

# The archive's name in the curator's language, read when the admin renders.
admin.site.site_header = format_lazy("{}: {}", lazy(site_name, str)(), _("catalogue"))
admin.site.site_title = lazy(site_name, str)()
admin.site.index_title = _("Catalogue")

urlpatterns = [
    path("admin/", admin.site.urls),
    # Django's set_language (POST): the cookie only the admin reads (archive/i18n.py).
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", health.healthz, name="healthz"),  # for load balancers and monitoring
    path("api/", include("archive.api.urls")),  # the read-only JSON API
    path("oai/", include("archive.oai.urls")),  # OAI-PMH 2.0 for harvesters
    path("", include("archive.media.urls")),  # media files behind a status check; IIIF
    path("", include("archive.service_urls")),  # robots, sitemaps, feed: one URL, no language
]

# The pages people read, in each of settings.LANGUAGES: English where it always was (every
# permalink keeps working), /az/… and /ru/… for the others. The URL alone names the language.
urlpatterns += i18n_patterns(
    # Each app registers the public URLs it serves (archive names none of them).
    *(path(prefix, include(urlconf)) for prefix, urlconf in registry.routes()),
    path("search/", include("archive.search.urls")),
    path("", include("archive.site_urls")),
    prefix_default_language=False,
)

# A friendly 500 page that needs no database (a 503 when it is the database that is down);
# the 404 page is templates/404.html.
handler500 = "archive.middleware.server_error"
