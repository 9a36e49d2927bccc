"""The search page's parameters, read from the URL. Nothing a visitor types is an error:
values that do not make sense are left out."""

import re
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext_noop

# Labels marked here, translated where the page shows them (the keys are the URL's values).
SORTS = {
    "relevance": gettext_noop("Relevance"),
    "date": gettext_noop("Date, oldest first"),
    "-date": gettext_noop("Date, newest first"),
}
FORMATS = ("html", "json", "csv")
PER_PAGE = 20
MAX_PAGE = 500
_SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def _ints(values: list[str], limit: int = 20) -> list[int]:
    found = []
    for value in values[:limit]:
        value = value.strip()
        if value.isascii() and value.isdigit() and len(value) < 19:
            found.append(int(value))
    return list(dict.fromkeys(found))


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    if value.isascii() and value.isdigit() and len(value) <= 4 and 1 <= int(value) <= 9999:
        return int(value)
    return None


@dataclass
class SearchParams:
    q: str = ""
    kinds: list[str] = field(default_factory=list)
    source_kinds: list[str] = field(default_factory=list)
    # Facet kind key ("place", "person"...) → selected primary keys (`?person=12`).
    facets: dict[str, list[int]] = field(default_factory=dict)
    date_from: int | None = None
    date_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    format: str = "html"

    @classmethod
    def from_query(cls, data: QueryDict, kind_keys, facet_keys=()) -> "SearchParams":
        kind_keys = set(kind_keys)
        params = cls(
            q=data.get("q", "")[:10_000],
            kinds=[k for k in dict.fromkeys(data.getlist("kind")) if k in kind_keys],
            source_kinds=[
                s for s in dict.fromkeys(data.getlist("source_kind")[:20]) if _SLUG_RE.match(s)
            ],
            facets={key: values for key in facet_keys if (values := _ints(data.getlist(key)))},
            date_from=_year(data.get("from")),
            date_to=_year(data.get("to")),
            sort=data.get("sort") if data.get("sort") in SORTS else "relevance",
            format=data.get("format") if data.get("format") in FORMATS else "html",
        )
        if params.date_from and params.date_to and params.date_from > params.date_to:
            params.date_from, params.date_to = params.date_to, params.date_from
        page = _ints([data.get("page", "1")])
        params.page = min(max(page[0] if page else 1, 1), MAX_PAGE)
        return params

    @property
    def filtered(self) -> bool:
        return bool(
            self.kinds or self.source_kinds or self.facets or self.date_from or self.date_to
        )  # fmt: skip
