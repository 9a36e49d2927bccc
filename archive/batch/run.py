"""Running a batch edit: the preview (nothing written) and the apply step, in chunks.

Both walk the selection chunk by chunk (a query for the chunk's records, one for their related
rows among those the operation names) and judge each record the same way:

- unchanged: the operation leaves it as it is (the place is there already);
- refused, with the lifecycle's reasons (`archive/lifecycle.py`: a required field cleared, a
  publishing requirement, a status the user may not set, a published record a cataloguer may
  not change) or because it changed after the preview (`since`): never overwritten;
- changed.

Applying writes the changed records of a chunk in bulk: one UPDATE per distinct new value
(`QuerySet.update`), the many-to-many rows with one INSERT or DELETE, under row locks
(`select_for_update`). Every changed record gets one version in the batch's one revision (and
records without any version yet a “before” one, so that undo has their previous state), with
the imports' bulk versioning (`archive.imports.revisions`); the search index (only the
entries that differ: `archive.search.refresh`) and the change log are brought in step as the
imports do it (`index_for_search`, `log_bulk_writes`).
"""

import copy
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from archive import lifecycle
from archive.changes import log_bulk_writes
from archive.dates import EDTFField
from archive.imports.bulk import index_for_search
from archive.imports.revisions import ImportRevision
from archive.lifecycle import Status
from archive.search.refresh import stale_records

CHUNK = 1000
SAMPLE = 20
CHANGED_SINCE = _("This record was changed after the preview; it was left as it is now.")
# Bulk updates group records by their new values; beyond this many groups, one bulk_update.
MAX_UPDATE_GROUPS = 20


@dataclass
class Report:
    changed: int = 0
    unchanged: int = 0
    refused: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # message: how many records
    refusals: list[tuple[str, str]] = field(default_factory=list)  # (record, message), first
    sample: list[tuple[str, str, str]] = field(default_factory=list)  # (record, old, new)
    chunks: list[tuple[int, float]] = field(default_factory=list)  # (records, seconds)
    seconds: float = 0.0
    revision: object = None
    applied_at: object = None

    @property
    def total(self) -> int:
        return self.changed + self.unchanged + self.refused

    def refuse(self, record, messages: list[str]) -> None:
        self.refused += 1
        for message in messages:
            self.reasons[message] = self.reasons.get(message, 0) + 1
        if len(self.refusals) < SAMPLE:
            self.refusals.append((str(record), " ".join(messages)))

    def as_json(self) -> dict:
        return {
            "reasons": self.reasons,
            "refusals": self.refusals,
            "chunks": self.chunks,
            "sample": self.sample,
        }


def refusals(record, original, *, may_publish: bool, changed: set[str]) -> list[str]:
    """The lifecycle's verdict on `record` as the batch would leave it (the parts a bulk door
    calls: no slug query, a batch never changes a slug)."""
    previous = original.status
    errors = lifecycle.field_refusals(record)
    for name, messages in lifecycle.record_refusals(record).items():
        errors.setdefault(name, messages)
    if "status" not in errors:
        found = lifecycle.status_refusals(record.status, previous, may_publish=may_publish)
        if found:
            errors["status"] = found
    for name, messages in lifecycle.publishing_refusals(
        record, original, may_publish=may_publish
    ).items():
        errors.setdefault(name, messages)
    if found := lifecycle.published_change_refusals(record, previous, may_publish=may_publish):
        errors.setdefault("__all__", found)
    for model_field in record._meta.concrete_fields:
        if isinstance(model_field, EDTFField) and model_field.name in changed:
            try:
                model_field.run_validators(getattr(record, model_field.attname))
            except ValidationError as error:
                errors.setdefault(model_field.name, error.messages)
    return lifecycle.messages_of(errors)


def _chunks(pks: list, size: int):
    for start in range(0, len(pks), size):
        yield pks[start : start + size]


def _members(many_field, pks: list, related_pks: list) -> dict:
    """{record pk: {related pks}} among `related_pks`: one query for the chunk."""
    found = defaultdict(set)
    if many_field is None or not related_pks:
        return found
    through = many_field.remote_field.through
    own, other = many_field.m2m_field_name(), many_field.m2m_reverse_field_name()
    rows = through._default_manager.filter(
        **{f"{own}_id__in": pks, f"{other}_id__in": related_pks}
    ).values_list(f"{own}_id", f"{other}_id")
    for owner, related in rows:
        found[owner].add(related)
    return found


def _related_names(model) -> list[str]:
    # What a record's name and publishing rules read (a media item's licence): joined.
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


