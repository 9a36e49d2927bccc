"""Running a search: the shared SQL around a backend's match for results, facets and counts.

Two queries answer a search: one for every facet at once (which also gives the total), one for
the page of results. A query that finds nothing is tried once more with misspelt words widened
to lexicon names spelt like them (trigram similarity). Facets are disjunctive: each counts with
every filter applied except its own, so that other values stay selectable. A query that matches
more than CANDIDATES records is counted and ranked among candidates (see below).

Joins are written `CROSS JOIN` with their conditions in WHERE: SQLite then keeps the written
order, so the full-text match always drives (left to itself it may scan every facet row);
PostgreSQL plans them as ordinary inner joins.
"""

import datetime
from dataclasses import dataclass, field
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.functional import cached_property
from django.utils.html import strip_tags

from archive import registry as kinds
from archive.models import SourceKind

from . import backends
from .forms import SearchParams
from .models import SearchTerm
from .query import ParsedQuery, parse
from .registry import registrations
from .snippets import highlight, snippet

FACET_SIZE = 12
FUZZY_WORDS = 3
# A query matching more documents than this is counted, faceted and ranked among candidates:
# every match in a title or a name (ranked), then the first CANDIDATES other matches. A word
# found in half the archive must not cost a pass over half the archive; the page says the
# counts are a lower bound. Sorting by date always sorts every match.
CANDIDATES = 2_000


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Hit:
    id: int
    kind: str
    title: str
    names: str
    text: str
    title_folded: str
    names_folded: str
    text_folded: str
    date_display: str
    url: str
    source_kind: str
    rank: float
    words: set[str] = field(default_factory=set, repr=False)

    @property
    def kind_label(self) -> str:
        kind = kind_for_key(self.kind)
        return kind.label if kind else self.kind

    @cached_property
    def title_html(self):
        return highlight(self.title, self.title_folded, self.words)

    @cached_property
    def snippet_html(self):
        if self.words and set(self.text_folded.split(" ")) & self.words:
            return snippet(self.text, self.text_folded, self.words)
        if self.words and set(self.names_folded.split(" ")) & self.words:
            return snippet(self.names, self.names_folded, self.words, separator=" · ")
        return snippet(self.text, self.text_folded, set())

    @property
    def snippet_text(self) -> str:
        return unescape(strip_tags(self.snippet_html))


@dataclass
class Results:
    params: SearchParams
    query: ParsedQuery
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    similar: dict[str, list[str]] = field(default_factory=dict)
    exact: bool = True  # False: the total and facet counts are lower bounds (see CANDIDATES)

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.params.per_page))

    @property
    def page(self) -> int:
        return min(self.params.page, self.num_pages)

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.params.per_page + 1 if self.total else 0

    @property
    def end_index(self) -> int:
        return min(self.page * self.params.per_page, self.total)


def kind_for_key(key: str):
    return next((k for k in kinds.kinds() if k.key == key), None)


def kind_keys() -> list[str]:
    keys = []
    for registration in registrations():
        kind = kinds.kind_for_model(registration.model)
        if kind:
            keys.append(kind.key)
    return keys


def _filters(params: SearchParams) -> dict[str, tuple[str, list]]:
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
    for name, values in (("place", params.places), ("person", params.persons)):
        if values:
            found[name] = (
                "EXISTS (SELECT 1 FROM search_facet f WHERE f.document_id = d.id "
                f"AND f.facet = %s AND f.value_id IN ({placeholders(values)}))",
                [name, *values],
            )
    if params.date_from or params.date_to:
        conditions, values = ["(d.earliest IS NOT NULL OR d.latest IS NOT NULL)"], []
        if params.date_from:
            conditions.append("(d.latest IS NULL OR d.latest >= %s)")
            values.append(datetime.date(params.date_from, 1, 1))
        if params.date_to:
            conditions.append("(d.earliest IS NULL OR d.earliest <= %s)")
            values.append(datetime.date(params.date_to, 12, 31))
        found["decade"] = (" AND ".join(conditions), values)
    return found


