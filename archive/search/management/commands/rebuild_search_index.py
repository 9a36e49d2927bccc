"""Empty the search index and index every published record again."""

import json
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.search import indexer, rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every published record, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=1000, help="Records per batch.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")

    def handle(self, *args, **options):
        total = indexer.published_count()
        started = time.perf_counter()
        with tqdm(
            total=total,
            unit="record",
            desc="Indexing",
            file=self.stderr._out,
            disable=options["no_progress"],
        ) as bar:
            indexed = rebuild.rebuild(progress=bar.update, chunk=options["chunk_size"])
        seconds = time.perf_counter() - started
        rate = indexed / seconds if seconds else 0.0
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"indexed": indexed, "seconds": round(seconds, 2), "per_second": round(rate)}
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {indexed} published records in {seconds:.1f} s ({rate:.0f}/s)."
                )
            )
