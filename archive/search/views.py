"""/search/: one search across every published record, as HTML, JSON or CSV."""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from archive import dates, registry

from . import engine
from .forms import SORTS, SearchParams

MAX_EXPORT = 1000  # rows in a CSV export
# The facets every search has; each facet kind adds its own, titled with its label and
# selected by a URL parameter that is its key (`?place=3`, `?person=12`).
FACET_TITLES = {"kind": _("Kind"), "decade": _("Date"), "source_kind": _("Source kind")}


def facet_title(name: str) -> str:
    if name in FACET_TITLES:
        return FACET_TITLES[name]
    kind = registry.get(name)
    return gettext(kind.label) if kind else name


def facet_label(name: str, value) -> str:
    """A facet value as the page shows it, in the page's language (the JSON keeps English)."""
    if name == "kind":
        return gettext(value.label)  # a kind's plural, marked where the kind is registered
    if name == "decade":
        return dates.decade_label(int(value.value))  # as the timeline writes it
    return value.label


def _csv_cell(value) -> str:
    text = str(value)
    # A spreadsheet must not run a cell as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class SearchView(TemplateView):
    template_name = "search/search.html"
    results_template_name = "search/_results.html"

    def get(self, request, *args, **kwargs):
        params = SearchParams.from_query(request.GET, engine.kind_keys(), engine.facet_keys())
        if params.format == "csv":
            params.per_page, params.page = MAX_EXPORT, 1
        results = engine.search(params)
        if params.format == "json":
            return JsonResponse(self.as_json(results), json_dumps_params={"ensure_ascii": False})
        if params.format == "csv":
            return self.as_csv(results)
        if request.GET.get("results_only"):
            self.template_name = self.results_template_name
        return self.render_to_response(self.get_context_data(results=results, params=params))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results, params = context["results"], context["params"]
        query = self.request.GET.copy()
        for name in ("page", "results_only", "format"):
            query.pop(name, None)
        context.update(
            query=params.q,
            candidates=engine.CANDIDATES,
            facets=self.facet_groups(results, query),
            sorts=[(key, gettext(label), key == params.sort) for key, label in SORTS.items()],
            hidden=[
                (name, value)
                for name in ("kind", *engine.facet_keys(), "source_kind", "from", "to")
                for value in query.getlist(name)
            ],
            pages=self.page_links(results, query),
            json_url="?" + self._encode(query, format="json", page=str(results.page)),
            csv_url="?" + self._encode(query, format="csv"),
            clear_url="?" + self._encode(query, keep=("q", "sort")),
        )
        return context

    @staticmethod
    def _encode(query, keep=None, **changes) -> str:
        query = query.copy()
        if keep is not None:
            for name in list(query):
                if name not in keep:
                    query.pop(name)
        for name, value in changes.items():
            query[name] = value
        return query.urlencode()

    def facet_groups(self, results, query):
        groups = []
        for name, values in results.facets.items():
            items = []
            for value in values:
                toggled = query.copy()
                toggled.pop("page", None)
                if name == "decade":
                    if value.selected:
                        toggled.pop("from", None)
                        toggled.pop("to", None)
                    else:
                        toggled["from"], toggled["to"] = value.value, str(int(value.value) + 9)
                else:
                    current = toggled.getlist(name)  # a facet's URL parameter is its name
                    if value.selected:
                        current = [v for v in current if v != value.value]
                    else:
                        current = [*current, value.value]
                    toggled.setlist(name, current)
                items.append((value, "?" + toggled.urlencode(), facet_label(name, value)))
            if items:
                groups.append({"name": name, "title": facet_title(name), "items": items})
        return groups

    def page_links(self, results, query):
        if results.num_pages <= 1:
            return {}
        page = results.page

        def link(number):
            return "?" + self._encode(query, page=str(number))

        return {
            "previous": link(page - 1) if page > 1 else "",
            "next": link(page + 1) if page < results.num_pages else "",
            "number": page,
            "count": results.num_pages,
        }

    def as_json(self, results) -> dict:
        request = self.request
        return {
            "query": results.params.q[:1000],
            "total": results.total,
            "page": results.page,
            "pages": results.num_pages,
            "per_page": results.params.per_page,
            "sort": results.params.sort,
            "similar_spellings": results.similar,
            # False: so many match that total and facet counts are lower bounds (engine.CANDIDATES).
            "exact": results.exact,
            "results": [
                {
                    "kind": hit.kind,
                    "kind_label": hit.kind_label,
                    "title": hit.local_title.text,
                    "title_language": hit.local_title.lang,
                    "url": request.build_absolute_uri(hit.url),
                    "date": hit.date_words,
                    "snippet": hit.snippet_text,
                    "snippet_language": hit.local_snippet.lang,
                    "snippet_html": str(hit.snippet_html),
                    "rank": round(float(hit.rank), 6),
                }
                for hit in results.hits
            ],
            "facets": {
                name: [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                    for v in values
                ]
                for name, values in results.facets.items()
            },
        }

    def as_csv(self, results) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="search-results.csv"'
        writer = csv.writer(response)
        writer.writerow(["kind", "title", "date", "url", "snippet"])
        for hit in results.hits:
            writer.writerow(
                _csv_cell(value)
                for value in (
                    hit.kind_label,
                    hit.local_title.text,
                    hit.date_words,
                    self.request.build_absolute_uri(hit.url),
                    hit.snippet_text,
                )
            )
        return response


search = SearchView.as_view()