def _facets_sql(match: tuple[str, list], filters: dict[str, tuple[str, list]]):
    """One statement for every facet; its 'matched' row counts the (capped) match."""
    match_sql, params = match
    flags = "".join(
        f", CASE WHEN {sql} THEN 1 ELSE 0 END AS f_{name}" for name, (sql, _) in filters.items()
    )
    for _, values in filters.values():
        params = [*params, *values]

    def where(own: str, *extra: str) -> str:
        conditions = [f"b.f_{name} = 1" for name in filters if name != own] + list(extra)
        return " WHERE " + " AND ".join(conditions) if conditions else ""

    branches = [
        "SELECT 'matched' AS facet, '' AS value, '' AS label, COUNT(*) AS n FROM m",
        f"SELECT 'kind', b.kind, '', COUNT(*) FROM b{where('kind')} GROUP BY b.kind",
        f"SELECT 'decade', CAST(b.decade AS TEXT), '', COUNT(*) FROM b"
        f"{where('decade', 'b.decade IS NOT NULL')} GROUP BY b.decade",
        f"SELECT 'source_kind', b.source_kind, sk.name, COUNT(*) FROM b "
        f"JOIN {SourceKind._meta.db_table} sk ON sk.slug = b.source_kind"
        f"{where('source_kind')} GROUP BY b.source_kind, sk.name",
    ]
    facet_params: list = []
    for name in ("place", "person"):
        kind = kind_for_key(name)
        if kind is None:
            continue
        content_type = ContentType.objects.get_for_model(kind.model).pk
        # Count per value first, then name the values: only published ones have a document.
        branches.append(
            f"SELECT * FROM (SELECT '{name}' AS facet, CAST(g.value_id AS TEXT) AS value, "
            f"p.title AS label, g.n AS n FROM (SELECT f.value_id, COUNT(*) AS n "
            f"FROM b CROSS JOIN search_facet f"
            f"{where(name, 'f.document_id = b.id', f'f.facet = {name!r}')} "
            f"GROUP BY f.value_id) AS g CROSS JOIN search_document p "
            f"WHERE p.content_type_id = %s AND p.object_id = g.value_id "
            f"ORDER BY g.n DESC, p.title LIMIT {FACET_SIZE}) AS t_{name}"
        )
        facet_params.append(content_type)
    sql = (
        f"WITH m AS MATERIALIZED ({match_sql}), "
        f"b AS MATERIALIZED (SELECT d.id, d.kind, d.decade, d.source_kind{flags} "
        f"FROM m CROSS JOIN search_document d WHERE d.id = m.id) " + " UNION ALL ".join(branches)
    )
    return sql, params + facet_params


def _candidates_sql(backend, query, filters=None) -> tuple[str, list]:
    """SELECT id, rank: matches in titles and names (ranked, first), then other matches; each
    part at most CANDIDATES rows that pass `filters`."""
    filters = filters or {}
    where = "".join(f" AND {sql}" for sql, _ in filters.values())
    filter_values = [value for _, values in filters.values() for value in values]
    names, names_values = backend.ranked_sql(query, names_only=True)
    other, other_values = backend.match_sql(query)
    return (
        f"SELECT u.id, MAX(u.rank) AS rank FROM ("
        f"SELECT * FROM (SELECT n.id, n.rank + 1000000 AS rank FROM ({names}) n "
        f"CROSS JOIN search_document d WHERE d.id = n.id{where} LIMIT {CANDIDATES}) AS un "
        f"UNION ALL SELECT * FROM (SELECT o.id, 0 AS rank FROM ({other}) o "
        f"CROSS JOIN search_document d WHERE d.id = o.id{where} LIMIT {CANDIDATES}) AS uo"
        f") u GROUP BY u.id",
        [*names_values, *filter_values, *other_values, *filter_values],
    )


def _page_sql(backend, query, filters, params: SearchParams, offset: int, capped: bool):
    """The page: ids are ordered and cut to the page first, then joined to their rows."""
    columns = (
        "d.id, d.kind, d.title, d.names, d.text, d.title_folded, d.names_folded, d.text_folded, "
        "d.date_display, d.url, d.source_kind"
    )
    where = "".join(f" AND {sql}" for sql, _ in filters.values())
    filter_values = [value for _, values in filters.values() for value in values]
    if params.sort == "relevance":
        if capped:
            inner, values = _candidates_sql(backend, query, filters)
            where, filter_values = "", []  # the candidates are filtered already
        else:
            inner, values = backend.ranked_sql(query)
    else:
        # Dates sort every match, never only the candidates: "oldest first" must be true.
        # A plain WHERE lets the database walk the date index when the match is broad.
        condition, values = backend.match_condition(query)
        direction = "" if params.sort == "date" else " DESC"
        page = (
            f"SELECT d.id, 0 AS rank, d.earliest FROM search_document d WHERE {condition}{where} "
            f"ORDER BY d.earliest{direction} NULLS LAST, d.id LIMIT %s OFFSET %s"
        )
        sql = (
            f"SELECT {columns}, p.rank FROM ({page}) p CROSS JOIN search_document d "
            f"WHERE d.id = p.id ORDER BY p.earliest{direction} NULLS LAST, p.id"
        )
        return sql, [*values, *filter_values, params.per_page, offset]
    joined = f" CROSS JOIN search_document d WHERE d.id = m.id{where}" if where else ""
    page = f"SELECT m.id, m.rank FROM ({inner}) m{joined} ORDER BY m.rank DESC, m.id"
    page += " LIMIT %s OFFSET %s"
    sql = (
        f"SELECT {columns}, p.rank FROM ({page}) p CROSS JOIN search_document d "
        f"WHERE d.id = p.id ORDER BY p.rank DESC, p.id"
    )
    return sql, [*values, *filter_values, params.per_page, offset]


