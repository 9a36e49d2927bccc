"""Opening images safely: decompression bombs, corrupt and truncated files are errors."""

import math
import struct
import warnings
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import ExifTags, Image, UnidentifiedImageError


def pixel_limit() -> int:
    return settings.MEDIA_MAX_IMAGE_PIXELS


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    limit = pixel_limit()
    size = f" ({width} × {height} = {width * height:,} pixels)" if width and height else ""
    return ValidationError(
        f"This image is too large to process safely{size}: the limit is {limit:,} pixels. "
        "It may be a decompression bomb; if it is a genuine scan, reduce it before uploading.",
        code="too_many_pixels",
    )


def _corrupt(error: Exception) -> ValidationError:
    return ValidationError(
        f"This image is corrupt or truncated and cannot be read ({error}). "
        "Upload a complete copy of the file.",
        code="corrupt_image",
    )


@contextmanager
def bomb_guard():
    """Pillow's own decompression-bomb check uses our limit, and its warning is an error."""
    Image.MAX_IMAGE_PIXELS = pixel_limit()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise _too_many_pixels() from error


def open_image(file) -> Image.Image:
    """Open an image (header only) from a file object, refusing bombs before any decoding."""
    file.seek(0)
    with bomb_guard():
        try:
            image = Image.open(file)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise _corrupt(error) from error
    width, height = image.size
    if width * height > pixel_limit():
        raise _too_many_pixels(width, height)
    return image


def load_verified(file) -> Image.Image:
    """Open, verify and fully decode an image: truncated or corrupt data is an error."""
    image = open_image(file)
    try:
        image.verify()  # checks structure and checksums (PNG CRCs); the object is then spent
    except (OSError, SyntaxError, ValueError, struct.error) as error:
        raise _corrupt(error) from error
    image = open_image(file)
    with bomb_guard():
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, struct.error) as error:
            raise _corrupt(error) from error
    return image


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as shown, after the EXIF orientation is applied."""
    width, height = image.size
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    if orientation in (5, 6, 7, 8):
        return height, width
    return width, height


def _jsonable(value):
    if isinstance(value, bytes):
        if len(value) <= 256:
            text = value.decode("latin-1").strip("\x00 ")
            if text.isprintable():
                return text
        return f"<{len(value)} bytes>"
    if isinstance(value, str):
        return value.replace("\x00", "").strip()  # PostgreSQL's JSON refuses NUL
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, int | bool) or value is None:
        return value
    try:
        number = float(value)  # IFDRational and other numbers
    except (TypeError, ValueError, ZeroDivisionError):
        return str(value)
    return number if math.isfinite(number) else None


def exif_dict(image: Image.Image) -> dict:
    """EXIF as plain JSON, with the Exif and GPS sub-directories as "Exif" and "GPS"."""
    exif = image.getexif()
    data = {}
    pointers = {ExifTags.Base.ExifOffset, ExifTags.Base.GPSInfo}
    for tag, value in exif.items():
        if tag not in pointers:
            data[ExifTags.TAGS.get(tag, str(tag))] = _jsonable(value)
    for ifd, label, names in (
        (ExifTags.IFD.Exif, "Exif", ExifTags.TAGS),
        (ExifTags.IFD.GPSInfo, "GPS", ExifTags.GPSTAGS),
    ):
        values = exif.get_ifd(ifd)
        if values:
            data[label] = {names.get(tag, str(tag)): _jsonable(v) for tag, v in values.items()}
    return data
