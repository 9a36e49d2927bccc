"""Large files in batches: the resource's own checks row by row, the writes batch by batch.

The admin imports through django-import-export (`Resource.import_data`), which runs a pipeline of
hooks for every row (diffs, deep copies, per-row transactions) to show a preview. The command
line imports tens of thousands of rows; there `BatchImporter` drives the same resource directly:

- one query per batch reads the existing records of the batch's slugs (and one per
  multi-valued column their child rows);
- each row goes through the resource's own reading and checks: `before_import_row` (cell
  size), `import_instance` (columns, look-ups from in-memory tables, child rows, the kind's
  defaults, dates, status, slug), `skip_row` (unchanged?) and `validate_instance` (the
  lifecycle's rules, `archive/lifecycle.py`) — so a row gets exactly the errors, notes and
  verdict the admin preview gives it, in the words the admin form uses;
- the valid rows of a batch are written with bulk_create / bulk_update (only the columns that
  changed), their child rows replaced in bulk, one reversion version each (serialised in one
  pass, into the import's revision), and the published ones (re)indexed for search in bulk.

Resources whose rows may name an earlier row of the same file (a place's parent, an event's
parent: `Meta.use_bulk = False`) save each valid row at once instead, through `Model.save()`
(whose signals index it), so that the next rows can find it.

Every row ends created, updated, unchanged or as an error naming its row and column; a batch
the database refuses (a constraint no check foresaw) is reported row by row, never dropped.
"""

import copy
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from archive.search import indexer


@dataclass
class BatchResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # (row number as in a spreadsheet, {column or "__all__": [messages]})
    invalid: list[tuple[int, dict[str, list[str]]]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.invalid) + len(self.errors)


class BatchImporter:
    """Import rows (dicts) through `resource` in batches; see the module docstring."""

    def __init__(self, resource, *, user=None, revision=None, file_name: str = ""):
        self.resource = resource
        self.model = resource._meta.model
        self.resource.before_import(None, user=user, revision=revision, file_name=file_name)
        self.slug_field = resource.fields["slug"]

    def check_headers(self, headers) -> None:
        """ValidationError when the file's columns cannot be imported at all."""
        self.resource._check_import_id_fields(headers)

    def import_rows(self, rows: list[dict], first_number: int) -> BatchResult:
        """Import one batch; rows are numbered from `first_number` (the resource's numbering)."""
        result = BatchResult()
        resource = self.resource
        existing = self._existing(rows)
        creates, updates, numbers = [], [], {}
        for number, row in enumerate(rows, first_number):
            resource._row = {}
            try:
                instance, new = self._instance(existing, row)
                verdict = self._read_row(instance, new, row, number)
            except ValidationError as e:
                result.invalid.append((number, _messages(e)))
                continue
            except (ValueError, TypeError, LookupError) as e:
                result.errors.append((number, str(e)))
                continue
            finally:
                result.notes += resource._row.get("notes", [])
            if verdict == "unchanged":
                result.unchanged += 1
                continue
            if not resource._meta.use_bulk:
                self._save_one(instance, new, number, result)
                continue
            numbers[id(instance)] = number
            (creates if new else updates).append(instance)
        if creates or updates:
            self._write(creates, updates, numbers, result)
        return result

    # --- reading ------------------------------------------------------------------------
    def _existing(self, rows: list[dict]) -> dict:
        """The batch's existing records by slug, and their child rows: a query per table."""
        slugs = {self.slug_field.clean(row) for row in rows if row.get("slug")}
        slugs.discard("")
        if not slugs:
            return {}
        found = {r.slug: r for r in self.model._default_manager.filter(slug__in=slugs)}
        self.resource.prefetch_children([r.pk for r in found.values()])
        self.resource.prefetch_slug_holders(slugs - set(found))  # old slugs of other records
        return found

    def _instance(self, existing: dict, row: dict):
        slug = self.slug_field.clean(row) if "slug" in row else ""
        instance = existing.get(slug) if slug else None
        if instance is None:
            return self.resource.init_instance(row), True
        # A later row of the file with the same slug starts again from the stored record.
        return copy.copy(instance), False

    def _read_row(self, instance, new: bool, row: dict, number: int) -> str:
        resource = self.resource
        resource.before_import_row(row, row_number=number)
        original = None if new else copy.copy(instance)
        resource._original = original
        resource.after_init_instance(instance, new, row)
        errors = {}
        try:
            resource.import_instance(instance, row)
        except ValidationError as e:
            errors = e.update_error_dict({})
        if resource.skip_row(instance, original, row, errors):
            return "unchanged"
        resource.validate_instance(instance, errors)
        resource.before_save_instance(instance, row)
        if original is not None:
            instance._import_original = original
        return "write"

    # --- writing ------------------------------------------------------------------------
    def _save_one(self, instance, new: bool, number: int, result: BatchResult) -> None:
        checkpoint = self.resource.revision.checkpoint()
        try:
            with transaction.atomic():
                self.resource.do_instance_save(instance, new)
        except DatabaseError as e:
            self.resource.revision.restore(checkpoint)
            if new:
                instance.pk = None
            result.errors.append((number, f"The database refused the row: {e}"))
            return
        if new:
            result.created += 1
        else:
            result.updated += 1

    def _write(self, creates: list, updates: list, numbers: dict, result: BatchResult) -> None:
        checkpoint = self.resource.revision.checkpoint()
        try:
            with transaction.atomic():
                self.resource.write_batch(creates, updates)
        except DatabaseError as e:
            # The savepoint undid the batch, its versions (and a revision made for it).
            self.resource.revision.restore(checkpoint)
            for instance in creates:
                instance.pk = None  # rolled back
            for instance in creates + updates:
                result.errors.append(
                    (numbers[id(instance)], f"The database refused this batch: {e}")
                )
            return
        result.created += len(creates)
        result.updated += len(updates)


def _messages(error: ValidationError) -> dict[str, list[str]]:
    try:
        return error.message_dict
    except AttributeError:
        return {"__all__": error.messages}


def index_for_search(model, instances: list) -> None:
    """Bring the search index in step with records written in bulk (no save signals fired):
    the published ones are indexed, those that were published and are no longer are dropped,
    and records whose entries show an updated one are re-indexed too."""
    created, updated = [], []
    for instance in instances:
        original = getattr(instance, "_import_original", None)
        was_published = original is not None and original.is_published
        if instance.is_published or was_published:
            (created if original is None else updated).append(instance.pk)
    if created:
        indexer.reindex(model, created, cascade=False)
    if updated:
        indexer.reindex(model, updated, cascade=True)
