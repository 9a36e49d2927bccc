"""The two change streams and their pages (see the package docstring).

A page is the changes after an id (`?after=`, read forwards) or before one (`?before=`, read
backwards; no parameter: the newest page, the collection's `last`). Pages are slices of the
change log by id, so a harvester walking `prev` from `last` (as the IIIF processing algorithm
does) or `next` from `first` neither skips nor repeats a change while new ones arrive.
"""

from dataclasses import dataclass
from datetime import UTC

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from archive import registry

DISCOVERY_CONTEXT = "http://iiif.io/api/discovery/1/context.json"
ACTIVITY_STREAMS_CONTEXT = "https://www.w3.org/ns/activitystreams"
ACTIVITY_TYPES = {"create": "Create", "update": "Update", "delete": "Delete"}


def page_size() -> int:
    return getattr(settings, "ACTIVITY_PAGE_SIZE", 100)


@dataclass(frozen=True)
class Stream:
    name: str  # the URL names: media_files:<name>, media_files:<name>_page
    context: str
    changes: object  # () -> RecordChange queryset
    object_of: object  # (request, change) -> the activity's object

    def collection_url(self) -> str:
        return reverse(f"media_files:{self.name}")

    def page_url(self, **keyset) -> str:
        url = reverse(f"media_files:{self.name}_page")
        return f"{url}?{'&'.join(f'{k}={v}' for k, v in keyset.items())}" if keyset else url


# --- what each stream holds -------------------------------------------------------------------
def _media_kind():
    from archive.models import MediaItem

    return registry.kind_for_model(MediaItem)


def _gallery_fields(kind) -> list[str]:
    """The fields of a kind that point at media items (its IIIF gallery)."""
    from archive.models import MediaItem

    return [
        link.field
        for link in kind.links_to
        if kind.model._meta.get_field(link.field).remote_field.model is MediaItem
    ]


def manifest_changes():
    """Changes of records that have a IIIF manifest: published images with a size, records
    whose gallery shows one; and every Delete of a kind that can have one (a harvester ignores
    a Delete of a manifest it never saw)."""
    from archive.models import MediaItem, RecordChange

    images = MediaItem.objects.published().images().filter(width__gt=0, height__gt=0).values("pk")
    media = _media_kind()
    shown = Q(kind=media.key, object_id__in=images)
    keys = [media.key]
    for kind in registry.kinds():
        fields = _gallery_fields(kind) if kind is not media else []
        if not fields:
            continue
        with_images = Q()
        for name in fields:
            with_images |= Q(**{f"{name}__in": images})
        pks = kind.model._default_manager.filter(with_images).values("pk")
        shown |= Q(kind=kind.key, object_id__in=pks)
        keys.append(kind.key)
    deleted = Q(action=RecordChange.Action.DELETE, kind__in=keys)
    return RecordChange.objects.filter(shown | deleted)


def record_changes():
    from archive.models import RecordChange

    return RecordChange.objects.filter(kind__in=[kind.key for kind in registry.kinds()])


def manifest_object(request, change) -> dict:
    url = reverse("media_files:iiif_manifest", kwargs={"kind": change.kind, "slug": change.slug})
    return {"id": request.build_absolute_uri(url), "type": "Manifest"}


def record_object(request, change) -> dict:
    kind = registry.kind(change.kind)
    url = reverse(kind.model.url_name, kwargs={"slug": change.slug})
    return {"id": request.build_absolute_uri(url), "type": kind.schema_type or "Object"}


MANIFESTS = Stream("iiif_discovery", DISCOVERY_CONTEXT, manifest_changes, manifest_object)
RECORDS = Stream("activity", ACTIVITY_STREAMS_CONTEXT, record_changes, record_object)


# --- the documents ---------------------------------------------------------------------------
def _ref(request, url: str, type_: str) -> dict:
    return {"id": request.build_absolute_uri(url), "type": type_}


def collection(request, stream: Stream) -> dict:
    """The OrderedCollection: one count query."""
    return {
        "@context": stream.context,
        "id": request.build_absolute_uri(stream.collection_url()),
        "type": "OrderedCollection",
        "totalItems": stream.changes().count(),
        "first": _ref(request, stream.page_url(after=0), "OrderedCollectionPage"),
        "last": _ref(request, stream.page_url(), "OrderedCollectionPage"),
    }


def activity(request, stream: Stream, change) -> dict:
    return {
        "type": ACTIVITY_TYPES[change.action],
        "object": stream.object_of(request, change),
        "endTime": change.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def page(request, stream: Stream, *, after: int | None = None, before: int | None = None):
    """One OrderedCollectionPage, oldest change first: two queries (the rows, and whether
    there are more on the other side)."""
    size, changes = page_size(), stream.changes().only("id", "kind", "slug", "action", "at")
    if after is not None:
        rows = list(changes.filter(id__gt=after).order_by("id")[: size + 1])
        more_after, rows = len(rows) > size, rows[:size]
        edge = rows[0].id if rows else after + 1
        more_before = changes.filter(id__lt=edge).exists()
        here = stream.page_url(after=after)
    else:
        older = changes.filter(id__lt=before) if before is not None else changes
        rows = list(older.order_by("-id")[: size + 1])
        more_before, rows = len(rows) > size, rows[:size][::-1]
        edge = rows[-1].id if rows else (before or 1) - 1
        more_after = before is not None and changes.filter(id__gt=edge).exists()
        here = stream.page_url(before=before) if before is not None else stream.page_url()
    data = {
        "@context": stream.context,
        "id": request.build_absolute_uri(here),
        "type": "OrderedCollectionPage",
        "partOf": _ref(request, stream.collection_url(), "OrderedCollection"),
    }
    if more_before:
        first = rows[0].id if rows else edge + 1
        data["prev"] = _ref(request, stream.page_url(before=first), "OrderedCollectionPage")
    if more_after:
        last = rows[-1].id if rows else edge
        data["next"] = _ref(request, stream.page_url(after=last), "OrderedCollectionPage")
    data["orderedItems"] = [activity(request, stream, change) for change in rows]
    return data
