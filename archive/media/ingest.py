"""Taking a file in: size limit, type sniffed from its content, image checks, checksum, EXIF.

`inspect_file()` refuses anything unsafe with a `ValidationError` before a byte is stored;
`MediaItem.clean()` calls it for a new upload, so every form and `full_clean()` goes through it.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from . import images
from .specs import ACCEPTED, TYPE_NAMES

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


def accepted_summary() -> str:
    return (
        "accepted are JPEG, PNG, TIFF, WebP and GIF images, MP3, Ogg and WAV audio, "
        "MP4 and WebM video, and PDF documents"
    )


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


def ingest(file, **fields):
    """Create a media item from a file as the admin does: checked, stored, derivatives made.

    A refused file or field raises ValidationError before anything is stored; a failure after
    that rolls the row back and deletes what was stored.
    """
    from django.db import transaction

    from archive.models import MediaItem

    from .derivatives import ensure_derivatives

    item = MediaItem(file=file, **fields)
    if not item.slug:
        item.slug = item.make_unique_slug(item.title)
    item.full_clean()
    try:
        with transaction.atomic():
            item.save()
            ensure_derivatives(item)
    except BaseException:
        if item.file._committed and item.file.name.startswith("originals/"):
            item.file.storage.delete(item.file.name)
        raise
    return item
