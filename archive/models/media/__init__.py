"""Media items (originals with what is derived from them at ingest) and their derivatives."""

from .derivative import MediaDerivative, derivative_upload_to
from .item import MediaItem, MediaItemQuerySet, Rendition, original_upload_to
from .public_original import PublicOriginal, public_original_upload_to

__all__ = [
    "MediaDerivative",
    "MediaItem",
    "MediaItemQuerySet",
    "PublicOriginal",
    "Rendition",
    "derivative_upload_to",
    "original_upload_to",
    "public_original_upload_to",
]
