"""Restore an archive from a bag written by `export_archive`: validated first, then rows,
files and the search index."""

from django.core.management.base import BaseCommand, CommandError

from archive.preservation.bag import BagRefused, restore


class Command(BaseCommand):
    help = (
        "Restore a bag written by `manage.py export_archive` into an empty database and "
        "storage: checks every SHA-256 in the bag first (a damaged bag is refused, naming the "
        "file, before anything is written), then restores rows and files and rebuilds the "
        "search index. Run `manage.py migrate` first."
    )

    def add_arguments(self, parser):
        parser.add_argument("bag", help="The bag directory.")
        parser.add_argument(
            "--merge",
            action="store_true",
            help="Restore even though the database holds records: rows with the bag's "
            "primary keys are overwritten, other rows are kept.",
        )

    def handle(self, *args, bag, merge=False, **options):
        self.stdout.write(f"Validating {bag} (every file's SHA-256)…")
        try:
            restored = restore(bag, merge=merge)
        except BagRefused as error:
            raise CommandError(str(error)) from error
        for label, count in restored.rows.items():
            if count:
                self.stdout.write(f"{label:28} {count:>9}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(restored.rows.values())} rows and {restored.files} files; "
                f"indexed {restored.indexed} published records for search."
            )
        )
