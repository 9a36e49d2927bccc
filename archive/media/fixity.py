"""Fixity: re-read each original and compare its SHA-256 with the one recorded at ingest."""

from dataclasses import dataclass

from django.utils import timezone

from . import reading
from .ingest import checksum


@dataclass(frozen=True)
class FixityResult:
    item: object
    state: str  # a MediaItem.Fixity value
    found: str = ""  # the checksum read now, when the file could be read
    problem: str = ""  # what is wrong, in words; empty when verified


def verify(item) -> FixityResult:
    """Stream the item's original through SHA-256 (in chunks) and judge it."""
    Fixity = type(item).Fixity
    storage, name = item.file.storage, item.file.name
    if not name or not storage.exists(name):
        return FixityResult(item, Fixity.MISSING, problem=f"file missing: {name or '(none)'}")
    try:
        with storage.open(name, "rb") as original:
            found = checksum(reading.sequential(original))  # streamed, not spooled
    except FileNotFoundError:
        return FixityResult(item, Fixity.MISSING, problem=f"file missing: {name}")
    if not item.sha256:
        return FixityResult(item, Fixity.MISMATCH, found, "no checksum was recorded at ingest")
    if found != item.sha256:
        return FixityResult(
            item, Fixity.MISMATCH, found, f"expected {item.sha256}, found {found} ({name})"
        )
    return FixityResult(item, Fixity.OK, found)


def record(result: FixityResult) -> None:
    """Store the verdict and when it was reached (no new version, no change to updated_at)."""
    type(result.item)._default_manager.filter(pk=result.item.pk).update(
        fixity=result.state, fixity_checked_at=timezone.now()
    )


def check(item) -> FixityResult:
    result = verify(item)
    record(result)
    return result
