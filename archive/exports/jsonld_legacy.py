"""The JSON-LD builders the views used before they read the one description. Removed as soon as
every record page passes `context["description"]` to `archive.exports.jsonld.document()`."""

import json

from django.conf import settings
from django.utils.html import strip_tags

from archive.dates import bounds

CSL_TO_SCHEMA = {
    "article-journal": "ScholarlyArticle",
    "article-magazine": "Article",
    "article-newspaper": "NewsArticle",
    "book": "Book",
    "chapter": "Chapter",
    "report": "Report",
    "webpage": "WebPage",
    "dataset": "Dataset",
    "motion_picture": "Movie",
    "graphic": "Photograph",
    "manuscript": "ArchiveComponent",
}
MEDIA_TO_SCHEMA = {
    "image": "ImageObject",
    "audio": "AudioObject",
    "video": "VideoObject",
    "document": "DigitalDocument",
}


def absolute(request, record) -> str:
    return request.build_absolute_uri(record.get_absolute_url())


def ref(request, record, schema_type: str = "Thing") -> dict:
    """A short reference to another published record."""
    return {"@type": schema_type, "@id": absolute(request, record), "name": str(record)}


def date_value(edtf: str) -> str:
    """An ISO date (or year) when the EDTF date is exact, else the span's earliest day."""
    edtf = (edtf or "").strip()
    if not edtf or any(mark in edtf for mark in "~?%X[{"):
        return ""
    if "/" in edtf:
        return ""
    return edtf


def date_span(edtf: str) -> tuple[str, str]:
    earliest, latest = bounds(edtf) if edtf else (None, None)
    return (
        earliest.isoformat() if earliest else "",
        latest.isoformat() if latest else "",
    )


def compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def cited(request, record) -> list[dict]:
    """The published sources a record cites (its citations must be prefetched)."""
    seen, works = set(), []
    for citation in record.citations.all():
        source = citation.source
        if source.is_published and source.pk not in seen:
            seen.add(source.pk)
            works.append(
                ref(request, source, CSL_TO_SCHEMA.get(source.kind.csl_type, "CreativeWork"))
            )
    return works


def same_as(record) -> list[str]:
    return [identifier.url for identifier in record.identifiers.all() if identifier.url]


def base(record, url: str, request, schema_type: str = "Thing", *, cites: bool = True) -> dict:
    return compact(
        {
            "@context": "https://schema.org",
            "@type": schema_type,
            "@id": url,
            "url": url,
            "name": str(record),
            "sameAs": same_as(record),
            "citation": cited(request, record) if cites else [],
            "dateModified": record.updated_at.isoformat() if record.updated_at else "",
            "isPartOf": {"@type": "WebSite", "name": settings.SITE_NAME},
        }
    )


def source(record, url: str, request) -> dict:
    schema_type = CSL_TO_SCHEMA.get(record.kind.csl_type, "CreativeWork")
    data = base(record, url, request, schema_type, cites=False)
    if record.kind.is_opinion:
        data["@type"] = "OpinionNewsArticle"
    creators = [{"@type": "Person", "name": name} for name in record.creator_names]
    data.update(
        compact(
            {
                "headline": record.title[:110],
                "author": creators,
                "datePublished": date_value(record.date),
                "publisher": {"@type": "Organization", "name": record.publisher}
                if record.publisher
                else "",
                "isPartOf": {"@type": "Periodical", "name": record.container_title}
                if record.container_title
                else "",
                "inLanguage": record.language,
                "abstract": record.abstract,
                "genre": record.kind.name,
                "isbn": record.isbn,
                "identifier": f"https://doi.org/{record.doi}" if record.doi else "",
                "sameAs": [record.url] if record.url else data.get("sameAs", []),
                "copyrightNotice": record.rights,
            }
        )
    )
    return data


def place(record, url: str, request) -> dict:
    data = base(record, url, request, "Place")
    geo = ""
    if record.latitude is not None and record.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(record.latitude),
            "longitude": float(record.longitude),
        }
    parent = record.parent if record.parent and record.parent.is_published else None
    data.update(
        compact(
            {
                "alternateName": [name.name for name in record.names.all()],
                "geo": geo,
                "containedInPlace": ref(request, parent, "Place") if parent else "",
                "description": strip_tags(record.description)[:500] if record.description else "",
            }
        )
    )
    return data


def media(record, url: str, request) -> dict:
    data = base(record, url, request, MEDIA_TO_SCHEMA.get(record.media_type, "MediaObject"))
    licence = record.licence
    source_record = record.source if record.source and record.source.is_published else None
    data.update(
        compact(
            {
                "caption": record.caption,
                "description": record.alt_text,
                "creator": {"@type": "Person", "name": record.creator} if record.creator else "",
                "creditText": record.credit_line,
                "license": (licence.uri or licence.name) if licence else "",
                "dateCreated": date_value(record.date),
                "encodingFormat": record.mime_type,
                "width": record.width or "",
                "height": record.height or "",
                "contentLocation": [
                    ref(request, p, "Place") for p in getattr(record, "public_places", [])
                ],
                "isBasedOn": ref(request, source_record, "CreativeWork") if source_record else "",
            }
        )
    )
    return data


def script(data: dict) -> str:
    """JSON for a `<script type="application/ld+json">`: no `</script>` can close it early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
