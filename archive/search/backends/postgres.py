"""PostgreSQL: a generated, weighted tsvector with a GIN index; pg_trgm over the lexicon.

Phrases: a GIN index over the keys of each record's adjacent word pairs (`word_pairs`, made
by `archive.search.pairs`, migration 0006) narrows them first; the phrase itself is checked on
the few rows left, so the pair condition is only a necessary one (it never drops a match).
"""

from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction

from ..pairs import document_keys, phrase_keys
from ..query import ParsedQuery
from .base import INDEX_TABLES, NO_FILTER, SIMILARITY_THRESHOLD, SearchBackend

# The query as the planner sees it. Opaque (an InitPlan), PostgreSQL assumes a selective match
# and reads it from the GIN index. With the query's statistics, for a word in a fifth of the
# records it reads "the first 2,000 matches" by scanning the table and detoasting every row's
# vector, because `@@` is costed as cheap as `=` (3-5 times slower, measured). Only the date
# sort wants the statistics: walking the date index is right for a broad word.
_TSQUERY = "to_tsquery('simple'::regconfig, %s)"
_OPAQUE_TSQUERY = f"(SELECT {_TSQUERY})"
_WEIGHTS = "'{0.1, 0.2, 0.5, 1.0}'"  # text, -, names, title


class PostgresBackend(SearchBackend):
    vendor = "postgresql"
    lazy_ctes = True
    rebuilds_beside = True

    @contextmanager
    def session(self):
        # SET LOCAL: the memory is asked for this search's transaction only (savepoint=False:
        # inside a transaction already, the setting lasts until that one ends).
        with transaction.atomic(savepoint=False):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('work_mem', %s, true)", [settings.SEARCH_WORK_MEM]
                )
            yield

    @contextmanager
    def bulk_load(self):
        """Inside the rebuild's transaction: the index tables are truncated and their GIN
        indexes dropped while the rows go in, then built again in one sorted pass each (an
        index insert per record was most of a rebuild). The definitions are read back from
        the catalogue, so they stay those of the migrations; should the rebuild fail, the
        rollback brings back the indexes and the rows as they were. Searches wait for the
        commit (TRUNCATE locks the tables) instead of reading a half-filled index."""
        if not connection.in_atomic_block:
            raise RuntimeError("bulk_load() needs a transaction: the index comes back on failure")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename = 'search_document' AND indexdef LIKE %s",
                ["% USING gin %"],
            )
            deferred = cursor.fetchall()
            # Pending deferred foreign-key checks (rows this transaction wrote) forbid TRUNCATE.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"TRUNCATE {', '.join(INDEX_TABLES)}")
            for name, _ in deferred:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        yield
        with connection.cursor() as cursor:
            # Deferred foreign-key checks must run before an index is made.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for _, definition in deferred:
                cursor.execute(definition)
            # Fresh statistics: the date sort's plan depends on how common words are.
            cursor.execute(f"ANALYZE {', '.join(INDEX_TABLES)}")

    def word_pairs(self, title_folded: str, names_folded: str, text_folded: str):
        return document_keys(title_folded, names_folded, text_folded)

    def tidy(self):
        """A visibility map, without which the facet counts' index-only scans visit the heap
        (p50 48 -> 27 ms at 100,000 records): VACUUM, which no transaction may hold."""
        if connection.in_atomic_block:
            return
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(INDEX_TABLES)}")

    def match_sql(self, query: ParsedQuery, limit: int | None = None, where=NO_FILTER):
        condition, values = self.match_condition(query)
        return (
            f"SELECT d.id FROM search_document d WHERE {condition}{where[0]}{_limit(limit)}",
            [*values, *where[1]],
        )

    def match_condition(self, query: ParsedQuery, alias: str = "d", statistics=False):
        tsquery = _TSQUERY if statistics else _OPAQUE_TSQUERY
        condition = f"{alias}.search_vector @@ {tsquery}"
        pairs = word_pairs(query)
        if pairs is None:
            return condition, [query.tsquery()]
        if statistics:
            return f"{alias}.word_pairs @> %s::integer[] AND {condition}", [pairs, query.tsquery()]
        # The pairs alone are read from an index; the phrase is then checked on the few rows
        # left. ts_match_vq() is `@@` that no index answers: the planner would otherwise
        # intersect the pairs with the bitmap of every record holding the words (40 ms at 1M).
        return (
            f"{alias}.word_pairs @> (SELECT %s::integer[]) "
            f"AND ts_match_vq({alias}.search_vector, {tsquery})",
            [pairs, query.tsquery()],
        )

    def ranked_sql(self, query, limit=None, names_only=False, where=NO_FILTER, among=None):
        # Normalisation 1: divide by 1 + log(length).
        if among:
            return (
                f"SELECT x.id, ts_rank({_WEIGHTS}, d.search_vector, {_OPAQUE_TSQUERY}, 1) AS rank "
                f"FROM ({among}) x CROSS JOIN search_document d WHERE d.id = x.id",
                [query.tsquery()],
            )
        if not names_only:
            condition, values = self.match_condition(query)
            return (
                f"SELECT c.id, ts_rank({_WEIGHTS}, c.search_vector, {_OPAQUE_TSQUERY}, 1) AS rank "
                f"FROM (SELECT d.id, d.search_vector FROM search_document d "
                f"WHERE {condition}{where[0]}{_limit(limit)}) AS c",
                [query.tsquery(), *values, *where[1]],
            )
        # `names_vector` (titles and names only) is small and stays inline: cheap to rank.
        # Only the words are looked for there; exclusions hold for the whole record.
        words = query.positive().tsquery()
        condition, values = f"d.names_vector @@ {_OPAQUE_TSQUERY}", [words]
        if query.excluded:
            condition += f" AND d.search_vector @@ {_OPAQUE_TSQUERY}"
            values.append(query.tsquery())
        return (
            f"SELECT c.id, ts_rank({_WEIGHTS}, c.names_vector, {_OPAQUE_TSQUERY}, 1) AS rank "
            f"FROM (SELECT d.id, d.names_vector FROM search_document d "
            f"WHERE {condition}{where[0]}{_limit(limit)}) AS c",
            [words, *values, *where[1]],
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


def word_pairs(query: ParsedQuery) -> list[int] | None:
    """The keys of the adjacent word pairs every match must contain, from the phrases that
    make up a whole clause on their own; None when there are none."""
    keys: list[int] = []
    for clause in query.clauses:
        if len(clause) != 1:
            continue  # a phrase in an `or` is not required
        keys += phrase_keys(clause[0].words) or []
    return list(dict.fromkeys(keys)) or None


def _limit(limit: int | None) -> str:
    return f" LIMIT {int(limit)}" if limit else ""
