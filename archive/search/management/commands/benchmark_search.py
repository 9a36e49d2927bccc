"""Time a fixed mix of searches (server side: the view, without the network) and, optionally,
a full index rebuild; print the figures as JSON. Run it on a benchmark database, not the dev one.
"""

import json
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import RequestFactory

from archive.search import backends, engine, kinds, rebuild
from archive.search.models import SearchDocument
from archive.search.query import parse
from archive.search.views import search

# Stands for the first searched kind in registry order (events, where they are installed):
# `archive` names no other app's kind.
FIRST_KIND = object()

# (label, query parameters): single names, phrases, filters, facets, misspellings, no match.
QUERY_MIX = [
    ("name", {"q": "Aliyev"}),
    ("name-az", {"q": "Əliyev"}),
    ("name-cyrillic", {"q": "Алиев"}),
    ("name-full", {"q": "Heydar Aliyev"}),
    ("name-rare", {"q": "Elchibey"}),
    ("place", {"q": "Şuşa"}),
    ("place-cyrillic", {"q": "Баку"}),
    ("phrase", {"q": '"martial law"'}),
    ("phrase-name", {"q": '"Ilham Aliyev"'}),
    ("or", {"q": "Ganja or Shusha"}),
    ("exclude", {"q": "Baku -Moscow"}),
    ("common-word", {"q": "people"}),
    ("two-words", {"q": "tragedy january"}),
    ("filter-kind", {"q": "Mammadov", "kind": FIRST_KIND}),
    ("filter-date", {"q": "tragedy", "from": "1988", "to": "1990"}),
    ("filter-kind-date", {"q": "Huseynov", "kind": "source", "from": "1990", "to": "1999"}),
    ("sort-date", {"q": "protest", "sort": "date"}),
    ("page-5", {"q": "witness", "page": "5"}),
    ("misspelt", {"q": "Gorbachov"}),
    ("misspelt-2", {"q": "Mamedov"}),
    ("no-match", {"q": "zqxwvjk"}),
    ("json", {"q": "Rahimov", "format": "json"}),
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


class Command(BaseCommand):
    help = "Benchmark the search: p50/p95 latency of a fixed query mix and the rebuild rate."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5, help="Times each query is run.")
        parser.add_argument("--rebuild", action="store_true", help="Time a full rebuild first.")
        parser.add_argument(
            "--candidates", type=int, help="Override engine.CANDIDATES (to explore the cap)."
        )

    def handle(self, *args, **options):
        if options["candidates"]:
            engine.CANDIDATES = options["candidates"]
        report = {"database": connection.vendor, "candidates": engine.CANDIDATES}
        if options["rebuild"]:
            started = time.perf_counter()
            indexed = rebuild.rebuild()
            seconds = time.perf_counter() - started
            report["rebuild"] = {
                "indexed": indexed,
                "seconds": round(seconds, 1),
                "records_per_second": round(indexed / seconds),
            }
        report["indexed_records"] = SearchDocument.objects.count()
        factory = RequestFactory()
        mix = query_mix()
        timings: dict[str, list[float]] = {label: [] for label, _ in mix}
        totals: dict[str, int] = {}
        for round_ in range(options["rounds"] + 1):
            for label, params in mix:
                request = factory.get("/search/", params)
                started = time.perf_counter()
                response = search(request)
                if hasattr(response, "render"):
                    response.render()
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, label
                if round_:  # the first round warms caches
                    timings[label].append(elapsed)
                else:
                    totals[label] = _total(response)
        every = [t for values in timings.values() for t in values]
        matches = {label: _matches(params["q"]) for label, params in mix}
        report.update(
            queries=len(every),
            p50_ms=round(statistics.median(every), 1),
            p95_ms=round(percentile(every, 0.95), 1),
            max_ms=round(max(every), 1),
            per_query={
                label: {
                    "p50_ms": round(statistics.median(values), 1),
                    "max_ms": round(max(values), 1),
                    # Results shown; past the candidates a lower bound ("exact": false).
                    "results": totals.get(label, (None, None))[0],
                    "exact": totals.get(label, (None, None))[1],
                    "matches_before_filters": matches[label],
                }
                for label, values in timings.items()
            },
        )
        self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))


def query_mix() -> list[tuple[str, dict]]:
    first_kind = kinds.keys()[0]
    return [
        (
            label,
            {name: first_kind if value is FIRST_KIND else value for name, value in params.items()},
        )
        for label, params in QUERY_MIX
    ]


def _matches(q: str) -> int:
    """Every record the words match, counted outside the timings."""
    query = parse(q)
    if not query:
        return 0
    sql, values = backends.get().match_sql(query)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) m", values)
        return cursor.fetchone()[0]


def _total(response) -> tuple[int | None, bool | None]:
    context = getattr(response, "context_data", None)
    if context and "results" in context:
        return context["results"].total, context["results"].exact
    if response.get("Content-Type", "").startswith("application/json"):
        data = json.loads(response.content)
        return data["total"], data["exact"]
    return None, None
