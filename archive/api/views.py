"""The API's views: one list and one detail per registered kind, built from the registry.

Published records only, to everyone (the API reads no session: staff preview drafts on the
site, not here); an old slug answers 301 with the record's current API address.
"""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from archive.models import SlugRedirect

from . import records
from .filtering import KindFilterBackend
from .pagination import SORT_PARAM, KindCursorPagination, sort_values, sorted_by
from .serializers import RecordSerializer, RecordSummarySerializer


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous clients get `API_ANON_RATE` requests ("60/minute"), read when asked so that a
    deployment (or a test) can change it."""

    def get_rate(self):
        return settings.API_ANON_RATE


ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="A filter value was refused."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="No such published record or page."),
    429: OpenApiResponse(OpenApiTypes.OBJECT, description="Too many requests: wait and retry."),
}


LANG_PARAM = "lang"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def requested_language(request) -> str | None:
    """The language `?lang=` names, if it is one of the archive's; None if absent or not."""
    code = request.GET.get(LANG_PARAM)
    return code if code in LANGUAGES else None


class KindView(generics.GenericAPIView):
    """The texts are in the language `?lang=` names (English without it), with the one fallback
    order of every page (`archive.translations`); the URL alone names it, as on the site."""

    kind = None  # set per kind by `views_for()`
    authentication_classes = []  # the public API: the same answers for everyone
    permission_classes = []
    throttle_classes = [AnonymousThrottle]

    def dispatch(self, request, *args, **kwargs):
        # The whole answer, its rendering included, in the language asked for.
        language = requested_language(request) or settings.LANGUAGE_CODE
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response["Content-Language"] = language
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if LANG_PARAM in request.query_params and requested_language(request) is None:
            raise ValidationError(
                {LANG_PARAM: [f"Not a language of the archive: use one of {', '.join(LANGUAGES)}."]}
            )

    def get_queryset(self):
        return records.described(self.kind.model._default_manager.all(), self.kind)


class RecordList(KindView, generics.ListAPIView):
    serializer_class = RecordSummarySerializer
    filter_backends = [KindFilterBackend]
    pagination_class = KindCursorPagination
    api_ordering = ("pk",)

    @property
    def filterset_class(self):
        return self.kind.filterset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        requested = self.request.query_params.get(SORT_PARAM, "")
        queryset, self.api_ordering = sorted_by(queryset, self.kind.filterset, requested)
        return queryset

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        data = [records.summary(record, self.kind, request) for record in page]
        return self.get_paginated_response(self.get_serializer(data, many=True).data)


class RecordDetail(KindView, generics.RetrieveAPIView):
    serializer_class = RecordSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return records.with_evidence(super().get_queryset())

    def retrieve(self, request, *args, **kwargs):
        try:
            record = self.get_object()
        except Http404:
            return self.moved(kwargs["slug"])
        return Response(self.get_serializer(records.document(record, self.kind, request)).data)

    def moved(self, slug: str):
        """An old slug of a published record: 301 to its current address."""
        target = SlugRedirect.target_for(self.kind.model, slug)
        if target is None or not target.is_published:
            raise Http404("No published record has this slug.")
        return HttpResponsePermanentRedirect(records.api_url(target, self.request, self.kind))


LANGUAGE = OpenApiParameter(
    LANG_PARAM,
    str,
    enum=LANGUAGES,
    description=(
        "The language of the archive's own texts and of the words it writes (dates, labels); "
        "a text missing in it falls back to English, then to any language. Default: English."
    ),
)


def views_for(kind) -> tuple:
    """The list and detail views of one kind, described for the OpenAPI schema."""
    tag = kind.plural
    sort = OpenApiParameter(
        SORT_PARAM,
        str,
        enum=sort_values(kind.filterset) or None,
        description="Sort order: a browse page choice, `-` for descending.",
    )
    listing = extend_schema(
        operation_id=f"{kind.key}_list",
        tags=[tag],
        summary=f"Published {kind.plural.lower()}",
        parameters=[sort, LANGUAGE] if kind.filterset else [LANGUAGE],
        responses={200: RecordSummarySerializer(many=True), **ERRORS},
    )
    detail = extend_schema(
        operation_id=f"{kind.key}_retrieve",
        tags=[tag],
        summary=f"A published {kind.label.lower()}",
        parameters=[LANGUAGE],
        responses={200: RecordSerializer, 301: OpenApiResponse(description="Renamed."), **ERRORS},
    )
    list_view = type(f"{kind.model.__name__}List", (RecordList,), {"kind": kind})
    detail_view = type(f"{kind.model.__name__}Detail", (RecordDetail,), {"kind": kind})
    return extend_schema_view(get=listing)(list_view), extend_schema_view(get=detail)(detail_view)
