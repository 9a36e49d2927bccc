"""Benchmark the Tate import: a first import and a no-change re-import, rows per second.

    DATABASE_URL=postgres://…/archive_tate_bench manage.py benchmark_import path/to/tate
    DATABASE_URL=sqlite:///tate_bench.sqlite3 manage.py benchmark_import path/to/tate

`path/to/tate` is the folder that holds tate_artists.jsonl.gz and tate_artworks.jsonl.gz (Tate's
open collection data, see docs/benchmarks.md); a relative path is read from the current folder.
Runs `manage.py import_tate` twice on a database without people or sources (migrate a fresh
one first) and prints, per step (countries, places, people, artworks), rows, seconds, rows per
second, SQL queries and the outcome; reading the JSON files is timed apart. Nothing is rolled
back: the second run must find everything unchanged. Not a test: figures depend on the machine
and its load (see docs/benchmarks.md).
"""

import io
import os
import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive.models import Place, Source
from people import tate
from people.management.commands import import_tate
from people.models import Person


class Command(BaseCommand):
    help = "Time a first Tate import and a no-change re-import (rows per second per step)."

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            type=Path,
            help="The folder of tate_artists.jsonl.gz, tate_artworks.jsonl.gz.",
        )
        parser.add_argument("--status", default="draft", choices=["draft", "published"])
        parser.add_argument(
            "--runs", type=int, default=2, help="1: first import only; 2 (default): and again."
        )

    def handle(self, *args, **options):
        if Person.objects.exists() or Source.objects.exists() or Place.objects.exists():
            raise CommandError("Run it on a fresh database (no people, sources or places).")
        directory = options["directory"]
        started = time.perf_counter()
        datasets = tate.datasets(directory, status=options["status"], existing_places={})
        read = time.perf_counter() - started
        sizes = ", ".join(f"{len(d):,}" for d in datasets)
        self.stdout.write(f"database: {connection.vendor}; load average {_load()}")
        self.stdout.write(
            f"reading the Tate files: {read:.1f} s (places, people, artworks: {sizes})"
        )
        header = f"{'run':<10} {'step':<10} {'rows':>7} {'seconds':>8} {'rows/s':>8} {'queries':>8}"
        for run in range(1, options["runs"] + 1):
            label = "first" if run == 1 else "re-import"
            load_before = _load()
            summaries = _import(directory, options["status"])
            self.stdout.write(f"\n{header}   outcome  (load average {load_before} → {_load()})")
            total_rows = total_seconds = 0.0
            for step, summary in summaries.items():
                total_rows += summary.rows
                total_seconds += summary.seconds
                self.stdout.write(
                    f"{label:<10} {step:<10} {summary.rows:>7,} {summary.seconds:>8.1f} "
                    f"{summary.rows_per_second:>8,.0f} {summary.queries:>8,}   "
                    f"{summary.created} created, {summary.updated} updated, "
                    f"{summary.unchanged} unchanged, {summary.failed} failed"
                )
            rate = total_rows / total_seconds if total_seconds else 0.0
            self.stdout.write(
                f"{label:<10} {'all':<10} {int(total_rows):>7,} {total_seconds:>8.1f} {rate:>8,.0f}"
            )


def _import(directory: Path, status: str) -> dict:
    """Run import_tate once; {step: Summary}."""
    command = import_tate.Command(stdout=io.StringIO())
    call_command(command, str(directory), "--status", status, "-v0")
    return command.summaries


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())
