"""Run an import outside the admin: in chunks with a progress bar, all in one transaction."""

import sys
import time
from dataclasses import dataclass, field

import tablib
from django.db import transaction
from import_export.results import RowResult
from tqdm import tqdm

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


def _errors(result, offset: int) -> list[str]:
    messages = []
    for invalid in result.invalid_rows:
        for column, errors in invalid.error_dict.items():
            for error in errors:
                where = f"column {column}" if column != "__all__" else "the row"
                messages.append(f"row {invalid.number + offset + 1}, {where}: {error}")
    for number, errors in result.row_errors():
        for error in errors:
            messages.append(f"row {number + offset + 1}: {error.error}")
    for error in result.base_errors:
        messages.append(f"file: {error.error}")
    return messages


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
    """Import `dataset`; rows are numbered as in a spreadsheet (the heading is row 1)."""
    summary = Summary(rows=len(dataset))
    resource = resource or resource_class(html_diff=False)
    started = time.perf_counter()
    bar = tqdm(total=len(dataset), unit="row", disable=not progress, file=sys.stderr)
    with transaction.atomic():
        revision = ImportRevision(user, f"Imported from {file_name or 'a file'}.")
        for start in range(0, max(len(dataset), 1), chunk_size):
            chunk = tablib.Dataset(*dataset[start : start + chunk_size], headers=dataset.headers)
            result = resource.import_data(
                chunk,
                dry_run=False,
                use_transactions=False,
                user=user,
                file_name=file_name,
                revision=revision,
            )
            totals = result.totals
            summary.created += totals[RowResult.IMPORT_TYPE_NEW]
            summary.updated += totals[RowResult.IMPORT_TYPE_UPDATE]
            summary.unchanged += totals[RowResult.IMPORT_TYPE_SKIP]
            summary.failed += (
                totals[RowResult.IMPORT_TYPE_INVALID] + totals[RowResult.IMPORT_TYPE_ERROR]
            )
            summary.errors += _errors(result, start)
            for row in result.rows:
                summary.notes += getattr(row, "notes", [])
            if result.base_errors:
                # A batch that failed to write: its rows were counted but not stored.
                summary.failed += len(chunk)
            bar.update(len(chunk))
        bar.close()
        summary.revision_id = revision.revision.pk if revision.revision else None
        if dry_run or (summary.failed and not valid_rows_only):
            transaction.set_rollback(True)
            summary.revision_id = None
        else:
            summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary
