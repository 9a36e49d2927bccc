"""Re-read every original, compare its SHA-256 with the one recorded at ingest, record the
verdict and when; list every mismatch or missing file; exit non-zero when there is one."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.media import fixity
from archive.models import MediaItem


class Command(BaseCommand):
    help = "Verify the checksum of every media original (fixity)."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these media items (default: all).")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )

    def handle(self, *args, slugs=(), no_progress=False, **options):
        items = MediaItem.objects.only("pk", "slug", "title", "file", "sha256").order_by("pk")
        if slugs:
            items = items.filter(slug__in=slugs)
        problems = []
        counts = dict.fromkeys(MediaItem.Fixity.values, 0)
        progress = tqdm(
            items.iterator(chunk_size=500),
            total=items.count(),
            unit="file",
            desc="Fixity",
            file=getattr(self.stderr, "_out", sys.stderr),
            disable=no_progress,
        )
        for item in progress:
            result = fixity.check(item)
            counts[result.state] += 1
            if result.state != MediaItem.Fixity.OK:
                problems.append(result)
        progress.close()
        for result in problems:
            self.stdout.write(
                self.style.ERROR(f"{result.state.upper():9} {result.item.slug}: {result.problem}")
            )
        checked = sum(counts.values())
        self.stdout.write(
            f"Checked {checked} file(s): {counts['ok']} verified, {counts['mismatch']} "
            f"mismatched, {counts['missing']} missing."
        )
        if problems:
            raise CommandError(f"Fixity check failed for {len(problems)} file(s).")
        self.stdout.write(self.style.SUCCESS("Every original matches its checksum."))
