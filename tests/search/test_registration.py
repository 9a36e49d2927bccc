"""`archive` owns the index; people and events register their kinds with it."""

import ast
import io
import json
from pathlib import Path

from django.core.management import call_command

from archive.search import kinds
from archive.search.models import SearchDocument
from events.models import Event
from people.models import Person

ARCHIVE = Path(__file__).resolve().parents[2] / "archive"


def test_every_public_kind_is_registered():
    models = {kind.model for kind in kinds.searched()}
    assert {Person, Event} <= models
    assert {m._meta.model_name for m in models} >= {"source", "place", "mediaitem"}


def test_archive_search_imports_neither_people_nor_events():
    for path in (ARCHIVE / "search").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in ("people", "events"), path
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] not in ("people", "events"), path


def test_the_synthetic_archive_and_the_benchmark_run(db):
    call_command(
        "generate_synthetic_archive", "--records", "120", "--yes", stdout=io.StringIO(),
        stderr=io.StringIO(),
    )  # fmt: skip
    assert SearchDocument.objects.count() == 0  # bulk rows send no signals
    out = io.StringIO()
    call_command("benchmark_search", "--rebuild", "--rounds", "1", stdout=out)
    report = json.loads(out.getvalue())
    assert report["rebuild"]["indexed"] == SearchDocument.objects.count() > 100
    assert report["p50_ms"] <= report["p95_ms"] <= report["max_ms"]
    assert report["per_query"]["no-match"]["results"] == 0
    assert report["per_query"]["name"]["results"] > 0
    assert report["per_query"]["name"]["results"] == report["per_query"]["name-cyrillic"]["results"]
