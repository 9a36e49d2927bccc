"""What the archive accepts and which derivatives it makes: pure data and arithmetic, no I/O.

Models, templates and the derivative maker all read these, so that a derivative's URL and size
are known from the item's width and height alone (no query per item in a gallery).
"""

from dataclasses import dataclass

# Sniffed MIME type → (media type, accepted file name extensions; the first is canonical).
ACCEPTED: dict[str, tuple[str, tuple[str, ...]]] = {
    "image/jpeg": ("image", ("jpg", "jpeg", "jpe", "jfif")),
    "image/png": ("image", ("png",)),
    "image/tiff": ("image", ("tif", "tiff")),
    "image/webp": ("image", ("webp",)),
    "image/gif": ("image", ("gif",)),
    "audio/mpeg": ("audio", ("mp3",)),
    "audio/ogg": ("audio", ("ogg", "oga", "opus")),
    "audio/x-wav": ("audio", ("wav",)),
    "video/mp4": ("video", ("mp4", "m4v")),
    "video/webm": ("video", ("webm",)),
    "application/pdf": ("document", ("pdf",)),
}

# What a person calls each type, for error messages.
TYPE_NAMES = {
    "image/jpeg": "a JPEG image",
    "image/png": "a PNG image",
    "image/tiff": "a TIFF image",
    "image/webp": "a WebP image",
    "image/gif": "a GIF image",
    "audio/mpeg": "an MP3 audio file",
    "audio/ogg": "an Ogg audio file",
    "audio/x-wav": "a WAV audio file",
    "video/mp4": "an MP4 video",
    "video/webm": "a WebM video",
    "application/pdf": "a PDF document",
}


def accepted_extensions() -> list[str]:
    return [ext for _, exts in ACCEPTED.values() for ext in exts]


@dataclass(frozen=True)
class Size:
    name: str  # used in URLs: /media-files/<slug>/<name>.<format>
    long_edge: int  # the longest side, in pixels; never upscaled


SIZES = (Size("thumb", 320), Size("medium", 800), Size("large", 1600))
# WebP for browsers that take it (nearly all), JPEG as the fallback in <picture>.
FORMATS = {"webp": "image/webp", "jpg": "image/jpeg"}
WEBP_QUALITY = 80
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Planned:
    name: str
    width: int
    height: int


def scaled(width: int, height: int, long_edge: int) -> tuple[int, int]:
    """(width, height) fitted into a square of `long_edge`, never larger than the original."""
    longest = max(width, height)
    if longest <= long_edge:
        return width, height
    scale = long_edge / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def plan(width: int | None, height: int | None) -> list[Planned]:
    """The derivatives of an image of this size, smallest first; sizes that would come out
    the same as a smaller one are left out (a small image has a thumbnail only)."""
    if not width or not height:
        return []
    planned: list[Planned] = []
    for size in SIZES:
        w, h = scaled(width, height, size.long_edge)
        if planned and (planned[-1].width, planned[-1].height) == (w, h):
            continue
        planned.append(Planned(size.name, w, h))
    return planned
