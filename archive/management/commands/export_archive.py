"""Write the whole archive (every row and every stored file) as a new BagIt bag."""

from django.core.management.base import BaseCommand, CommandError

from archive.preservation.bag import BagRefused, export


class Command(BaseCommand):
    help = (
        "Write the whole archive as a BagIt bag with SHA-256 manifests: every record, relation, "
        "citation, claim, vocabulary, user, revision and stored media file. DEST must be new "
        "or empty. Restore it with `manage.py import_archive DEST`."
    )

    def add_arguments(self, parser):
        parser.add_argument("dest", help="A new (or empty) directory for the bag.")

    def handle(self, *args, dest, **options):
        try:
            counts = export(dest)
        except BagRefused as error:
            raise CommandError(str(error)) from error
        files = counts.pop("files")
        rows = sum(counts.values())
        for label, count in counts.items():
            if count:
                self.stdout.write(f"{label:28} {count:>9}")
        self.stdout.write(
            self.style.SUCCESS(f"Exported {rows} rows and {files} files to the bag {dest}.")
        )
