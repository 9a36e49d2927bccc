"""What a list request harvests, one page at a time, by keyset.

Each kind (in registry order) gives three streams, each walked in the order of its own primary
key: its published records (`updated_at` is the datestamp), its deleted records (the change
log's current deletes: withdrawn, unpublished or deleted; the delete's time is the datestamp)
and the old identifiers of its renamed records (deleted, pointing at the new one). A position
is (kind key, stream, last primary key): a record that changes during a harvest keeps its place
in its stream, so continuing never skips or repeats it; a record published while the harvest
runs has a higher key and comes at the end. A record withdrawn behind the position is told as
deleted when the harvest reaches the deletes: it is reported again, as what it now is.

A page costs one query per stream it reads (and the rows the descriptions need in bulk), never
one per record: at most three per kind, whatever the page size.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from archive import registry
from archive.models import RecordChange, SlugRedirect

LIVE, DELETED, RENAMED = 0, 1, 2
STREAMS = (LIVE, DELETED, RENAMED)


@dataclass
class Item:
    kind: object  # archive.registry.Kind
    slug: str
    datestamp: datetime.datetime
    record: object | None = None  # the published record (None when deleted)
    replaced_by: str = ""  # a renamed record's current slug

    @property
    def deleted(self) -> bool:
        return self.record is None


@dataclass
class Query:
    kinds: list  # the kinds in the set asked for (all without a set)
    since: datetime.datetime | None = None  # inclusive
    before: datetime.datetime | None = None  # exclusive: `until` plus its granularity
    describe: bool = False  # ListRecords: select the rows the descriptions read


def _dated(queryset, field: str, query: Query):
    if query.since is not None:
        queryset = queryset.filter(**{f"{field}__gte": query.since})
    if query.before is not None:
        queryset = queryset.filter(**{f"{field}__lt": query.before})
    return queryset


def _live(kind):
    return kind.model._default_manager.published()


def stream(kind, which: int, query: Query):
    if which == LIVE:
        records = _dated(_live(kind), "updated_at", query)
        if query.describe and kind.prepare_description is not None:
            records = kind.prepare_description(records)
        return records
    if which == DELETED:
        deletes = RecordChange.objects.for_kind(kind.key).current_deletions()
        # A slug deleted once and given to a record published since names that record now.
        deletes = deletes.exclude(slug__in=_live(kind).values("slug"))
        return _dated(deletes, "at", query)
    # Old slugs of published records, given up while the record was public: a slug a draft
    # had before it was published was never harvested, and must not be named.
    content_type = ContentType.objects.get_for_model(kind.model)
    public_then = _live(kind).filter(
        pk=OuterRef("object_id"), published_at__lte=OuterRef("created_at")
    )
    renamed = SlugRedirect.objects.filter(content_type=content_type).filter(Exists(public_then))
    return _dated(renamed, "created_at", query)


def _items(kind, which: int, rows: list) -> list[Item]:
    if which == LIVE:
        return [Item(kind, row.slug, row.updated_at, record=row) for row in rows]
    if which == DELETED:
        return [Item(kind, row.slug, row.at) for row in rows]
    current = dict(
        _live(kind).filter(pk__in=[row.object_id for row in rows]).values_list("pk", "slug")
    )
    return [
        Item(kind, row.old_slug, row.created_at, replaced_by=current.get(row.object_id, ""))
        for row in rows
    ]


def positions(query: Query, start: tuple | None):
    """(kind, stream, last pk) from `start` on, in harvest order."""
    started = start is None
    for kind in query.kinds:
        for which in STREAMS:
            if not started and (kind.key, which) == (start[0], start[1]):
                started = True
                yield kind, which, start[2]
            elif started:
                yield kind, which, 0


def page(query: Query, start: tuple | None, size: int) -> tuple[list[Item], tuple | None]:
    """Up to `size` items after `start`, and the position to continue from (None: the end)."""
    items: list[Item] = []
    for kind, which, last in positions(query, start):
        rows_after = stream(kind, which, query).filter(pk__gt=last).order_by("pk")
        room = size - len(items)
        if room == 0:
            if rows_after.exists():
                return items, (kind.key, which, last)
            continue
        rows = list(rows_after[: room + 1])
        taken = rows[:room]
        items += _items(kind, which, taken)
        if len(rows) > room:
            return items, (kind.key, which, taken[-1].pk)
    return items, None


def count(query: Query) -> int:
    return sum(stream(kind, which, query).count() for kind in query.kinds for which in STREAMS)


def find(kind, slug: str) -> Item | None:
    """The item one identifier names: a published record, a deleted one, or an old slug of a
    renamed published record. A draft's slug names nothing."""
    record = _live(kind).filter(slug=slug)
    if kind.prepare_description is not None:
        record = kind.prepare_description(record)
    record = record.first()
    if record is not None:
        return Item(kind, record.slug, record.updated_at, record=record)
    query = Query(kinds=[kind])
    for which in (DELETED, RENAMED):
        rows = stream(kind, which, query)
        field = "slug" if which == DELETED else "old_slug"
        row = rows.filter(**{field: slug}).order_by("-pk").first()
        if row is not None:
            return _items(kind, which, [row])[0]
    return None


def earliest_datestamp() -> datetime.datetime | None:
    moments = [
        _live(kind).order_by("updated_at").values_list("updated_at", flat=True).first()
        for kind in registry.kinds()
    ]
    first_change = RecordChange.objects.order_by("at").values_list("at", flat=True).first()
    moments = [moment for moment in [*moments, first_change] if moment is not None]
    return min(moments) if moments else None
