"""List (or delete) stored media files that no row names: what a crash mid-upload leaves."""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from archive.media import orphans


class Command(BaseCommand):
    help = (
        "List the media files in the storage that no media item, derivative or public copy "
        "names (left by a crash between storing a file and saving its row); --delete removes "
        "them. Files younger than --older-than minutes are left alone (uploads in progress)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Delete them.")
        parser.add_argument("--older-than", type=int, default=60, metavar="MINUTES")

    def handle(self, *args, delete=False, older_than=60, **options):
        found = orphans.find(default_storage, timedelta(minutes=older_than))
        for name in found:
            if delete:
                default_storage.delete(name)
            self.stdout.write(f"{'deleted' if delete else 'orphan'}  {name}")
        verb = "Deleted" if delete else "Found"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(found)} orphan file(s)."))
