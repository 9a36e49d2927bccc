"""What the archive accepts and which derivatives it makes: kept in `archive.models.media.specs`
(below the models, which read it); re-exported here for the media code that imports it."""

from archive.models.media.specs import (  # noqa: F401
    ACCEPTED,
    FILE_TYPES,
    FORMATS,
    JPEG_QUALITY,
    SIZES,
    TYPE_NAMES,
    WEBP_QUALITY,
    FileType,
    Planned,
    Size,
    accepted_extensions,
    accepted_help,
    accepted_summary,
    plan,
    scaled,
)
