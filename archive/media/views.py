"""Media files through a door that checks status: visitors get published items only, staff get
everything; the storage's own URLs are never shown. Plus the IIIF manifests."""

from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from archive import registry
from archive.models import MediaItem, SlugRedirect

from . import iiif, serving
from .derivatives import ensure_derivatives
from .private import NotClean
from .public_original import ensure_public_original
from .specs import FORMATS

IIIF_CONTENT_TYPE = 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'


def _visible_item(request, slug: str) -> MediaItem:
    """The item visitors (published only) or staff (everything) may fetch; an old slug finds
    the item it now has, and the view redirects there."""
    items = MediaItem.objects.visible_to(request.user)
    item = items.filter(slug=slug).first()
    if item is None:
        item = SlugRedirect.target_for(MediaItem, slug)
        if item is None or not items.filter(pk=item.pk).exists():
            raise Http404("No such media item.")
    return item


def _moved(request, item, kwargs) -> HttpResponsePermanentRedirect:
    name = request.resolver_match.view_name
    return HttpResponsePermanentRedirect(reverse(name, kwargs={**kwargs, "slug": item.slug}))


@require_safe
def original(request, slug):
    """The original: as uploaded for staff, and for visitors when it is public as it is
    (`MediaItem.original_is_public`); otherwise its public copy, without private metadata."""
    item = _visible_item(request, slug)
    if item.slug != slug:
        return _moved(request, item, {})
    content_type = item.mime_type or "application/octet-stream"
    if item.original_is_public or _is_staff(request.user):
        stored = item.file
    else:
        try:
            stored = ensure_public_original(item).file
        except NotClean:
            raise Http404("This original has no public copy.") from None
    # A shared cache may keep only what every visitor gets: never staff's private bytes.
    everyones = item.is_published and (item.original_is_public or stored.name != item.file.name)
    response = serving.send(
        request, stored.storage, stored.name, content_type, public=everyones,
        filename=item.original_filename,
    )  # fmt: skip
    patch_vary_headers(response, ["Cookie"])
    return response


def _is_staff(user) -> bool:
    return user.is_active and user.is_staff  # as MediaItem.objects.visible_to() decides


@require_safe
def derivative(request, slug, name, fmt):
    item = _visible_item(request, slug)
    if item.slug != slug:
        return _moved(request, item, {"name": name, "fmt": fmt})
    if name not in {r.name for r in item.renditions}:
        raise Http404("No such size.")
    row = item.derivatives.filter(name=name, format=fmt, original_sha256=item.sha256).first()
    if row is None:  # made once, on first request, if ingest did not make it
        ensure_derivatives(item)
        row = get_object_or_404(item.derivatives, name=name, format=fmt)
    return serving.send(
        request, row.file.storage, row.file.name, FORMATS[fmt], public=item.is_published
    )


def _json(data) -> JsonResponse:
    response = JsonResponse(data, content_type=IIIF_CONTENT_TYPE, json_dumps_params={"indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=600"
    return response


@require_safe
def manifest(request, kind, slug):
    """The IIIF manifest of a published image (kind "media") or of a published record's
    gallery (any registered kind with media: "event", "person"...)."""
    try:
        model = registry.kind(kind).model
    except KeyError:
        raise Http404("No such kind of record.") from None
    record = get_object_or_404(model._default_manager.published(), slug=slug)
    if isinstance(record, MediaItem):
        items, summary = [record], record.caption
    else:
        summarise = registry.kind_for_model(model).summary
        items, summary = iiif.gallery_media(record), summarise(record) if summarise else ""
    url = reverse("media_files:iiif_manifest", kwargs={"kind": kind, "slug": slug})
    try:
        data = iiif.build_manifest(
            request, manifest_url=url, label=str(record), summary=summary, items=items,
            homepage=record,
        )  # fmt: skip
    except ValueError:
        raise Http404("This record has no published images.") from None
    return _json(data)
