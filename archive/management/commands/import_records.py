"""Import a CSV or XLSX file of records: the admin's import, for large files.

    manage.py import_records person people.csv
    manage.py import_records source artworks.xlsx --dry-run
    manage.py import_records place places.csv --user curator --valid-rows-only

Rows match on slug and are imported in batches (archive/imports/bulk.py: a few queries per
batch, not per row). The whole file is one transaction: a file with any error writes nothing
(unless --valid-rows-only), --dry-run writes nothing at all. Ends with a summary of created,
updated, unchanged and failed rows, and the first errors with their row and column.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from archive import registry
from archive.imports.files import FileError, read_file
from archive.imports.run import import_dataset


class Command(BaseCommand):
    help = "Import records from a CSV or XLSX file, with a preview-style summary."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="person, event, source, place or media")
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count; write nothing."
        )
        parser.add_argument("--format", choices=["csv", "xlsx"], help="Default: from the suffix.")
        parser.add_argument(
            "--user", help="Import as this user: without publish permission, rows stay drafts."
        )
        parser.add_argument(
            "--valid-rows-only",
            action="store_true",
            help="Write the valid rows of a file with errors.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="Rows read, checked and written together (default 5000).",
        )

    def handle(self, *args, **options):
        # Kinds with an import resource; the richest one other apps add (a source with its makers).
        kinds = {k.key: k.import_resources()[0] for k in registry.kinds() if k.import_resources()}
        if options["kind"] not in kinds:
            raise CommandError(f"Unknown kind “{options['kind']}”: use {', '.join(sorted(kinds))}.")
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"No file {path}.")
        fmt = options["format"] or path.suffix.lstrip(".").lower()
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user “{options['user']}”.")
        try:
            dataset = read_file(path.read_bytes(), fmt)
        except FileError as e:
            raise CommandError(f"{path.name}: {e}") from e
        summary = import_dataset(
            kinds[options["kind"]],
            dataset,
            dry_run=options["dry_run"],
            user=user,
            file_name=path.name,
            valid_rows_only=options["valid_rows_only"],
            chunk_size=options["batch_size"],
            progress=options["verbosity"] > 0,
        )
        self.stdout.write(summary.report())
        if summary.failed and not options["valid_rows_only"]:
            raise CommandError(
                f"{summary.failed} row(s) failed: nothing was written. Fix them, or use "
                "--valid-rows-only."
            )
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Dry run: nothing was written."))
        else:
            self.stdout.write(self.style.SUCCESS("Done."))
