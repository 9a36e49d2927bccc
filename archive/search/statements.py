"""The SQL of a search, shared by both databases; a backend only says how to match and rank.

A search is two statements. The first counts the match (up to the cap), builds every facet and,
when results are ranked by relevance, picks the page's ids, all from one materialised set of
matches; the second reads the page's rows. Facets are disjunctive: each counts with every
filter applied except its own, so that other values stay selectable.

A query matching `cap` records or more is counted, faceted and ranked among candidates: every
match in a title or a name (ranked above the rest), then the first `cap` other matches, each
part taken from the matches that pass the filters. A word found in half the archive must not
cost a pass over half the archive; the page says the counts are a lower bound.

Joins are written `CROSS JOIN` with their conditions in WHERE: SQLite then keeps the written
order, so the full-text match always drives (left to itself it may scan every facet row);
PostgreSQL plans them as ordinary inner joins.
"""

from django.contrib.contenttypes.models import ContentType

from archive import dates, registry, translations
from archive.models import SourceKind

from . import kinds
from .forms import SearchParams

FACET_SIZE = 12
# The names part of a candidate ranks above every other match.
NAMES_BONUS = 1_000_000
# Filters on a column with an index of its own (see _first_matches).
INDEXED_FILTERS = {"kind", "source_kind"}


def kind_for_key(key: str):
    return registry.get(key)


def filters(params: SearchParams) -> dict[str, tuple[str, list]]:
    """SQL conditions on `d` (search_document), by the facet each belongs to."""
    found: dict[str, tuple[str, list]] = {}

    def placeholders(values):
        return ", ".join(["%s"] * len(values))

    if params.kinds:
        found["kind"] = (f"d.kind IN ({placeholders(params.kinds)})", list(params.kinds))
    if params.source_kinds:
        found["source_kind"] = (
            f"d.source_kind IN ({placeholders(params.source_kinds)})",
            list(params.source_kinds),
        )
    for name, values in params.facets.items():
        if values:
            found[name] = (
                "EXISTS (SELECT 1 FROM search_facet f WHERE f.document_id = d.id "
                f"AND f.facet = %s AND f.value_id IN ({placeholders(values)}))",
                [name, *values],
            )
    if params.date_from or params.date_to:
        # The one overlap rule (archive.dates), as the browse and admin filters use it.
        found["decade"] = dates.overlap_sql(
            "d.earliest", "d.latest", params.date_from or None, params.date_to or None
        )
    return found


def where(filters: dict[str, tuple[str, list]]) -> tuple[str, list]:
    """The filters as ` AND ...` on `d`, and their values."""
    return (
        "".join(f" AND {sql}" for sql, _ in filters.values()),
        [value for _, values in filters.values() for value in values],
    )


def candidates_sql(backend, query, filters, cap: int, other: tuple[str, list]):
    """SELECT id, rank: matches in titles and names (ranked, above the rest), then `other`
    matches (rank 0); each part at most `cap` rows that pass `filters`."""
    condition = where(filters)
    names, names_values = backend.ranked_sql(query, limit=cap, names_only=True, where=condition)
    return (
        # Double precision: PostgreSQL's ts_rank is a real, too coarse once the bonus is added.
        f"SELECT u.id, MAX(u.rank) AS rank FROM ("
        f"SELECT n.id, CAST(n.rank AS DOUBLE PRECISION) + {NAMES_BONUS} AS rank FROM ({names}) n "
        f"UNION ALL SELECT o.id, 0 AS rank FROM ({other[0]}) o) u GROUP BY u.id",
        [*names_values, *other[1]],
    )


