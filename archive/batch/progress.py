"""A batch edit (or undo) applied in steps, so that no web request meets the server's timeout.

`start` remembers the run on its `BatchEdit` row (the selection's keys, the confirmed form, the
preview's time) before anything is written; `advance` then applies chunks until its time budget
is spent, each chunk in its own transaction together with the row's new position and counts,
so a step interrupted loses nothing and the next step goes on where the last one stopped. Every
chunk's versions go into the batch's one revision (and its one “before” revision). The admin
answers a progress page between steps (`archive.batch.admin`).
"""

import time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from archive.imports.revisions import ImportRevision
from archive.models import BatchEdit

from .run import SAMPLE, Batch, Report

# Records judged and written per transaction, and the seconds of work one request does: far
# below gunicorn's 60 s timeout (gunicorn.conf.py) even on a loaded machine.
STEP_CHUNK = 500
TIME_BUDGET = 5.0


def start(
    model, plan, *, pks, user, description: str, since, operation=None, undoes=None
) -> BatchEdit:
    """The running BatchEdit of a run over `pks` (nothing written to the records yet)."""
    return BatchEdit.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        user=user if user is not None and user.is_authenticated else None,
        description=description[:500],
        field_name=plan.field_name,
        related_pks=list(plan.related_pks),
        applied_at=timezone.now(),
        undoes=undoes,
        running=True,
        selection=sorted(pks),
        operation=operation or {},
        previewed_at=since,
        report={"reasons": {}, "refusals": [], "chunks": [], "sample": []},
    )


def _report(batch: BatchEdit) -> Report:
    stored = batch.report or {}
    return Report(
        changed=batch.changed,
        unchanged=batch.unchanged,
        refused=batch.refused,
        reasons=dict(stored.get("reasons", {})),
        refusals=[tuple(row) for row in stored.get("refusals", [])],
        sample=[tuple(row) for row in stored.get("sample", [])],
        chunks=[tuple(row) for row in stored.get("chunks", [])],
        seconds=batch.seconds,
        revision=batch.revision,
        applied_at=batch.applied_at,
    )


def _store(batch: BatchEdit, report: Report, revision: ImportRevision) -> None:
    batch.changed, batch.unchanged, batch.refused = report.changed, report.unchanged, report.refused
    batch.report = {**report.as_json(), "refusals": report.refusals[:SAMPLE]}
    batch.seconds = round(report.seconds, 3)
    batch.revision = revision.revision
    batch.before_revision = revision.before_revision


def advance(batch: BatchEdit, plan, *, user, may_publish: bool, budget: float | None = None):
    """Apply chunks of `batch` until `budget` seconds have passed or it is done; returns the
    batch as stored (`running` False once every record was judged)."""
    budget = TIME_BUDGET if budget is None else budget
    model = batch.content_type.model_class()
    started = time.monotonic()
    while True:
        chunk_started = time.monotonic()
        with transaction.atomic():
            # The row's lock makes a second request for the same step wait, then go on after.
            batch = BatchEdit.objects.select_for_update().get(pk=batch.pk)
            if not batch.running:
                return batch
            chunk = batch.selection[batch.position : batch.position + STEP_CHUNK]
            report = _report(batch)
            revision = ImportRevision(user, f"Batch edit: {batch.description}")
            revision.resume(batch.revision, batch.before_revision)
            run = Batch(
                plan,
                model._default_manager.all(),
                user=user,
                may_publish=may_publish,
                since=batch.previewed_at,
                pks=chunk,
            )
            report.seconds += run.apply_chunk(chunk, report, revision) if chunk else 0.0
            batch.position += len(chunk)
            batch.running = batch.position < len(batch.selection)
            _store(batch, report, revision)
            batch.save()
        # Stop before a chunk that would likely end past the budget (it takes what the last
        # one took), so that a request lasts about the budget, not the budget and a chunk.
        now = time.monotonic()
        if not batch.running or now - started + (now - chunk_started) > budget:
            return batch


def stop(batch: BatchEdit) -> BatchEdit:
    """End a run where it is (what it changed stays, and can be undone)."""
    BatchEdit.objects.filter(pk=batch.pk).update(running=False)
    batch.refresh_from_db()
    return batch


def report_of(batch: BatchEdit) -> Report:
    return _report(batch)
