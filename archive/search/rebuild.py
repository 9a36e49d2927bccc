"""A full rebuild: the index emptied and every published record indexed again, in one
transaction, its rows written as tuples (`archive.imports.sql.Rows`).

Until it commits, searches read the index as it was (SQLite) or wait for it (PostgreSQL:
the tables are truncated); a failure rolls it back and leaves the index as it was. The rows
are those `indexer.index_records` writes for the same records: both take their columns from
`indexer.document_values`.
"""

import queue
import threading

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction

from archive.imports.sql import Rows, bulk_writing, reserve_pks
from archive.models import Status

from . import backends, kinds
from .indexer import document_values, name_words
from .models import SearchDocument, SearchFacet, SearchTerm

# The index row's columns as `document_values` gives them.
DOCUMENT_COLUMNS = (
    "kind", "title", "names", "text", "date", "date_display", "earliest", "latest", "decade",
    "source_kind", "shown", "url", "title_folded", "names_folded", "text_folded", "word_pairs",
)  # fmt: skip


class _Writer:
    """Index rows, facet rows and the lexicon's words, written a batch at a time."""

    def __init__(self):
        # `indexed_at` (auto_now) is in every row as Rows found it: when the rebuild began.
        self.documents = Rows(
            SearchDocument, ("id", "content_type_id", "object_id", *DOCUMENT_COLUMNS)
        )
        self.facets = Rows(SearchFacet, ("document_id", "facet", "value_id"))
        self.words: set[str] = set()

    def write(self, content_type_id: int, built: list[tuple[int, dict, list]]) -> None:
        ids = reserve_pks(SearchDocument, len(built))
        documents, facets = [], []
        for pk, (object_id, values, facet_values) in zip(ids, built, strict=True):
            documents.append(
                self.documents.row(
                    pk, content_type_id, object_id, *map(values.__getitem__, DOCUMENT_COLUMNS)
                )
            )
            facets += [self.facets.row(pk, facet, value) for facet, value in facet_values]
            self.words |= name_words(values["names_folded"])
        self.documents.write(documents)
        self.facets.write(facets)

    def write_words(self) -> None:
        terms = Rows(SearchTerm, ("word",))
        terms.write([terms.row(word) for word in sorted({w[:100] for w in self.words})])


def rebuild(progress=None, chunk: int = 1000, beside: bool | None = None) -> int:
    """Empty the index and index every published record again. Returns the number indexed.

    `beside`: the rows are written by a thread of their own, on a connection of its own,
    while this one builds the next batch: PostgreSQL computes a batch's vectors and word
    pairs (half of a rebuild) on one core while Python builds the next on the other. By
    default where the backend gains by it and no transaction is open (another connection
    would not see its rows)."""
    backend = backends.get()
    if beside is None:
        beside = backend.rebuilds_beside and not connection.in_atomic_block
    batches = _batches(chunk)
    total = _write_beside(batches, progress) if beside else _write(batches, progress)
    backend.tidy()
    return total


def _batches(chunk: int):
    """(content type id, [(object id, values, facets)], records asked for), a batch at a time."""
    for kind in kinds.searched():
        content_type = ContentType.objects.get_for_model(kind.model)
        published = kind.model._default_manager.published().order_by("pk")
        pks = list(published.values_list("pk", flat=True))
        for start in range(0, len(pks), chunk):
            batch = pks[start : start + chunk]
            records = kinds.queryset(kind).filter(pk__in=batch, status=Status.PUBLISHED)
            built = [(record.pk, *document_values(kind, record)) for record in records]
            yield content_type.pk, built, len(batch)


def _write(batches, progress) -> int:
    """Write every batch in one transaction on this thread's connection."""
    total = 0
    with transaction.atomic(), bulk_writing(), backends.get().bulk_load():
        writer = _Writer()
        for content_type_id, built, asked in batches:
            writer.write(content_type_id, built)
            total += asked
            if progress is not None:
                progress(asked)
        writer.write_words()
    return total


_DONE = object()


class _Abandoned(Exception):
    """The builder failed: the writer rolls back."""


def _write_beside(batches, progress) -> int:
    handed: queue.Queue = queue.Queue(maxsize=2)
    result: dict = {}

    def received():
        while (item := handed.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise _Abandoned from item
            yield item

    def write():
        try:
            result["total"] = _write(received(), progress)
        except BaseException as error:  # handed back to the builder, which raises it
            result["error"] = error
        finally:
            connections.close_all()  # this thread's connections only

    writer = threading.Thread(target=write, name="search-rebuild-writer")
    writer.start()

    def hand(item) -> None:
        while writer.is_alive():
            try:
                handed.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    try:
        for batch in batches:
            if not writer.is_alive():
                break
            hand(batch)
    except BaseException as error:
        hand(error)
        writer.join()
        raise
    hand(_DONE)
    writer.join()
    if "error" in result:
        raise result["error"]
    return result["total"]
