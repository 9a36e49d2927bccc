"""Admin search (`?q=`, and the autocomplete boxes) that PostgreSQL answers from indexes.

Django's search is `UPPER(col::text) LIKE UPPER('%term%')` on every search field, OR-ed, with
the related fields (`names__name`, `source__title`) joined into the same WHERE. PostgreSQL
reads that by scanning every row: a LIKE with a leading `%` uses no B-tree, and an OR across
two tables of a join uses no index at all. Here:

- each search field has a pg_trgm GIN index on exactly `UPPER(col::text)` (the migrations'
  `archive.trigram.AddTrigramIndexes`), so a term's OR over one table is a BitmapOr of them;
- a field through a relation becomes its own subquery on its own table, and the term matches
  `pk IN (one UNION another)`: each part reads its own indexes, and no row is repeated, so the
  list needs no DISTINCT or EXISTS wrapper;
- a term shorter than three characters has no trigram to look up ("Li", "Xu"): it matches
  values that *start* with it, which the same index answers (pg_trgm reads a pattern without
  a leading `%` as the start of a word). A longer term matches anywhere in the value.

The same rule runs on SQLite (no indexes there: small archives), so both find the same rows.
Each term of several (`smart_split`, quotes kept together) must match, as in Django; one
record's different names may match different terms.
"""

from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

SHORTEST_SUBSTRING = 3  # pg_trgm's trigrams: a shorter term has none without its word's start


def term_lookup(term: str) -> str:
    return "icontains" if len(term) >= SHORTEST_SUBSTRING else "istartswith"


def search_terms(search_term: str) -> list[str]:
    terms = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        if bit:
            terms.append(bit)
    return terms


def is_through_relation(model, field_name: str) -> bool:
    return "__" in field_name and model._meta.get_field(field_name.split("__")[0]).is_relation


class IndexedSearchMixin:
    """For a ModelAdmin whose `search_fields` are plain field names (no `^`, `=`, `@` or
    lookups): the search above. Other search fields get Django's own search."""

    def get_search_results(self, request, queryset, search_term):
        fields = [str(name) for name in self.get_search_fields(request)]
        terms = search_terms(search_term)
        if not fields or not terms:
            return queryset, False
        if any(name[0] in "^=@" for name in fields):
            return super().get_search_results(request, queryset, search_term)
        model = queryset.model
        own = [name for name in fields if not is_through_relation(model, name)]
        related = [name for name in fields if is_through_relation(model, name)]
        for term in terms:
            lookup = term_lookup(term)
            match = Q.create([(f"{name}__{lookup}", term) for name in own], connector=Q.OR)
            if related:
                manager = model._default_manager
                parts = [manager.filter(match)] if own else []
                parts += [manager.filter(**{f"{name}__{lookup}": term}) for name in related]
                parts = [part.order_by().values("pk") for part in parts]
                match = Q(pk__in=parts[0].union(*parts[1:]))
            queryset = queryset.filter(match)
        return queryset, False
