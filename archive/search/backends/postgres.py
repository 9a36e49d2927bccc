"""PostgreSQL: a generated, weighted tsvector with a GIN index; pg_trgm over the lexicon."""

from django.db import connection

from ..query import ParsedQuery
from .base import SIMILARITY_THRESHOLD, SearchBackend


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def match_sql(self, query: ParsedQuery, limit: int | None = None):
        return (
            "SELECT id FROM search_document "
            "WHERE search_vector @@ to_tsquery('simple'::regconfig, %s)" + _limit(limit),
            [query.tsquery()],
        )

    def match_condition(self, query: ParsedQuery, alias: str = "d"):
        return (
            f"{alias}.search_vector @@ to_tsquery('simple'::regconfig, %s)",
            [query.tsquery()],
        )

    def ranked_sql(self, query: ParsedQuery, limit: int | None = None, names_only=False):
        # Weights D, C, B, A: text, -, names, title. Normalisation 1: divide by 1 + log(length).
        if not names_only:
            return (
                "SELECT id, ts_rank('{0.1, 0.2, 0.5, 1.0}', search_vector, q, 1) AS rank FROM ("
                "SELECT id, search_vector, q FROM search_document, "
                "to_tsquery('simple'::regconfig, %s) AS q WHERE search_vector @@ q"
                + _limit(limit)
                + ") AS candidates",
                [query.tsquery()],
            )
        # `names_vector` (titles and names only) is small and stays inline: cheap to rank.
        # Only the words are looked for there; exclusions hold for the whole record.
        excluded = (
            " AND search_vector @@ to_tsquery('simple'::regconfig, %s)" if query.excluded else ""
        )
        values = [query.positive().tsquery()] + ([query.tsquery()] if query.excluded else [])
        return (
            "SELECT id, ts_rank('{0.1, 0.2, 0.5, 1.0}', names_vector, q, 1) AS rank FROM ("
            "SELECT id, names_vector, q FROM search_document, "
            f"to_tsquery('simple'::regconfig, %s) AS q WHERE names_vector @@ q{excluded}"
            + _limit(limit)
            + ") AS candidates",
            values,
        )

    def names_contain(self, word: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM search_document WHERE search_vector @@ "
                "to_tsquery('simple'::regconfig, %s) LIMIT 1",
                [f"{word}:B"],
            )
            return cursor.fetchone() is not None

    def similar_words(self, word: str, limit: int = 5) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_term WHERE word %% %s AND similarity(word, %s) >= %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, SIMILARITY_THRESHOLD, word, limit],
            )
            return [row[0] for row in cursor.fetchall()]


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""
