"""Running a search: results, facets and counts from two statements (archive.search.
statements): one for every facet, the total and the page's ids, one for the page's rows. A
query that finds nothing is tried once more with misspelt words widened to lexicon names spelt
like them (trigram similarity).
"""

import json
from dataclasses import dataclass, field
from html import unescape

from django.db import connection
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from archive import translations
from archive.dates import describe
from archive.translations import LocalText

from . import backends, kinds, statements
from .folding import fold_words
from .forms import SearchParams
from .models import SearchTerm
from .query import ParsedQuery, parse
from .snippets import highlight, snippet
from .statements import kind_for_key

FUZZY_WORDS = 3
# Query words, and e's in each, that may be an Azerbaijani ə (see _schwa_spellings).
SCHWA_WORDS = 5
SCHWA_LETTERS = 3
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


def _shown(value) -> dict:
    """`search_document.shown` as read: a raw cursor gives JSON as text on SQLite (and on
    PostgreSQL, as Django registers it, or cast to text)."""
    if isinstance(value, str):
        value = json.loads(value)
    return value or {}


def local_title(title: str, shown: dict) -> LocalText:
    """A record's title in the page's language, else in the fallback order, from its stored
    `title` (English, else the fallback) and `shown["titles"]`. A title written in no
    particular language (a source's, as published; a name) is the stored one."""
    titles = shown.get("titles") or {}
    default = translations.default_language()
    for lang in translations.fallback_order():
        if titles.get(lang):
            return LocalText(titles[lang], lang)
        if lang == default and title not in titles.values():
            return LocalText(title, "")  # its own name, before another language's
    return LocalText(title, "")


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
    date: str
    date_display: str
    url: str
    source_kind: str
    shown: dict | str | None
    rank: float
    words: set[str] = field(default_factory=set, repr=False)

    def __post_init__(self):
        self.shown = _shown(self.shown)

    @property
    def date_words(self) -> str:
        """The date in the language of the page: written from the stored EDTF now, not at
        index time; a span (a lifetime) in the kind's own words; `date_display` is for
        records with neither (a free-text date)."""
        if self.date:
            return describe(self.date)
        kind = kind_for_key(self.kind)
        span = self.shown.get("dates")
        if span and kind is not None and kind.search and kind.search.date_words:
            return kind.search.date_words(*span)
        return self.date_display

    @property
    def kind_label(self) -> str:
        kind = kind_for_key(self.kind)
        return kind.label if kind else self.kind

    @cached_property
    def local_title(self) -> LocalText:
        """The title in the page's language, else in the fallback order; a title written in
        no particular language (a source's, as published) is the stored one."""
        return local_title(self.title, self.shown)

    @cached_property
    def title_html(self):
        title = self.local_title.text
        folded = self.title_folded if title == self.title else fold_words(title)
        return highlight(title, folded, self.words)

    @cached_property
    def _snippet(self) -> tuple[SafeString, str]:
        """The snippet and its language: the record's own words in the page's language,
        else in the fallback order, the first with a match (a record found by its Russian
        words shows them on /az/, marked); then the rest of its text, then its names."""
        texts = self.shown.get("texts") or {}
        own = [(texts[lang], lang) for lang in translations.fallback_order() if texts.get(lang)]
        if self.words:
            for text, lang in own:
                folded = fold_words(text)
                if set(folded.split(" ")) & self.words:
                    return snippet(text, folded, self.words), lang
            if set(self.text_folded.split(" ")) & self.words:
                return snippet(self.text, self.text_folded, self.words), ""
            if set(self.names_folded.split(" ")) & self.words:
                return snippet(self.names, self.names_folded, self.words, separator=" · "), ""
        if own:
            return snippet(own[0][0], fold_words(own[0][0]), set()), own[0][1]
        return snippet(self.text, self.text_folded, set()), ""

    @property
    def snippet_html(self):
        return self._snippet[0]

    @property
    def local_snippet(self) -> LocalText:
        """The snippet's language, for its `lang` (`{% text_attrs hit.local_snippet %}`)."""
        return LocalText(self.snippet_text, self._snippet[1])

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


def kind_keys() -> list[str]:
    return kinds.keys()


def facet_keys() -> list[str]:
    """The facets beyond kind, date and source kind: one per facet kind, in registry order."""
    return kinds.facet_keys()


