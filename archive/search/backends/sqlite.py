"""SQLite: FTS5 with bm25 over the folded columns; an FTS5 trigram table over the lexicon
finds candidates for a misspelt name and pg_trgm's similarity, in Python, ranks them."""

from contextlib import contextmanager

from django.db import connection

from archive.bulkstats import refresh_statistics

from ..models import SearchDocument, SearchFacet, SearchTerm
from ..query import ParsedQuery
from .base import INDEX_TABLES, NO_FILTER, SIMILARITY_THRESHOLD, SearchBackend, similarity, trigrams

CANDIDATES = 200
# Filters read the document row; CROSS JOIN keeps the full-text match driving.
_FILTERED = "search_document_fts CROSS JOIN search_document d WHERE search_document_fts"


# External-content FTS5 tables and the table each one indexes (kept in step by triggers).
_FTS_TABLES = {"search_document_fts": "search_document", "search_term_trigram": "search_term"}


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

    @property
    def rebuilds_beside(self) -> bool:
        # Workers read the records while the rebuild writes: a file in WAL mode allows it,
        # an in-memory database (the tests') is one connection's alone.
        return not connection.is_in_memory_db()

    @contextmanager
    def bulk_load(self):
        """The triggers that keep the FTS5 tables in step are dropped while the emptied tables
        fill (each would delete or insert one row of the full-text index), and the full-text
        indexes are rebuilt from the tables at the end; the triggers are made again from the
        definitions SQLite held, so they stay those of the migrations. Inside the rebuild's
        transaction: a failure rolls all of it back."""
        if not connection.in_atomic_block:
            raise RuntimeError("bulk_load() needs a transaction: the index comes back on failure")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                f"({', '.join(['%s'] * len(_FTS_TABLES))}) ORDER BY name",
                list(_FTS_TABLES.values()),
            )
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
            for fts in _FTS_TABLES:
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')")
            for table in INDEX_TABLES:
                cursor.execute(f"DELETE FROM {table}")
        yield
        with connection.cursor() as cursor:
            for fts in _FTS_TABLES:
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            for _, definition in triggers:
                cursor.execute(definition)
        refresh_statistics([SearchDocument, SearchFacet, SearchTerm])

    def match_sql(self, query: ParsedQuery, limit: int | None = None, where=NO_FILTER):
        if not where[0]:
            return (
                "SELECT rowid AS id FROM search_document_fts WHERE search_document_fts MATCH %s"
                + _limit(limit),
                [query.fts5()],
            )
        return (
            f"SELECT d.id FROM {_FILTERED} MATCH %s AND d.id = search_document_fts.rowid"
            f"{where[0]}{_limit(limit)}",
            [query.fts5(), *where[1]],
        )

    def match_condition(self, query: ParsedQuery, alias: str = "d", statistics=False):
        return (
            f"{alias}.id IN (SELECT rowid FROM search_document_fts "
            f"WHERE search_document_fts MATCH %s)",
            [query.fts5()],
        )

    def ranked_sql(self, query, limit=None, names_only=False, where=NO_FILTER, among=None):
        # bm25 is smaller for better matches; its column weights are title, names, text.
        # `among` (ids that all match) needs no restriction: FTS5 finds the same rows as fast.
        expression = query.fts5()
        if names_only:
            # Only the words are looked for in titles and names; exclusions hold everywhere.
            expression = f"{{title_folded names_folded}} : ({query.positive().fts5()})"
            if query.excluded:
                expression = f"({expression}) NOT ({query.excluded_fts5()})"
        rank = "-bm25(search_document_fts, 10.0, 5.0, 1.0) AS rank"
        if not where[0]:
            return (
                f"SELECT rowid AS id, {rank} FROM search_document_fts "
                f"WHERE search_document_fts MATCH %s" + _limit(limit),
                [expression],
            )
        return (
            f"SELECT d.id, {rank} FROM {_FILTERED} MATCH %s AND d.id = search_document_fts.rowid"
            f"{where[0]}{_limit(limit)}",
            [expression, *where[1]],
        )

    def names_contain(self, word: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM search_document_fts WHERE search_document_fts MATCH %s LIMIT 1",
                [f'names_folded : "{word}"'],
            )
            return cursor.fetchone() is not None

    def similar_words(self, word: str, limit: int = 5) -> list[str]:
        grams = sorted(g for g in trigrams(word) if " " not in g)
        if not grams:
            return []
        expression = " OR ".join(f'"{g}"' for g in grams)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_term_trigram WHERE search_term_trigram MATCH %s "
                "ORDER BY rank LIMIT %s",
                [expression, CANDIDATES],
            )
            candidates = [row[0] for row in cursor.fetchall()]
        scored = sorted(
            ((similarity(word, c), c) for c in candidates), key=lambda item: (-item[0], item[1])
        )
        return [c for score, c in scored if score >= SIMILARITY_THRESHOLD][:limit]


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""
