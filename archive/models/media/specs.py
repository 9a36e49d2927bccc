"""What the archive accepts and which derivatives it makes: plain data and arithmetic, no I/O.

Written below the models (which read it for help text, sizes and formats) so that nothing the
models import sits above them. `FILE_TYPES` is the one list of accepted file types: the upload
check, its messages, the file field's help text and the admin's `accept` attribute derive from
it. A derivative's URL and size are known from the item's width and height alone (no query per
item in a gallery).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FileType:
    mime: str  # as sniffed from the content
    media_type: str  # MediaItem.MediaType
    short: str  # "JPEG", in lists of what is accepted
    name: str  # "a JPEG image", in messages about one file
    extensions: tuple[str, ...]  # accepted file name endings; the first is canonical


FILE_TYPES = (
    FileType("image/jpeg", "image", "JPEG", "a JPEG image", ("jpg", "jpeg", "jpe", "jfif")),
    FileType("image/png", "image", "PNG", "a PNG image", ("png",)),
    FileType("image/tiff", "image", "TIFF", "a TIFF image", ("tif", "tiff")),
    FileType("image/webp", "image", "WebP", "a WebP image", ("webp",)),
    FileType("image/gif", "image", "GIF", "a GIF image", ("gif",)),
    FileType("audio/mpeg", "audio", "MP3", "an MP3 audio file", ("mp3",)),
    FileType("audio/ogg", "audio", "Ogg", "an Ogg audio file", ("ogg", "oga", "opus")),
    FileType("audio/x-wav", "audio", "WAV", "a WAV audio file", ("wav",)),
    FileType("video/mp4", "video", "MP4", "an MP4 video", ("mp4", "m4v")),
    FileType("video/webm", "video", "WebM", "a WebM video", ("webm",)),
    FileType("application/pdf", "document", "PDF", "a PDF document", ("pdf",)),
)
# How a list of one media type's formats ends: "JPEG and GIF images", "MP3 and WAV audio".
PLURALS = {"image": "images", "audio": "audio", "video": "video", "document": "documents"}

# Sniffed MIME type → (media type, accepted file name extensions; the first is canonical).
ACCEPTED: dict[str, tuple[str, tuple[str, ...]]] = {
    t.mime: (t.media_type, t.extensions) for t in FILE_TYPES
}
# What a person calls each type, for error messages.
TYPE_NAMES = {t.mime: t.name for t in FILE_TYPES}


def accepted_extensions() -> list[str]:
    return [ext for t in FILE_TYPES for ext in t.extensions]


def _listed(words: list[str], conjunction: str) -> str:
    return f" {conjunction} ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def _groups(conjunction: str) -> list[str]:
    """["JPEG, PNG ... and GIF images", "MP3, Ogg and WAV audio", ...], in FILE_TYPES order."""
    shorts: dict[str, list[str]] = {}
    for t in FILE_TYPES:
        shorts.setdefault(t.media_type, []).append(t.short)
    return [f"{_listed(words, conjunction)} {PLURALS[media]}" for media, words in shorts.items()]


def accepted_summary() -> str:
    """For a refusal: "accepted are JPEG, PNG, TIFF, WebP and GIF images, ..., PDF documents"."""
    groups = _groups("and")
    return f"accepted are {', '.join(groups[:-1])}, and {groups[-1]}"


def accepted_help() -> str:
    """For the file field: "JPEG, PNG, TIFF, WebP or GIF images; MP3, Ogg or WAV audio; ..."."""
    return "; ".join(_groups("or"))


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
