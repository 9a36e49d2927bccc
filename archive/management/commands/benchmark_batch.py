"""A batch edit of many records, timed: preview, apply and undo of “set licence” on published
media items, printing seconds and each chunk's progress; then the same apply in the steps the
admin runs it in (`archive.batch.progress`), one web request each.

It runs on a new, migrated test database of the configured engine (SQLite: in memory), never on
the development one, and drops it afterwards.
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext


class Command(BaseCommand):
    help = "Time a batch edit (preview, apply, undo) of N media items and print the seconds."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=10_000)

    def handle(self, *args, **options):
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self.run(options["records"])
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def run(self, count: int) -> None:
        from archive.batch.history import undo
        from archive.batch.operations import Action, BatchField, Operation
        from archive.batch.run import Batch
        from archive.models import Licence, MediaItem, Status
        from archive.search import indexer

        before, after = Licence.objects.exclude(uri="")[:2]
        MediaItem.objects.bulk_create(
            [
                MediaItem(
                    title=f"Photograph {n}",
                    slug=f"photograph-{n}",
                    status=Status.PUBLISHED,
                    file=f"originals/bench-{n}.jpg",
                    media_type=MediaItem.MediaType.IMAGE,
                    mime_type="image/jpeg",
                    alt_text="A street",
                    credit_line="Museum",
                    licence=before,
                )
                for n in range(count)
            ],
            batch_size=2000,
        )
        # Indexed for search as saved records are; no versions yet (the worst case: the batch
        # also stores each record's state before it).
        started = time.perf_counter()
        indexer.index_records(MediaItem, MediaItem.objects.values_list("pk", flat=True))
        self.stdout.write(f"(setup: indexed in {time.perf_counter() - started:.1f} s)")
        field = BatchField(MediaItem._meta.get_field("licence"))
        operation = Operation(Action.SET, field, after)
        queryset = MediaItem.objects.all()
        write = self.stdout.write
        write(f"{count:,} media items, {connection.vendor}: set licence to {after}")

        started, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as queries:
            report = Batch(operation, queryset).preview()
        write(
            f"preview: {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} "
            f"CPU seconds), {len(queries)} queries, {report.changed:,} would change"
        )

        def progress(done, total, seconds):
            write(f"  {done:,} of {total:,} records ({seconds:.2f} s for this chunk)")

        started, cpu = time.perf_counter(), time.process_time()
        report = Batch(operation, queryset).apply("Batch edit: benchmark", progress=progress)
        write(
            f"apply: {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} CPU "
            f"seconds), {report.changed:,} changed"
        )

        from archive.batch.history import remember

        batch = remember(MediaItem, operation, report, user=None, description="benchmark")
        started, cpu = time.perf_counter(), time.process_time()
        report, undone = undo(batch, user=None, may_publish=True)
        write(
            f"undo: {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} CPU "
            f"seconds), {report.changed:,} changed back"
        )
        self.in_steps(operation, MediaItem, after)

    def in_steps(self, operation, model, licence) -> None:
        """The same batch again as the admin runs it: steps of a few seconds each (one web
        request each), from the progress page."""
        from archive.batch import progress
        from archive.batch.run import Batch

        write = self.stdout.write
        operation.value = licence  # the records have their old licence again, after the undo
        pks = Batch(operation, model.objects.all()).pks()
        batch = progress.start(
            model, operation, pks=pks, user=None, description="benchmark in steps", since=None
        )
        write(f"in steps of at most {progress.TIME_BUDGET} s (one request each):")
        started, cpu, step = time.perf_counter(), time.process_time(), 0
        while batch.running:
            step_started = time.perf_counter()
            batch = progress.advance(batch, operation, user=None, may_publish=True)
            step += 1
            write(
                f"  request {step}: {batch.position:,} of {len(pks):,} records "
                f"({time.perf_counter() - step_started:.2f} s)"
            )
        write(
            f"apply in steps: {time.perf_counter() - started:.2f} s "
            f"({time.process_time() - cpu:.2f} CPU seconds), {batch.changed:,} changed"
        )
