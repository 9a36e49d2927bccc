"""PostgreSQL: a generated, weighted tsvector with a GIN index; pg_trgm over the lexicon.

Phrases: GIN keeps no word positions, so `"martial law"` alone finds every record with both
words and rechecks each against its (long, TOASTed) vector. A GIN index over the
record's adjacent word pairs (generated column `word_pairs`, migration 0003) narrows that first:
`'martial law'` as one lexeme. Pairs are taken from the same tsvector positions that `<->`
reads, so the pair condition is only a necessary one (never drops a match); the phrase itself
is still checked on the few rows left.
"""

import re

from django.db import connection

from ..query import ParsedQuery
from .base import SIMILARITY_THRESHOLD, SearchBackend


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def match_sql(self, query: ParsedQuery, limit: int | None = None):
        condition, values = self.match_condition(query, alias="search_document")
        return "SELECT id FROM search_document WHERE " + condition + _limit(limit), values

    def match_condition(self, query: ParsedQuery, alias: str = "d"):
        condition = f"{alias}.search_vector @@ to_tsquery('simple'::regconfig, %s)"
        pairs = word_pairs(query)
        if pairs is None:
            return condition, [query.tsquery()]
        return f"{_PAIRS.format(alias=alias)} @@ %s::tsquery AND {condition}", [
            pairs,
            query.tsquery(),
        ]

    def ranked_sql(self, query: ParsedQuery, limit: int | None = None, names_only=False):
        # Weights D, C, B, A: text, -, names, title. Normalisation 1: divide by 1 + log(length).
        if not names_only:
            pairs = word_pairs(query)
            narrow = "" if pairs is None else f" AND {_PAIRS.format(alias='d')} @@ %s::tsquery"
            return (
                "SELECT id, ts_rank('{0.1, 0.2, 0.5, 1.0}', search_vector, q, 1) AS rank FROM ("
                "SELECT d.id, d.search_vector, q FROM search_document d, "
                f"to_tsquery('simple'::regconfig, %s) AS q WHERE d.search_vector @@ q{narrow}"
                + _limit(limit)
                + ") AS candidates",
                [query.tsquery()] + ([] if pairs is None else [pairs]),
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


_PAIRS = "{alias}.word_pairs"
# Words the default parser reads as one token, unchanged: their pair lexeme is predictable.
_ONE_TOKEN = re.compile(r"[a-z]+|[0-9]+")


def word_pairs(query: ParsedQuery) -> str | None:
    """A tsquery of the adjacent word pairs every match must contain (`'martial law'`), from
    the phrases that make up a whole clause on their own; None when there are none."""
    pairs: list[str] = []
    for clause in query.clauses:
        if len(clause) != 1 or len(clause[0].words) < 2:
            continue  # a phrase in an `or` is not required; a single word has no pair
        words = clause[0].words
        if all(_ONE_TOKEN.fullmatch(word) for word in words):
            pairs += [f"'{a} {b}'" for a, b in zip(words, words[1:], strict=False)]
    return " & ".join(dict.fromkeys(pairs)) or None


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""