def _first_matches(backend, query, filters, cap: int) -> tuple[str, list, tuple[str, list]]:
    """CTEs ending with `k`, the first `cap` matches; and SQL of the first `cap` matches that
    pass the filters.

    Where the database reads a CTE lazily (`backend.lazy_ctes`), both come from one scan `w`
    that marks each match passing or not: a common word's GIN bitmap is built once, and the
    scan stops when both readers have what they need. Not when a filter has an index of its
    own (kind, source kind): a rare kind would have the shared scan read every match, where
    a scan of their own intersects the match with that index first (measured at 1M: an event
    filter on a name 94 ms alone, 153 ms shared). SQLite's FTS5 reads them as fast alone."""
    if backend.lazy_ctes and not set(filters) & INDEXED_FILTERS:
        condition, values = backend.match_condition(query)
        passes = " AND ".join(sql for sql, _ in filters.values()) or "1 = 1"
        pass_values = where(filters)[1]
        ctes = (
            f"w AS MATERIALIZED (SELECT d.id, CASE WHEN {passes} THEN 1 ELSE 0 END AS pass "
            f"FROM search_document d WHERE {condition}), "
            f"k AS MATERIALIZED (SELECT w.id FROM w LIMIT {cap})"
        )
        other = (f"SELECT w.id FROM w WHERE w.pass = 1 LIMIT {cap}", [])
        return ctes, [*pass_values, *values], other
    first, values = backend.match_sql(query, limit=cap)
    if filters:
        other = backend.match_sql(query, limit=cap, where=where(filters))
    else:
        other = ("SELECT k.id FROM k", [])
    return f"k AS MATERIALIZED ({first})", values, other


def matches_sql(backend, query, filters, cap: int, ranked: bool) -> tuple[str, list]:
    """CTEs: `k`, the first `cap` matches, and `kn`, their number; `m` (id, rank), what is
    counted and faceted: every match when there are fewer than `cap` (ranked over the whole
    text), else the candidates that pass the filters (their counts are then lower bounds, and
    the facets drill down). The branch not chosen is skipped by the database (a false
    constant condition), so a broad query costs one pass.
    """
    first, first_values, other = _first_matches(backend, query, filters, cap)
    if ranked:
        every, every_values = backend.ranked_sql(query, among="SELECT k.id FROM k")
    else:
        every, every_values = "SELECT k.id, 0 AS rank FROM k", []
    capped, capped_values = candidates_sql(backend, query, filters, cap, other)
    return (
        f"{first}, kn AS MATERIALIZED (SELECT COUNT(*) AS n FROM k), "
        f"m AS MATERIALIZED (SELECT e.id, e.rank FROM ({every}) e "
        f"WHERE (SELECT n FROM kn) < {cap} "
        f"UNION ALL SELECT c.id, c.rank FROM ({capped}) c WHERE (SELECT n FROM kn) >= {cap})",
        [*first_values, *every_values, *capped_values],
    )


