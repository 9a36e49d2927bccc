"""/api/: a list and a detail per registered kind (`/api/<key>/`, `/api/<key>/<slug>/`), the
OpenAPI 3 schema and its browsable page (Swagger UI, served from drf-spectacular-sidecar)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from archive import registry

from .http import public
from .views import AnonymousThrottle, views_for

app_name = "api"


class SchemaView(SpectacularAPIView):
    authentication_classes = []
    throttle_classes = [AnonymousThrottle]


class DocsView(SpectacularSwaggerSplitView):
    authentication_classes = []
    throttle_classes = [AnonymousThrottle]
    url_name = "api:schema"


def kind_patterns() -> list:
    patterns = []
    for kind in registry.kinds():
        list_view, detail_view = views_for(kind)
        patterns += [
            path(f"{kind.key}/", public(list_view.as_view()), name=f"{kind.key}-list"),
            path(
                f"{kind.key}/<str:slug>/",
                public(detail_view.as_view()),
                name=f"{kind.key}-detail",
            ),
        ]
    return patterns


urlpatterns = [
    path("schema/", public(SchemaView.as_view()), name="schema"),
    path("docs/", public(DocsView.as_view()), name="docs"),
    *kind_patterns(),
]
