"""SQLite: FTS5 with bm25 over the folded columns; an FTS5 trigram table over the lexicon
finds candidates for a misspelt name and pg_trgm's similarity, in Python, ranks them."""

from django.db import connection

from ..query import ParsedQuery
from .base import NO_FILTER, SIMILARITY_THRESHOLD, SearchBackend, similarity, trigrams

CANDIDATES = 200
# Filters read the document row; CROSS JOIN keeps the full-text match driving.
_FILTERED = "search_document_fts CROSS JOIN search_document d WHERE search_document_fts"


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"

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
