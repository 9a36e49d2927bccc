"""Public-safe copies of images: resized, EXIF orientation applied, sRGB, no metadata.

`render()` is pure (bytes in, bytes out); `ensure_derivatives()` stores what it renders through
the storage API only, so that an object store (S3) works by setting alone.
"""

import io
import logging
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageCms, ImageOps

from . import images, private, specs, storing
from .public_original import ensure_public_original
from .public_original import is_up_to_date as public_is_up_to_date

log = logging.getLogger(__name__)

_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Rendered:
    name: str
    format: str  # "webp" or "jpg"
    width: int
    height: int
    data: bytes


def _from_profile(image: Image.Image, mode: str) -> Image.Image | None:
    icc = image.info.get("icc_profile")
    if not icc:
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError) as error:
        # A broken embedded profile: fall back to Pillow's plain conversion, and say so.
        log.warning("Ignoring an unusable ICC profile (%s); converting without it.", error)
        return None


def to_srgb(image: Image.Image) -> Image.Image:
    """RGB, RGBA or L in sRGB, whatever came in (CMYK, palette, 16-bit, other profiles)."""
    mode = image.mode
    if mode == "P" or mode == "PA":
        has_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if mode in ("1", "F"):
        return image.convert("L")
    if mode == "LA":
        return image.convert("RGBA")
    if mode == "CMYK":
        return _from_profile(image, "RGB") or image.convert("RGB")
    if mode in ("RGB", "RGBA"):
        return _from_profile(image, mode) or image
    if mode == "L":
        return image
    return image.convert("RGB")  # YCbCr, LAB, HSV...


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.info = {}  # nothing of the original's metadata (EXIF, XMP, ICC) goes out
    if fmt == "jpg":
        if image.mode == "RGBA":
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        image.save(buffer, "JPEG", quality=specs.JPEG_QUALITY, optimize=True, progressive=True)
    else:
        if image.mode == "L":
            image = image.convert("RGB")
        image.save(buffer, "WEBP", quality=specs.WEBP_QUALITY, method=4)
    return buffer.getvalue()


def prepare(file) -> tuple[Image.Image, list[specs.Planned]]:
    """Open and decode an original (bomb-guarded), upright and in sRGB, with the plan of its
    derivatives (from the original's size, so that they match what the pages expect)."""
    image = images.open_image(file)
    width, height = images.oriented_size(image)
    planned = specs.plan(width, height)
    if planned and image.format == "JPEG":
        # Decode at the smallest DCT scale that still covers the largest derivative: much faster.
        largest = planned[-1]
        swapped = (width, height) != image.size
        image.draft(image.mode, (largest.height, largest.width) if swapped else
                    (largest.width, largest.height))  # fmt: skip
    with images.bomb_guard():
        image.load()
    image = ImageOps.exif_transpose(image)
    return to_srgb(image), planned


def render(file) -> list[Rendered]:
    """Every planned derivative of the image in `file`, largest resized first, each from the
    next larger one (fewer pixels to filter at each step)."""
    image, planned = prepare(file)
    rendered: list[Rendered] = []
    current = image
    for size in reversed(planned):
        if current.size != (size.width, size.height):
            current = current.resize((size.width, size.height), Image.Resampling.LANCZOS)
        for fmt in specs.FORMATS:
            rendered.append(
                Rendered(size.name, fmt, size.width, size.height, _encode(current.copy(), fmt))
            )
    return rendered[::-1]


def is_up_to_date(item) -> bool:
    expected = {(p.name, fmt) for p in specs.plan(item.width, item.height) for fmt in specs.FORMATS}
    existing = {
        (name, fmt)
        for name, fmt, sha in item.derivatives.values_list("name", "format", "original_sha256")
        if sha == item.sha256
    }
    return expected == existing and item.derivatives.count() == len(expected)


def ensure_derivatives(item, *, force: bool = False) -> bool:
    """Make the item's derivatives unless they are already there for this very original, and
    the public copy of the original (so that every door that makes derivatives makes it).

    Returns True when it made derivatives. Not an image: any old derivatives are removed.
    """
    if item.is_image and not force and is_up_to_date(item) and public_is_up_to_date(item):
        return False  # the usual case: no transaction to open
    # Both or neither: a failure deletes the files made here and rolls their rows back.
    with storing.all_or_nothing(), transaction.atomic():
        made = _ensure_derivatives(item, force=force)
        try:
            ensure_public_original(item, force=force)  # the original as visitors get it
        except private.NotClean as error:  # never served: the original's view answers 404
            log.error("No public copy of the original of %s: %s.", item, error)
    return made


def _ensure_derivatives(item, *, force: bool = False) -> bool:
    from archive.models.media import MediaDerivative

    if not item.is_image:
        item.derivatives.all().delete()
        return False
    if not force and is_up_to_date(item):
        return False
    with item.file.storage.open(item.file.name, "rb") as original:
        rendered = render(original)
    token = uuid.uuid4().hex
    with storing.all_or_nothing(), transaction.atomic():  # no orphan files on a failure
        item.derivatives.all().delete()  # their files go after commit
        rows = []
        for r in rendered:
            row = MediaDerivative(
                item=item, name=r.name, format=r.format, width=r.width, height=r.height,
                size=len(r.data), original_sha256=item.sha256,
            )  # fmt: skip
            storing.save_file(row.file, f"{token}/{r.name}.{r.format}", ContentFile(r.data))
            rows.append(row)
        MediaDerivative.objects.bulk_create(rows)
    return True
