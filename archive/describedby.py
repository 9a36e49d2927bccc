"""A record page's machine-readable descriptions, as `rel="describedby"` links (in the page's
`<head>` and its HTTP `Link` header): the CSL-JSON download, the IIIF manifest where the record
has one, and its OAI-PMH GetRecord (`archive.oai.identifiers`). The JSON-LD is in the page.

Only for published records: a draft's preview names no public description of it.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from archive import registry
from archive.media import iiif
from archive.oai import identifiers

CSL_JSON = "application/vnd.citationstyles.csl+json"
IIIF_MANIFEST = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
OAI_PMH = "text/xml"


@dataclass(frozen=True)
class DescribedBy:
    href: str  # absolute
    type: str
    title: str

    def header_value(self) -> str:
        return f'<{self.href}>; rel="describedby"; type="{_quoted(self.type)}"'


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def has_manifest(record) -> bool:
    """Whether /iiif/<kind>/<slug>/manifest.json answers for `record`: from the media the page
    already loaded (its prefetched gallery, its selected portrait), else a query or two."""
    from archive.models import MediaItem

    if isinstance(record, MediaItem):
        return _shows(record)
    kind = registry.kind_for_model(type(record))
    fields = [type(record)._meta.get_field(link.field) for link in (kind.links_to if kind else ())]
    fields = [field for field in fields if field.remote_field.model is MediaItem]
    loaded = getattr(record, "_prefetched_objects_cache", {})
    if not all(field.name in loaded or field.is_cached(record) for field in fields):
        return any(_shows(item) for item in iiif.gallery_media(record))
    for field in fields:
        items = loaded[field.name] if field.name in loaded else [getattr(record, field.name)]
        if any(item is not None and item.is_published and _shows(item) for item in items):
            return True
    return False


def _shows(item) -> bool:
    return bool(item.is_image and item.width and item.height)


def links(request, record) -> list[DescribedBy]:
    if not record.is_published:
        return []
    kind = registry.kind_for_model(type(record))
    absolute = request.build_absolute_uri
    found = [DescribedBy(absolute(f"{record.get_absolute_url()}cite.json"), CSL_JSON, "CSL-JSON")]
    if has_manifest(record):
        manifest = reverse(
            "media_files:iiif_manifest", kwargs={"kind": kind.key, "slug": record.slug}
        )
        found.append(DescribedBy(absolute(manifest), IIIF_MANIFEST, "IIIF manifest"))
    query = urlencode(
        {
            "verb": "GetRecord",
            "metadataPrefix": "oai_dc",
            "identifier": identifiers.make(request, kind.key, record.slug),
        }
    )
    found.append(
        DescribedBy(
            absolute(f"{reverse('oai:endpoint')}?{query}"), OAI_PMH, "OAI-PMH (Dublin Core)"
        )
    )
    return found


def link_header(described: list[DescribedBy]) -> str:
    return ", ".join(link.header_value() for link in described)
