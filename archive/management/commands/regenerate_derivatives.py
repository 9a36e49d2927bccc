"""Make the public derivatives of images again (after a change of sizes or formats, a restore
from backup, a move to another storage)."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.media.derivatives import ensure_derivatives
from archive.models import MediaItem


class Command(BaseCommand):
    help = "Regenerate image derivatives (thumbnail and display sizes, WebP and JPEG)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these media items (default: all).")
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only make what is missing or out of date; keep derivatives that are current.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )

    def handle(self, *args, slugs=(), missing=False, no_progress=False, **options):
        items = MediaItem.objects.images().order_by("pk")
        if slugs:
            items = items.filter(slug__in=slugs)
        made, failed = 0, []
        progress = tqdm(
            items.iterator(chunk_size=100),
            total=items.count(),
            unit="image",
            desc="Derivatives",
            file=getattr(self.stderr, "_out", sys.stderr),
            disable=no_progress,
        )
        for item in progress:
            try:
                made += ensure_derivatives(item, force=not missing)
            except (ValidationError, OSError) as error:  # unreadable original: report, go on
                message = "; ".join(getattr(error, "messages", [str(error)]))
                failed.append(f"{item.slug}: {message}")
        progress.close()
        for line in failed:
            self.stdout.write(self.style.ERROR(line))
        self.stdout.write(f"Derivatives made for {made} image(s); {len(failed)} failed.")
        if failed:
            raise CommandError(f"Could not make derivatives for {len(failed)} image(s).")
