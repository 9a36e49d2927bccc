"""Import Tate's collection metadata: artists as people, artworks as sources.

    manage.py import_tate /path/to/tate/ [--dry-run] [--status draft|review|published]

Reads tate_artists.jsonl.gz and tate_artworks.jsonl.gz, turns them into import rows
(people/tate.py) and runs them through the same resources as a curator's file: places,
then people, then artworks with their artists. Rows with errors are reported (row, column,
problem) and the rest are written; running it again changes nothing.
"""

from pathlib import Path

import tablib
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.bulkstats import refresh_statistics
from archive.imports.run import import_dataset
from archive.models import Identifier, Place, PlaceName, Status
from archive.resources import BulkPlaceResource
from people import tate
from people.models import Contribution, PersonName
from people.resources import PersonResource, SourceWithContributorsResource


class Command(BaseCommand):
    help = "Import Tate artists (people) and artworks (sources) from a directory of JSONL files."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument(
            "--status",
            default=Status.DRAFT,
            choices=[Status.DRAFT, Status.REVIEW, Status.PUBLISHED],
            help="Workflow status of new and updated rows (default: draft).",
        )
        parser.add_argument("--limit", type=int, help="Only the first N artists (20×N artworks).")
        parser.add_argument("--show-errors", type=int, default=20)

    def handle(self, *args, **options):
        directory: Path = options["directory"]
        for name in (tate.ARTISTS, tate.ARTWORKS):
            if not (directory / name).exists():
                raise CommandError(f"No {name} in {directory}.")
        existing = list(Place.objects.order_by("pk").values_list("name", "slug"))
        places, people, artworks = tate.datasets(
            directory, status=options["status"], existing_places=existing, limit=options["limit"]
        )
        self.summaries = {}
        with transaction.atomic():
            self._run(places, people, artworks, options)
            # Each step analysed its records' table; these are the child rows they brought.
            refresh_statistics([PlaceName, PersonName, Contribution, Identifier])
            if options["dry_run"]:
                transaction.set_rollback(True)
                self.stdout.write(self.style.WARNING("Dry run: nothing was written."))

    def _run(self, places, people, artworks, options):
        parent = places.headers.index("parent")
        countries, within = (tablib.Dataset(headers=places.headers) for _ in range(2))
        for row in places:
            (within if row[parent] else countries).append(row)
        for label, resource_class, dataset in (
            ("countries", BulkPlaceResource, countries),
            ("places", BulkPlaceResource, within),
            ("people", PersonResource, people),
            ("artworks", SourceWithContributorsResource, artworks),
        ):
            summary = import_dataset(
                resource_class,
                dataset,
                dry_run=False,  # the command rolls back everything at the end of a dry run
                file_name=f"Tate {label}",
                valid_rows_only=True,
                progress=options["verbosity"] > 0,
            )
            self.summaries[label] = summary
            self.stdout.write(f"{label}: {summary.report(options['show_errors'])}")
