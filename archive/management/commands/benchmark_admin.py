"""Time every admin list (plain, searched, filtered, last page) and a change form in process,
with the queries each runs; print the figures as JSON (scripts/benchmark-scale reads them).
Run it on a benchmark database, not the dev one."""

import json
import re
import statistics
import time
from urllib.parse import parse_qsl

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

FILTER_LINK = re.compile(r'<nav id="changelist-filter".*?</nav>', re.S)
WORD = re.compile(r"[^\W\d_]{4,}")


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3, help="timed runs of each view (3)")
        parser.add_argument(
            "--explain", action="store_true", help="EXPLAIN ANALYZE each view's slowest query"
        )
        parser.add_argument("--only", nargs="*", default=[], help="app_label.model names")

    def handle(self, *args, repeat, explain, only, **options):
        self.repeat, self.explain = repeat, explain
        self.user = get_user_model().objects.filter(is_superuser=True).first()
        if self.user is None:
            raise SystemExit("benchmark_admin needs a superuser in this database")
        figures = []
        for model, model_admin in sorted(
            admin.site._registry.items(), key=lambda item: item[0]._meta.label
        ):
            if only and model._meta.label_lower not in only:
                continue
            if not model._default_manager.exists():
                continue
            figures += self.measure_model(model, model_admin)
        self.stdout.write(json.dumps(figures, indent=1))

    def request(self, params=None):
        request = RequestFactory().get("/admin/", params or {}, secure=True)
        request.user = self.user
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        return request

    def timed(self, label, model, view):
        """The median of `repeat` runs after one warm-up; the queries of the last run."""
        render(view())
        times = []
        for _ in range(self.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = render(view())
                times.append(time.perf_counter() - started)
        slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
        figure = {
            "page": f"admin {model._meta.label_lower} {label}",
            "status": response.status_code,
            "ms": round(statistics.median(times) * 1000, 1),
            "bytes": len(response.content),
            "queries": len(queries.captured_queries),
            "slowest_query_ms": round(float(slowest["time"]) * 1000, 1) if slowest else 0,
        }
        if self.explain and slowest and connection.vendor == "postgresql":
            figure["explain"] = explain_analyze(slowest["sql"])
        return figure, response

    def measure_model(self, model, model_admin):
        figures = []
        plain, response = self.timed(
            "list", model, lambda: model_admin.changelist_view(self.request())
        )
        figures.append(plain)
        changelist = response.context_data.get("cl") if hasattr(response, "context_data") else None
        if changelist is None:
            return figures
        if model_admin.search_fields:
            word = search_word(changelist.result_list)
            if word:
                searched = self.request({"q": word})
                figure, _ = self.timed(
                    "searched", model, lambda: model_admin.changelist_view(searched)
                )
                figure["query"] = word
                figures.append(figure)
        link = first_filter_link(response.content.decode())
        if link:
            params = dict(parse_qsl(link))
            figure, _ = self.timed(
                "filtered", model, lambda: model_admin.changelist_view(self.request(params))
            )
            figure["filter"] = link
            figures.append(figure)
        pages = changelist.paginator.num_pages
        if pages > 1:
            figure, _ = self.timed(
                "last page",
                model,
                lambda: model_admin.changelist_view(self.request({"p": str(pages)})),
            )
            figure["page_number"] = pages
            figures.append(figure)
        last = model._default_manager.order_by("-pk").first()
        if last is not None and model_admin.has_change_permission(self.request(), last):
            figure, _ = self.timed(
                "change form",
                model,
                lambda: model_admin.change_view(self.request(), str(last.pk)),
            )
            figures.append(figure)
        return figures


def render(response):
    return response.render() if hasattr(response, "render") else response


def search_word(results) -> str:
    """A word of a listed record's name: a search that finds something."""
    for record in results[:5]:
        words = WORD.findall(str(record))
        if words:
            return words[0]
    return ""


def first_filter_link(html: str) -> str:
    """The first choice of the first list filter that is not "All"."""
    sidebar = FILTER_LINK.search(html)
    if not sidebar:
        return ""
    for query in re.findall(r'href="\?([^"]+)"', sidebar.group(0)):
        query = query.replace("&amp;", "&")
        if query and "=" in query and "_facets" not in query:  # not "Show counts"
            return query
    return ""


def explain_analyze(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())