def search_sql(
    backend, query, filters, cap: int, page: tuple[int, int] | None = None
) -> tuple[str, list]:
    """The first statement. Rows (facet, value, label, count, rank, shown): 'matched' counts
    `m`, then facet values with counts (a facet kind's value with its record's `shown`, to be
    labelled in the page's language); with `page` = (per_page, offset), the page's ids in order
    of relevance as 'hit' rows (the offset moved back to the last page when it lies beyond).
    """
    matches, params = matches_sql(backend, query, filters, cap, ranked=page is not None)
    flags = "".join(
        f", CASE WHEN {sql} THEN 1 ELSE 0 END AS f_{name}" for name, (sql, _) in filters.items()
    )
    params = [*params, *where(filters)[1]]

    def where_flags(own: str | None, *extra: str) -> str:
        conditions = [f"b.f_{name} = 1" for name in filters if name != own] + list(extra)
        return " WHERE " + " AND ".join(conditions) if conditions else ""

    # The source kind's name in the page's language, else in the fallback order.
    source_kind_label = (
        "COALESCE("
        + ", ".join(f"NULLIF(sk.name_{code}, '')" for code in translations.fallback_order())
        + ", sk.name)"
    )
    branches = [
        "SELECT 'matched' AS facet, '' AS value, '' AS label, COUNT(*) AS n, "
        "CAST(NULL AS DOUBLE PRECISION) AS rank, CAST(NULL AS TEXT) AS shown FROM m",
        f"SELECT 'kind', b.kind, '', COUNT(*), NULL, NULL FROM b{where_flags('kind')} "
        f"GROUP BY b.kind",
        f"SELECT 'decade', CAST(b.decade AS TEXT), '', COUNT(*), NULL, NULL FROM b"
        f"{where_flags('decade', 'b.decade IS NOT NULL')} GROUP BY b.decade",
        f"SELECT 'source_kind', b.source_kind, {source_kind_label}, COUNT(*), NULL, NULL FROM b "
        f"JOIN {SourceKind._meta.db_table} sk ON sk.slug = b.source_kind"
        f"{where_flags('source_kind')} GROUP BY b.source_kind, {source_kind_label}",
    ]
    facet_params: list = []
    for kind in kinds.facet_kinds():  # keys checked: safe as SQL literals and names
        name = kind.key
        content_type = ContentType.objects.get_for_model(kind.model).pk
        # Count per value first, then name the values: only published ones have a document.
        # `shown` (long, TOASTed) is made text for the values kept only: cast inside, it was
        # read for every value counted (80 of 140 ms for a common name at 100,000 records).
        branches.append(
            f"SELECT facet, value, label, n, rank, CAST(shown AS TEXT) FROM "
            f"(SELECT '{name}' AS facet, CAST(g.value_id AS TEXT) AS value, "
            f"p.title AS label, g.n AS n, CAST(NULL AS DOUBLE PRECISION) AS rank, "
            f"p.shown AS shown "
            f"FROM (SELECT f.value_id, COUNT(*) AS n FROM b CROSS JOIN search_facet f"
            f"{where_flags(name, 'f.document_id = b.id', f'f.facet = {name!r}')} "
            f"GROUP BY f.value_id) AS g CROSS JOIN search_document p "
            f"WHERE p.content_type_id = %s AND p.object_id = g.value_id "
            f"ORDER BY g.n DESC, p.title LIMIT {FACET_SIZE}) AS t_{name}"
        )
        facet_params.append(content_type)
    if page is not None:
        per_page, offset = int(page[0]), int(page[1])
        shown = where_flags(None)
        last = (
            f"(SELECT CASE WHEN COUNT(*) > {offset} THEN {offset} WHEN COUNT(*) = 0 THEN 0 "
            f"ELSE (COUNT(*) - 1) / {per_page} * {per_page} END FROM b{shown})"
        )
        branches.append(
            f"SELECT * FROM (SELECT 'hit' AS facet, CAST(b.id AS TEXT) AS value, '' AS label, "
            f"0 AS n, b.rank AS rank, NULL AS shown FROM b{shown} ORDER BY b.rank DESC, b.id "
            f"LIMIT {per_page} OFFSET {last}) AS hits"
        )
    sql = (
        f"WITH {matches}, "
        f"b AS MATERIALIZED (SELECT d.id, m.rank, d.kind, d.decade, d.source_kind{flags} "
        f"FROM m CROSS JOIN search_document d WHERE d.id = m.id) " + " UNION ALL ".join(branches)
    )
    return sql, params + facet_params


COLUMNS = (
    "d.id, d.kind, d.title, d.names, d.text, d.title_folded, d.names_folded, d.text_folded, "
    "d.date, d.date_display, d.url, d.source_kind, d.shown"
)


def rows_sql(ids: list[int]) -> tuple[str, list]:
    """The second statement, by relevance: the rows of the page's ids (in any order)."""
    placeholders = ", ".join(["%s"] * len(ids))
    return f"SELECT {COLUMNS} FROM search_document d WHERE d.id IN ({placeholders})", list(ids)


def dated_page_sql(backend, query, filters, params: SearchParams, offset: int):
    """The second statement, by date: dates sort every match, never only the candidates
    ("oldest first" must be true). A plain WHERE with the database's statistics lets it walk
    the date index when the match is broad, and sort the matches when it is narrow."""
    condition, values = backend.match_condition(query, statistics=True)
    extra, filter_values = where(filters)
    direction = "" if params.sort == "date" else " DESC"
    page = (
        f"SELECT d.id, d.earliest FROM search_document d WHERE {condition}{extra} "
        f"ORDER BY d.earliest{direction} NULLS LAST, d.id LIMIT %s OFFSET %s"
    )
    sql = (
        f"SELECT {COLUMNS}, 0 AS rank FROM ({page}) p CROSS JOIN search_document d "
        f"WHERE d.id = p.id ORDER BY p.earliest{direction} NULLS LAST, p.id"
    )
    return sql, [*values, *filter_values, params.per_page, offset]
