"""A full rebuild: the index emptied and every published record indexed again, in one
transaction, its rows written as tuples (`archive.imports.sql.Rows`), their entries built by
worker processes where the database allows (see `rebuild`).

Until it commits, searches read the index as it was (SQLite) or wait for it (PostgreSQL:
the tables are truncated); a failure rolls it back and leaves the index as it was. The rows
are those `indexer.index_records` writes for the same records: both take their columns from
`indexer.document_values`.
"""

import multiprocessing
import os

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction

from archive import registry
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

    `beside`: the entries are built by worker processes, each with a connection of its own,
    while this one writes them: building is Python's work and most of a rebuild, and a
    thread would share one interpreter lock with the writer. By default where the backend
    allows it and no transaction is open (another connection would not see its rows)."""
    backend = backends.get()
    if beside is None:
        beside = backend.rebuilds_beside
    if beside and not connection.in_atomic_block:
        total = _write_built_beside(chunk, progress)
    else:
        total = _write(map(_build, _tasks(chunk)), progress)
    backend.tidy()
    return total


def _tasks(chunk: int):
    """(kind key, primary keys) of every batch of published records."""
    for kind in kinds.searched():
        published = kind.model._default_manager.published().order_by("pk")
        pks = list(published.values_list("pk", flat=True))
        for start in range(0, len(pks), chunk):
            yield kind.key, pks[start : start + chunk]


def _build(task) -> tuple[int, list, int]:
    """(content type id, [(object id, values, facets)], records asked for) of one batch."""
    key, pks = task
    kind = registry.kind(key)
    content_type = ContentType.objects.get_for_model(kind.model)
    records = kinds.queryset(kind).filter(pk__in=pks, status=Status.PUBLISHED)
    return content_type.pk, [(r.pk, *document_values(kind, r)) for r in records], len(pks)


def _write(batches, progress) -> int:
    """Write every batch in one transaction on this process's connection."""
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


WORKERS = min(4, os.cpu_count() or 1)  # builders; the writer and the database need a core too


_INHERITED: list = []


def _forget_inherited_connections() -> None:
    """A worker's first step: connections copied from the rebuilding process (one may still
    be open: closing is per thread and context, and a test's event loop keeps its own) are
    set aside, never used or closed, since closing would end the parent's session on the
    shared socket. Kept referenced, so that no finaliser closes them; the worker then opens
    its own."""
    for conn in connections.all(initialized_only=True):
        _INHERITED.append(conn.connection)
        conn.connection = None


def _build_in_worker(task):
    try:
        return _build(task)
    finally:
        connections.close_all()  # the worker's own connection, made for this batch


def _write_built_beside(chunk: int, progress) -> int:
    tasks = list(_tasks(chunk))
    # Forked workers must not share this process's connections: each opens its own.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    workers = min(WORKERS, max(len(tasks), 1))
    with context.Pool(workers, initializer=_forget_inherited_connections) as pool:
        # In order, a few batches ahead: the writer's memory stays that of a few batches.
        return _write(pool.imap(_build_in_worker, tasks), progress)
