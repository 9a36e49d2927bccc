"""Which records a bulk write left with an outdated index entry.

A batch edit of a field the entries do not show (a media item's licence) changes no entry:
rewriting 10,000 identical rows was a third of its time. Reading an entry's values is cheap
next to writing it, so they are compared with the stored rows, and only the records whose
entry differs (or should be added or dropped) are re-indexed.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType

from archive.models import Status

from . import kinds
from .indexer import CHUNK, entry_values
from .models import SearchDocument, SearchFacet

# What `entry_values` fills from the record; the folded columns follow from these.
COMPARED = (
    "kind", "title", "names", "text", "date", "date_display", "earliest", "latest", "decade",
    "source_kind", "shown", "url",
)  # fmt: skip


def stale_records(model, pks: Iterable[int], *, slugs_changed: bool = True) -> list[int]:
    """The records among `pks` whose index entry is not what indexing them now would write.
    A caller that changed no slug says so (`slugs_changed=False`): URLs are then not rebuilt,
    the slowest part of reading an entry."""
    compared = COMPARED if slugs_changed else tuple(n for n in COMPARED if n != "url")
    kind = kinds.searched_kind(model)
    pks = list(dict.fromkeys(pks))
    if kind is None or not pks:
        return []
    content_type = ContentType.objects.get_for_model(model)
    stale = []
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        stored = {
            row["object_id"]: row
            for row in SearchDocument.objects.filter(
                content_type=content_type, object_id__in=chunk
            ).values("pk", "object_id", *compared)
        }
        facets = defaultdict(set)
        rows = SearchFacet.objects.filter(document_id__in=[row["pk"] for row in stored.values()])
        for document_id, facet, value in rows.values_list("document_id", "facet", "value_id"):
            facets[document_id].add((facet, value))
        published = set()
        for record in kinds.queryset(kind).filter(pk__in=chunk, status=Status.PUBLISHED):
            published.add(record.pk)
            values, document_facets = entry_values(kind, record, url=slugs_changed)
            row = stored.get(record.pk)
            if (
                row is None
                or any(values[name] != row[name] for name in compared)
                or set(document_facets) != facets[row["pk"]]
            ):
                stale.append(record.pk)
        stale += [pk for pk in stored if pk not in published]
    return stale