def _facets(backend, query, params, filters):
    """Facet values with counts, the total, and whether both are exact.

    Counted over the candidates (every match, when there are fewer than CANDIDATES). When a
    filtered query has more, they are counted over candidates that pass the filters: the
    total stays a true lower bound, the facets then drill down. Which of the two applies is
    decided inside the one statement (`_candidate_ids_sql`), never by a second statement.
    """
    sql, values = _facets_sql(_candidate_ids_sql(backend, query, filters), filters)
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
    selected = {
        "kind": set(params.kinds),
        "source_kind": set(params.source_kinds),
        "place": {str(v) for v in params.places},
        "person": {str(v) for v in params.persons},
        "decade": set(),
    }
    if params.date_from and params.date_to and params.date_to - params.date_from == 9:
        selected["decade"].add(str(params.date_from))
    facets: dict[str, list[FacetValue]] = {
        "kind": [], "decade": [], "place": [], "person": [], "source_kind": []
    }  # fmt: skip
    matched = 0
    for facet, value, label, count in rows:
        if facet == "matched":
            matched = count
            continue
        if facet == "kind":
            kind = kind_for_key(value)
            label = kind.plural if kind else value
        elif facet == "decade":
            label = f"{value}s"
        facets[facet].append(FacetValue(str(value), label, count, str(value) in selected[facet]))
    facets["kind"].sort(key=lambda v: -v.count)
    facets["decade"].sort(key=lambda v: int(v.value))
    facets["source_kind"].sort(key=lambda v: -v.count)
    counted = [v.count for v in facets["kind"] if not params.kinds or v.value in params.kinds]
    return facets, sum(counted), matched < CANDIDATES


def _candidate_ids_sql(backend, query, filters) -> tuple[str, list]:
    """SELECT id of the candidates to count: without filters when the query matches fewer
    than CANDIDATES records (then they are every match), else those that pass the filters.

    The candidates without filters number CANDIDATES or more exactly when the match does, so
    one count of the match (stopped at CANDIDATES) chooses; the branch not chosen is skipped
    by the database (a false constant condition), so a broad filtered query costs one pass.
    """
    candidates, values = _candidates_sql(backend, query)
    if not filters:
        return f"SELECT c.id FROM ({candidates}) c", values
    filtered, filtered_values = _candidates_sql(backend, query, filters)
    match, match_values = backend.match_sql(query, limit=CANDIDATES)
    return (
        f"WITH k AS MATERIALIZED (SELECT COUNT(*) AS n FROM ({match}) k) "
        f"SELECT c.id FROM ({candidates}) c WHERE (SELECT n FROM k) < {CANDIDATES} "
        f"UNION ALL SELECT c.id FROM ({filtered}) c WHERE (SELECT n FROM k) >= {CANDIDATES}",
        [*match_values, *values, *filtered_values],
    )


def _similar_words(backend, query: ParsedQuery) -> dict[str, list[str]]:
    """Lexicon names spelt like the query's single words that no record has as a name."""
    single = [p.words[0] for c in query.clauses for p in c if len(p.words) == 1]
    single = [w for w in dict.fromkeys(single) if len(w) >= 4 and not w.isdigit()][:FUZZY_WORDS]
    if not single:
        return {}
    known = set(SearchTerm.objects.filter(word__in=single).values_list("word", flat=True))
    similar = {}
    for word in single:
        if word not in known:
            words = [w for w in backend.similar_words(word) if w != word]
            if words:
                similar[word] = words
    return similar


def search(params: SearchParams) -> Results:
    query = parse(params.q)
    results = Results(params=params, query=query)
    if not query:
        return results
    backend = backends.get()
    filters = _filters(params)
    results.facets, results.total, results.exact = _facets(backend, query, params, filters)
    if results.total == 0:
        similar = _similar_words(backend, query)
        if similar:
            query = query.with_alternatives(similar)
            results.query, results.similar = query, similar
            results.facets, results.total, results.exact = _facets(backend, query, params, filters)
    if results.total == 0:
        return results
    offset = (results.page - 1) * params.per_page
    sql, values = _page_sql(backend, query, filters, params, offset, capped=not results.exact)
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
    words = query.words
    results.hits = [Hit(*row, words=words) for row in rows]
    return results
