"""Run an import outside the admin: in batches (bulk.BatchImporter) with a progress bar, all
in one transaction, with a summary of created / updated / unchanged / failed rows."""

import sys
import time
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from reversion.models import Version
from tqdm import tqdm

from archive.bulkstats import refresh_statistics
from archive.search.models import SearchDocument, SearchFacet, SearchTerm

from .bulk import BatchImporter
from .revisions import ImportRevision


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    rows: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # "row 3, column kind: Unknown ..."
    notes: list[str] = field(default_factory=list)  # flagged dates
    revision_id: int | None = None
    queries: int = 0  # SQL statements the import ran
    written: bool = False

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def report(self, max_errors: int = 20) -> str:
        lines = [
            f"{self.rows} rows in {self.seconds:.1f} s ({self.rows_per_second:,.0f} rows/s): "
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed; {len(self.notes)} dates kept as written and flagged."
        ]
        lines += self.errors[:max_errors]
        if len(self.errors) > max_errors:
            lines.append(f"… and {len(self.errors) - max_errors} more errors.")
        return "\n".join(lines)


def import_dataset(
    resource_class,
    dataset: tablib.Dataset,
    *,
    dry_run: bool = False,
    user=None,
    file_name: str = "",
    valid_rows_only: bool = False,
    chunk_size: int = 5000,
    progress: bool = False,
    resource=None,
) -> Summary:
    """Import `dataset` in batches (archive/imports/bulk.py); rows are numbered as in a
    spreadsheet (the heading is row 1). All in one transaction: a dry run, or a file with
    errors when not `valid_rows_only`, is rolled back whole."""
    summary = Summary(rows=len(dataset))
    resource = resource or resource_class(html_diff=False)
    started = time.perf_counter()
    bar = tqdm(total=len(dataset), unit="row", disable=not progress, file=sys.stderr)
    with connection.execute_wrapper(_QueryCounter(summary)), transaction.atomic():
        revision = ImportRevision(user, f"Imported from {file_name or 'a file'}.")
        importer = BatchImporter(resource, user=user, revision=revision, file_name=file_name)
        headers = list(dataset.headers or [])
        try:
            importer.check_headers(headers)
        except ValidationError as e:
            summary.failed = len(dataset)
            summary.errors += [f"file: {message}" for message in e.messages]
        else:
            for start in range(0, len(dataset), chunk_size):
                rows = [
                    dict(zip(headers, row, strict=True))
                    for row in dataset[start : start + chunk_size]
                ]
                result = importer.import_rows(rows, start + 1)
                summary.created += result.created
                summary.updated += result.updated
                summary.unchanged += result.unchanged
                summary.failed += result.failed
                summary.errors += _errors(result)
                summary.notes += result.notes
                bar.update(len(rows))
        bar.close()
        summary.revision_id = revision.revision.pk if revision.revision else None
        if dry_run or (summary.failed and not valid_rows_only):
            transaction.set_rollback(True)
            summary.revision_id = None
        else:
            summary.written = True
            if summary.created or summary.updated:
                _refresh_statistics(resource._meta.model)
    summary.seconds = time.perf_counter() - started
    return summary


def _refresh_statistics(model) -> None:
    """Fresh planner statistics for the tables an import step filled (the records, their
    versions, the search index; the caller names child tables): autovacuum may be late."""
    refresh_statistics([model])
    refresh_statistics([Version, SearchDocument, SearchFacet, SearchTerm])


class _QueryCounter:
    def __init__(self, summary: Summary):
        self.summary = summary

    def __call__(self, execute, sql, params, many, context):
        self.summary.queries += 1
        return execute(sql, params, many, context)


def _errors(result) -> list[str]:
    """“row 3, column kind: Unknown …”, in row order (the resource numbers data rows from 1)."""
    rows = [*result.invalid, *((number, {None: [text]}) for number, text in result.errors)]
    messages = []
    for number, errors in sorted(rows, key=lambda item: item[0]):
        for column, texts in errors.items():
            if column is None:
                where = ""
            elif column == "__all__":
                where = ", the row"
            else:
                where = f", column {column}"
            messages += [f"row {number + 1}{where}: {text}" for text in texts]
    return messages
