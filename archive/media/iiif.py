"""IIIF Presentation 3.0 manifests: one per published image, one per record's gallery.

`build_manifest()` is generic: it takes a label, a summary and image items. `gallery_media()`
finds a record's images through the relations to media items its kind declares in the
registry (`Kind.links_to`: a person's portrait and media, an event's media), so `archive`
need not know the other apps.
"""

from django.conf import settings

from archive import registry

CONTEXT = "http://iiif.io/api/presentation/3/context.json"
# `rights` must be a Creative Commons or RightsStatements.org URI, written with http://.
RIGHTS_HOSTS = ("creativecommons.org/", "rightsstatements.org/")


def language_map(*values: str) -> dict[str, list[str]]:
    return {settings.LANGUAGE_CODE: [v for v in values if v]}


def rights_uri(licence) -> str:
    uri = (licence.uri if licence else "") or ""
    for scheme in ("https://", "http://"):
        for host in RIGHTS_HOSTS:
            if uri.startswith(scheme + host):
                return "http://" + uri[len(scheme) :]
    return ""


def _image(request, url: str, width: int, height: int) -> dict:
    return {
        "id": request.build_absolute_uri(url),
        "type": "Image",
        "format": "image/jpeg",
        "width": width,
        "height": height,
    }


def _thumbnail(request, item) -> list[dict]:
    thumb = item.thumbnail
    return [_image(request, thumb.jpg_url, thumb.width, thumb.height)]


def _attribution(item) -> dict:
    return {"label": language_map("Attribution"), "value": language_map(item.credit_line)}


def _metadata(item) -> list[dict]:
    from archive.dates import describe

    rows = [("Creator", item.creator), ("Date", item.date_text or describe(item.date))]
    if item.licence:
        rows.append(("Licence", item.licence.name))
    return [
        {"label": language_map(label), "value": language_map(str(value))}
        for label, value in rows
        if value
    ]


def canvas(request, base: str, number: int, item) -> dict:
    canvas_id = f"{base}canvas/{number}"
    largest = item.largest
    data = {
        "id": canvas_id,
        "type": "Canvas",
        "label": language_map(item.title),
        "width": item.width,
        "height": item.height,
        "thumbnail": _thumbnail(request, item),
        "homepage": [_homepage(request, item)],
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/painting",
                        "type": "Annotation",
                        "motivation": "painting",
                        "body": _image(request, largest.jpg_url, largest.width, largest.height),
                        "target": canvas_id,
                    }
                ],
            }
        ],
    }
    if item.caption:
        data["summary"] = language_map(item.caption)
    if item.credit_line:
        data["requiredStatement"] = _attribution(item)
    if rights := rights_uri(item.licence):
        data["rights"] = rights
    if metadata := _metadata(item):
        data["metadata"] = metadata
    return data


def _homepage(request, record, label: str = "") -> dict:
    return {
        "id": request.build_absolute_uri(record.get_absolute_url()),
        "type": "Text",
        "label": language_map(label or str(record)),
        "format": "text/html",
    }


def build_manifest(request, *, manifest_url: str, label: str, summary: str, items, homepage):
    """A Manifest with one Canvas per image item (published images with a known size)."""
    items = [item for item in items if item.is_image and item.width and item.height]
    if not items:
        raise ValueError("A IIIF manifest needs at least one image.")
    manifest_id = request.build_absolute_uri(manifest_url)
    base = manifest_id.removesuffix("manifest.json")
    manifest = {
        "@context": CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": language_map(label),
        "thumbnail": _thumbnail(request, items[0]),
        "homepage": [_homepage(request, homepage, label)],
        "items": [canvas(request, base, n, item) for n, item in enumerate(items, 1)],
    }
    if summary:
        manifest["summary"] = language_map(summary)
    credits = list(dict.fromkeys(item.credit_line for item in items if item.credit_line))
    if credits:
        manifest["requiredStatement"] = {
            "label": language_map("Attribution"),
            "value": language_map(*credits),
        }
    rights = {rights_uri(item.licence) for item in items}
    if len(rights) == 1 and (only := rights.pop()):
        manifest["rights"] = only  # one licence for the whole gallery
    if len(items) == 1 and (metadata := _metadata(items[0])):
        manifest["metadata"] = metadata
    return manifest


def gallery_media(record) -> list:
    """The record's published images: from each relation to media items its kind declares, in
    the declared order (a portrait before the gallery), each item once."""
    from archive.models import MediaItem

    kind = registry.kind_for_model(type(record))
    found, seen = [], set()
    for link in kind.links_to if kind else ():
        field = type(record)._meta.get_field(link.field)
        if field.remote_field.model is not MediaItem:
            continue
        if field.many_to_many:
            queryset = getattr(record, field.name).all()
        else:
            pk = getattr(record, field.attname)
            queryset = MediaItem.objects.filter(pk=pk) if pk else MediaItem.objects.none()
        for item in queryset.published().images().for_display():
            if item.pk not in seen:
                seen.add(item.pk)
                found.append(item)
    return found
