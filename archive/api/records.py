"""The documents the API answers with, built from the record's one description and the rows
prefetched for it (no query per record or per related row)."""

from django.db.models import Prefetch
from django.urls import reverse

from archive import registry
from archive.models import Claim, Status


def detail_url_name(kind) -> str:
    return f"api:{kind.key}-detail"


def api_url(record, request, kind=None) -> str:
    kind = kind or registry.kind_for_model(type(record))
    return request.build_absolute_uri(reverse(detail_url_name(kind), args=[record.slug]))


def described(queryset, kind):
    """Published records with what their description reads, in bulk."""
    queryset = queryset.published()
    if kind.prepare_description is not None:
        queryset = kind.prepare_description(queryset)
    return queryset


def with_evidence(queryset):
    """...and their citations' and claims' published sources."""
    claims = (
        Claim.objects.filter(source__status=Status.PUBLISHED)
        .select_related("attribute", "source")
        .prefetch_related("value_record")
    )
    return queryset.prefetch_related(
        "citations__source", Prefetch("claims", queryset=claims, to_attr="api_claims")
    )


def source_ref(source, request) -> dict:
    return {
        "slug": source.slug,
        "title": source.title,
        "url": request.build_absolute_uri(source.get_absolute_url()),
        "api_url": api_url(source, request),
    }


def summary(record, kind, request) -> dict:
    return {
        "kind": kind.key,
        "slug": record.slug,
        "api_url": api_url(record, request, kind),
        "description": registry.description(record, request),
    }


def document(record, kind, request) -> dict:
    citations = [
        {
            "source": source_ref(citation.source, request),
            "locator": citation.locator,
            "quotation": citation.quotation,
            "note": citation.note,
        }
        for citation in record.citations.all()
        if citation.source.status == Status.PUBLISHED  # a draft source is named nowhere
    ]
    claims = [
        {
            "attribute": claim.attribute.name,
            "attribute_slug": claim.attribute.slug,
            "value": claim.value_display,
            "value_text": claim.value_text,
            "value_number": claim.value_number,
            "value_lower": claim.value_lower,
            "value_upper": claim.value_upper,
            "value_date": claim.value_date,
            "unit": claim.attribute.unit,
            "source": source_ref(claim.source, request),
            "locator": claim.locator,
            "quotation": claim.quotation,
        }
        for claim in record.api_claims
        if claim.value_is_public
    ]
    return {**summary(record, kind, request), "citations": citations, "claims": claims}
