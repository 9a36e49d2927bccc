"""Taking a file in: size limit, type sniffed from its content, image checks, checksum, EXIF.

`inspect_file()` refuses anything unsafe with a `ValidationError` before a byte is stored.
`inspect_upload()` is the step every upload door takes for a new file (the admin form,
`ingest()`): it inspects the file and gives the item what is derived from it. The model sits
below this module and cannot call it; it refuses a new file no door has inspected instead.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from . import images, storing
from .specs import ACCEPTED, TYPE_NAMES, accepted_summary

CHUNK_SIZE = 1024 * 1024
SNIFF_BYTES = 8192  # what `filetype` reads


@dataclass
class Inspection:
    media_type: str
    mime_type: str
    size: int
    sha256: str
    width: int | None = None
    height: int | None = None
    exif: dict = field(default_factory=dict)


def _markup_error(head: bytes) -> ValidationError | None:
    """HTML or SVG (which can carry script) passed off as something else."""
    text = head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    if "<svg" in text:
        return ValidationError(
            "This file is an SVG drawing, not a photograph or scan. SVG is refused because it "
            "can carry script that would run in visitors' browsers; export it as PNG instead.",
            code="svg",
        )
    if text.startswith("<") or "<script" in text or "<html" in text:
        return ValidationError(
            "This file is HTML or XML markup, not an image or media file, whatever its name "
            "says. It is refused because it could run script in visitors' browsers.",
            code="markup",
        )
    return None


def sniff(head: bytes) -> str:
    """The MIME type of the content, or a clear ValidationError."""
    kind = filetype.guess(head)
    if kind is None:
        raise _markup_error(head) or ValidationError(
            "The type of this file could not be recognised from its content; "
            f"{accepted_summary()}.",
            code="unknown_type",
        )
    if kind.mime not in ACCEPTED:
        raise ValidationError(
            f"This file is {kind.mime} (.{kind.extension}), which the archive does not accept; "
            f"{accepted_summary()}.",
            code="unsupported_type",
        )
    return kind.mime


def check_extension(name: str, mime: str) -> None:
    extensions = ACCEPTED[mime][1]
    suffix = PurePosixPath(name or "").suffix.lower().lstrip(".")
    what = TYPE_NAMES[mime]
    if not suffix:
        raise ValidationError(
            f"The file name “{name}” has no extension, but its content is {what}: "
            f"name it .{extensions[0]}.",
            code="no_extension",
        )
    if suffix not in extensions:
        raise ValidationError(
            f"The file name ends in “.{suffix}” but its content is {what}. Rename it to "
            f".{extensions[0]}, or upload the file you meant.",
            code="extension_mismatch",
        )


def checksum(file) -> str:
    """SHA-256 of a file object, read in chunks."""
    digest = hashlib.sha256()
    file.seek(0)
    while chunk := file.read(CHUNK_SIZE):
        digest.update(chunk)
    return digest.hexdigest()


def inspect_file(file, name: str) -> Inspection:
    """Everything the archive derives from an upload, or a ValidationError saying what is wrong.

    `file` is any file object with `size`, `seek` and `read` (an upload or a storage file).
    """
    size = file.size
    limit = settings.MEDIA_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            f"This file is {filesizeformat(size)}; the largest accepted is "
            f"{filesizeformat(limit)}.",
            code="too_large",
        )
    if not size:
        raise ValidationError("This file is empty.", code="empty")
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    mime = sniff(head)
    check_extension(name, mime)
    media_type = ACCEPTED[mime][0]
    inspection = Inspection(media_type, mime, size, checksum(file))
    if media_type == "image":
        image = images.load_verified(file)
        inspection.width, inspection.height = images.oriented_size(image)
        inspection.exif = images.exif_dict(image)
    file.seek(0)
    return inspection


def inspect_upload(item, upload=None) -> None:
    """Inspect a new `upload` (by default the item's own new file) and give `item` what is
    derived from it, or raise a ValidationError {"file": [...]} and store nothing."""
    if upload is None:
        if not item.file or getattr(item.file, "_committed", True):
            return  # no new file: nothing to inspect
        upload = item.file.file
    try:
        inspection = inspect_file(upload, upload.name)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from error
    item.apply_inspection(inspection, upload)


def ingest(file, **fields):
    """Create a media item from a file as the admin does: checked, stored, derivatives made.

    A refused file or field raises ValidationError before anything is stored. A failure after
    that rolls the row back and deletes every file stored (`storing.all_or_nothing`); a storage
    error (disk full...) is a ValidationError on the file, in words.
    """
    from django.db import transaction

    from archive.models import MediaItem

    from .derivatives import ensure_derivatives

    item = MediaItem(file=file, **fields)
    if not item.slug:
        item.slug = item.make_unique_slug(item.title)
    errors = {}
    try:
        inspect_upload(item)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        item.full_clean(exclude=["file"] if errors else None)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    try:
        with storing.all_or_nothing(), transaction.atomic():
            storing.store_upload(item.file)
            item.save()
            ensure_derivatives(item)
    except OSError as error:
        item.pk = None
        raise ValidationError({"file": storing.failure_message(error)}) from error
    return item