class Batch:
    """One plan (an `Operation`, or an undo) over one selection of one model."""

    def __init__(
        self, plan, queryset, *, user=None, may_publish: bool = True, since=None, pks=None
    ):
        self.plan = plan
        self._pks = pks  # the selection as keys (an undo's records), else the queryset's
        self.model = queryset.model
        self.queryset = queryset
        self.user = user
        self.may_publish = may_publish
        self.since = since  # the preview's time: records changed after it are refused

    def pks(self) -> list:
        if self._pks is not None:
            return sorted(self._pks)
        return list(self.queryset.order_by("pk").values_list("pk", flat=True).distinct())

    def preview(self) -> Report:
        report = Report()
        for chunk in _chunks(self.pks(), CHUNK):
            self._judge(chunk, report, lock=False)
        return report

    def apply(self, comment: str, progress=None) -> Report:
        """Write the changes in one transaction and one revision; `progress(done, total,
        seconds)` is told after each chunk."""
        report = Report(applied_at=timezone.now())
        started = time.monotonic()
        revision = ImportRevision(self.user, comment)
        pks = self.pks()
        with transaction.atomic():
            for chunk in _chunks(pks, CHUNK):
                seconds = self.apply_chunk(chunk, report, revision)
                if progress is not None:
                    progress(report.total, len(pks), seconds)
        report.revision = revision.revision
        report.seconds = round(time.monotonic() - started, 3)
        return report

    def apply_chunk(self, chunk: list, report: Report, revision: ImportRevision) -> float:
        """Judge and write one chunk (in the caller's transaction); returns its seconds."""
        started = time.monotonic()
        changes = self._judge(chunk, report, lock=True)
        self._write(changes, revision, report.applied_at)
        seconds = time.monotonic() - started
        report.chunks.append((len(chunk), round(seconds, 3)))
        return seconds

    # --- judging -----------------------------------------------------------------------------
    def _judge(self, chunk: list, report: Report, *, lock: bool) -> list:
        """Judge a chunk's records; returns [(record, added, removed)] of the changed ones."""
        plan = self.plan
        records = self.model._default_manager.filter(pk__in=chunk).select_related(
            *_related_names(self.model)
        )
        if lock:
            records = records.select_for_update(of=("self",))
        members = _members(plan.many_field, chunk, plan.related_pks)
        plan.load(chunk)
        changes = []
        for record in records.order_by("pk"):
            original = copy.copy(record)
            if self.since is not None and record.updated_at > self.since:
                report.refuse(record, [str(getattr(plan, "changed_since", CHANGED_SINCE))])
                continue
            if found := plan.refusal(record):
                report.refuse(record, found)
                continue
            values, added, removed = plan.change(record, members[record.pk])
            for name, value in values.items():
                setattr(record, name, value)
            if record.status == Status.PUBLISHED and record.published_at is None:
                record.published_at = report.applied_at or timezone.now()
            try:
                lifecycle.prepare(record, slug=False)
            except ValidationError as error:
                report.refuse(record, error.messages)
                continue
            changed = _changed_fields(record, original)
            if not changed and not added and not removed:
                report.unchanged += 1
                continue
            found = refusals(record, original, may_publish=self.may_publish, changed=changed)
            if found:
                report.refuse(record, found)
                continue
            report.changed += 1
            if len(report.sample) < SAMPLE:
                shown = plan.before_after(original, record, added, removed)
                report.sample.append((str(original), *shown))
            record._import_original, record._batch_changed = original, changed
            changes.append((record, added, removed))
        return changes

    # --- writing -----------------------------------------------------------------------------
    def _write(self, changes: list, revision: ImportRevision, now) -> None:
        if not changes:
            return
        records = [record for record, _, _ in changes]
        revision.before_update([record._import_original for record in records])
        self._update_columns(records, now)
        many_field = self.plan.many_field
        if many_field is not None:
            through = many_field.remote_field.through
            own, other = many_field.m2m_field_name(), many_field.m2m_reverse_field_name()
            rows = [
                through(**{f"{own}_id": record.pk, f"{other}_id": pk})
                for record, added, _ in changes
                for pk in sorted(added)
            ]
            through._default_manager.bulk_create(rows, batch_size=CHUNK)
            removals = defaultdict(list)  # {related pk: [record pks]}
            for record, _, removed in changes:
                for pk in removed:
                    removals[pk].append(record.pk)
            for pk, owners in removals.items():
                through._default_manager.filter(
                    **{f"{own}_id__in": owners, f"{other}_id": pk}
                ).delete()
        revision.add(records)
        # A batch never changes a slug (`refusals`), so no entry's URL changes.
        pks = [record.pk for record in records]
        stale = set(stale_records(self.model, pks, slugs_changed=False))
        index_for_search(self.model, [record for record in records if record.pk in stale])
        log_bulk_writes(self.model, records)

    def _update_columns(self, records: list, now) -> None:
        """The changed columns (and updated_at) in one UPDATE per distinct set of values."""
        names = set()
        for record in records:
            record.updated_at = now
            names |= record._batch_changed
        names.add("updated_at")
        attnames = [self.model._meta.get_field(name).attname for name in sorted(names)]
        groups = defaultdict(list)
        try:
            for record in records:
                key = tuple(getattr(record, attname) for attname in attnames)
                groups[key].append(record.pk)
        except TypeError:  # an unhashable value (JSON): write row by row in bulk
            groups = {}
        manager = self.model._default_manager
        if groups and len(groups) <= MAX_UPDATE_GROUPS:
            for key, pks in groups.items():
                manager.filter(pk__in=pks).update(**dict(zip(attnames, key, strict=True)))
        else:
            manager.bulk_update(records, sorted(names), batch_size=CHUNK)


def _changed_fields(record, original) -> set[str]:
    # The loaded values themselves (no field is deferred here): a getattr per field per
    # record was a tenth of judging 10,000 records.
    new, old = record.__dict__, original.__dict__
    return {
        f.name
        for f in record._meta.concrete_fields
        if f.name != "updated_at" and new.get(f.attname) != old.get(f.attname)
    }