def _first_statement(backend, query, params, filters, page):
    """Facet values with counts, the total, whether both are exact, and (by relevance) the
    page's (id, rank) in order."""
    sql, values = statements.search_sql(backend, query, filters, CANDIDATES, page)
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
    selected = {
        "kind": set(params.kinds),
        "source_kind": set(params.source_kinds),
        "decade": set(),
        **{key: {str(v) for v in params.facets.get(key, ())} for key in facet_keys()},
    }
    if params.date_from and params.date_to and params.date_to - params.date_from == 9:
        selected["decade"].add(str(params.date_from))
    facets: dict[str, list[FacetValue]] = {
        "kind": [], "decade": [], **{key: [] for key in facet_keys()}, "source_kind": []
    }  # fmt: skip
    matched, hits = 0, []
    for facet, value, label, count, rank, shown in rows:
        if facet == "matched":
            matched = count
            continue
        if facet == "hit":
            hits.append((int(value), rank))
            continue
        if facet == "kind":
            kind = kind_for_key(value)
            label = kind.plural if kind else value
        elif facet == "decade":
            label = f"{value}s"
        elif shown:  # a facet kind's record: named in the page's language
            label = local_title(label, _shown(shown)).text
        facets[facet].append(FacetValue(str(value), label, count, str(value) in selected[facet]))
    facets["kind"].sort(key=lambda v: -v.count)
    facets["decade"].sort(key=lambda v: int(v.value))
    facets["source_kind"].sort(key=lambda v: -v.count)
    counted = [v.count for v in facets["kind"] if not params.kinds or v.value in params.kinds]
    return facets, sum(counted), matched < CANDIDATES, hits


def _schwa_spellings(query: ParsedQuery) -> dict[str, list[str]]:
    """Lexicon names that a query word may stand for, spelt with e where the name has ə.

    Folding writes Azerbaijani ə as a (Məmmədov, Mammadov), but it is romanised as e about as
    often (Nəsimi: Nasimi, Nesimi; Bəhlulzadə: Bahlulzade). Each e of a single query word may
    be a folded ə: the variants with a in its place are looked up among the names the archive
    holds (one query), and those found are searched too.
    """
    variants: dict[str, list[str]] = {}
    for word in _single_words(query)[:SCHWA_WORDS]:
        places = [i for i, letter in enumerate(word) if letter == "e"][:SCHWA_LETTERS]
        for mask in range(1, 2 ** len(places)):
            letters = list(word)
            for bit, place in enumerate(places):
                if mask >> bit & 1:
                    letters[place] = "a"
            variants.setdefault(word, []).append("".join(letters))
    if not variants:
        return {}
    wanted = {variant for found in variants.values() for variant in found}
    known = set(SearchTerm.objects.filter(word__in=wanted).values_list("word", flat=True))
    spellings = {word: [v for v in found if v in known] for word, found in variants.items()}
    return {word: found for word, found in spellings.items() if found}


def _single_words(query: ParsedQuery) -> list[str]:
    """The query's words that stand alone (not in a phrase), long enough to be names."""
    single = [p.words[0] for c in query.clauses for p in c if len(p.words) == 1]
    return [w for w in dict.fromkeys(single) if len(w) >= 4 and not w.isdigit()]


def _similar_words(backend, query: ParsedQuery) -> dict[str, list[str]]:
    """Lexicon names spelt like the query's single words that no record has as a name."""
    single = _single_words(query)[:FUZZY_WORDS]
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
    with backend.session():
        _answer(backend, query, params, results)
    return results


def _answer(backend, query, params: SearchParams, results: Results) -> None:
    spellings = _schwa_spellings(query)
    if spellings:
        query = query.with_alternatives(spellings)
        results.query = query
    filters = statements.filters(params)
    by_relevance = params.sort == "relevance"
    page = (params.per_page, (params.page - 1) * params.per_page) if by_relevance else None
    results.facets, results.total, results.exact, hits = _first_statement(
        backend, query, params, filters, page
    )
    if results.total == 0:
        similar = _similar_words(backend, query)
        if similar:
            query = query.with_alternatives(similar)
            results.query, results.similar = query, similar
            results.facets, results.total, results.exact, hits = _first_statement(
                backend, query, params, filters, page
            )
    if results.total == 0:
        return
    if by_relevance:
        sql, values = statements.rows_sql([pk for pk, _ in hits])
    else:
        offset = (results.page - 1) * params.per_page
        sql, values = statements.dated_page_sql(backend, query, filters, params, offset)
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        rows = cursor.fetchall()
    words = query.words
    if by_relevance:
        ranks = dict(hits)
        found = {row[0]: row for row in rows}
        rows = [(*found[pk], ranks[pk]) for pk, _ in hits if pk in found]
    results.hits = [Hit(*row, words=words) for row in rows]
