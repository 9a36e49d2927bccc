"""What a search backend answers. The SQL around the match (filters, facets, sorting, paging)
is shared; a backend only says how to match, rank and find similar words."""

from contextlib import contextmanager, nullcontext

from django.db import connection

from ..query import ParsedQuery

# Filters for a backend's SQL: conditions on the document `d` as " AND ...", and their values.
NO_FILTER: tuple[str, list] = ("", [])
# In the order they can be emptied: facets point at documents.
INDEX_TABLES = ("search_facet", "search_document", "search_term")


class SearchBackend:
    vendor = ""
    # Rank: larger is better in both backends.
    # Does the database read a materialised CTE only as far as its readers go (PostgreSQL)?
    # SQLite computes it whole.
    lazy_ctes = False
    # May a rebuild build its entries in worker processes, each reading the records on a
    # connection of its own, while it writes (`rebuild.py`)?
    rebuilds_beside = False

    def session(self):
        """A context for the statements of one search (settings they need, if any)."""
        return nullcontext()

    @contextmanager
    def bulk_load(self):
        """A context for filling the index afresh with every record (a full rebuild), inside
        the rebuild's transaction: the index tables are emptied on entry, without a signal
        or a row-by-row delete."""
        with connection.cursor() as cursor:
            for table in INDEX_TABLES:
                cursor.execute(f"DELETE FROM {table}")
        yield

    def word_pairs(self, title_folded: str, names_folded: str, text_folded: str):
        """What an index row keeps of its adjacent word pairs (`archive.search.pairs`), if the
        backend narrows phrases with them; None."""
        return None

    def tidy(self) -> None:
        """After a rebuild has committed: what the database wants done outside a transaction."""

    def match_sql(
        self, query: ParsedQuery, limit: int | None = None, where: tuple[str, list] = NO_FILTER
    ) -> tuple[str, list]:
        """SELECT id FROM ... : the ids of documents matching `query` that pass `where` (at
        most `limit`)."""
        raise NotImplementedError

    def match_condition(
        self, query: ParsedQuery, alias: str = "d", statistics: bool = False
    ) -> tuple[str, list]:
        """A WHERE condition on search_document `alias`: it matches `query`. `statistics`:
        let the database plan with what it knows of the words (see the PostgreSQL backend)."""
        raise NotImplementedError

    def ranked_sql(
        self,
        query: ParsedQuery,
        limit: int | None = None,
        names_only: bool = False,
        where: tuple[str, list] = NO_FILTER,
        among: str | None = None,
    ) -> tuple[str, list]:
        """SELECT id, rank FROM ... : matching ids that pass `where` with a relevance (larger
        is better), ranked among at most `limit` candidates; `names_only` matches titles and
        names only; `among`, SQL of ids known to match: rank those (every match)."""
        raise NotImplementedError

    def names_contain(self, word: str) -> bool:
        """Does any indexed record have `word` (folded) among its names?"""
        raise NotImplementedError

    def similar_words(self, word: str, limit: int = 5) -> list[str]:
        """Lexicon words spelt like `word` (folded), most similar first."""
        raise NotImplementedError


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(): shared trigrams over all trigrams."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


SIMILARITY_THRESHOLD = 0.3  # pg_trgm's default
