"""What an image's original carries that visitors must not get, and the clean copy they get.

`carried(file)` lists, in words, the private metadata an image file holds (GPS position,
serial numbers, maker notes, XMP, IPTC, text chunks, comments). `clean_copy(data, mime)` is
the same image without them, and `check_clean()` proves it by reading the copy back.

The copy is made without re-encoding wherever the format allows. JPEG, PNG, WebP and GIF are
sequences of segments or chunks, and the copy keeps only those that draw the image (a list of
what is kept, not of what is removed: an unknown segment never slips through), byte for byte.
No library does this for us: Pillow re-encodes (JPEG loss), piexif removes only the Exif
segment (not XMP, IPTC or comments), jpegtran and exiftool are programs, and pyexiv2 parses
untrusted uploads in native code and clears known kinds rather than keeping known-good ones.
TIFF keeps its metadata among the tags that draw the image, so it is re-saved with Pillow
(pixels unchanged, lossless compression) with only those tags. The ICC profile is kept
everywhere; the orientation is kept as the only EXIF tag (JPEG, PNG, WebP) or applied (TIFF).
"""

import io
import logging
import re
import struct
import zlib

from django.utils.translation import gettext
from django.utils.translation import gettext_noop
from PIL import ExifTags, Image, ImageOps

from . import images

log = logging.getLogger(__name__)

ORIENTATION = ExifTags.Base.Orientation
# Tags in the Exif sub-directory that name a person or a device.
PRIVATE_EXIF = {
    ExifTags.Base.BodySerialNumber: gettext_noop("the camera's serial number"),
    ExifTags.Base.LensSerialNumber: gettext_noop("the lens's serial number"),
    ExifTags.Base.CameraOwnerName: gettext_noop("the camera owner's name"),
    ExifTags.Base.ImageUniqueID: gettext_noop("a unique image identifier"),
    ExifTags.Base.MakerNote: gettext_noop("the camera maker's private notes"),
}
# Main-directory tags that describe the device or the people, not how to draw the image (a
# TIFF's main directory holds both).
DESCRIPTIVE_TAGS = {
    ExifTags.Base.ImageDescription, ExifTags.Base.Make, ExifTags.Base.Model,
    ExifTags.Base.Software, ExifTags.Base.DateTime, ExifTags.Base.Artist,
    ExifTags.Base.HostComputer, ExifTags.Base.Copyright,
}  # fmt: skip


class NotClean(Exception):
    """A copy that still carries private metadata: never served."""


# --- what a file carries -----------------------------------------------------------------------
def _degrees(value, ref) -> float | None:
    try:
        degrees, minutes, seconds = (float(v) for v in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    decimal = degrees + minutes / 60 + seconds / 3600
    return -decimal if str(ref).upper() in ("S", "W") else decimal


def _gps_phrase(gps) -> str:
    lat, lon = _degrees(gps.get(2), gps.get(1)), _degrees(gps.get(4), gps.get(3))
    if lat is not None and lon is not None:
        return f"a GPS position ({lat:.2f}, {lon:.2f})"
    return gettext_noop("GPS data")


def _text_keys(image: Image.Image) -> list[str]:
    """PNG text chunks (tEXt, zTXt, iTXt): read after the image data too."""
    if image.format != "PNG":
        return []
    with images.bomb_guard():
        text = getattr(image, "text", {}) or {}
    return sorted(key for key in text if key != "XML:com.adobe.xmp")


def carried(file) -> list[str]:
    """What the image in `file` carries that a visitor should not get, in words ("a GPS
    position (40.37, 49.83)", "the camera's serial number", "XMP metadata"...); [] when none."""
    image = images.open_image(file)
    exif = image.getexif()
    found = []
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if gps:
        found.append(_gps_phrase(gps))
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    found += [phrase for tag, phrase in PRIVATE_EXIF.items() if tag in sub]
    if DESCRIPTIVE_TAGS & set(exif) or set(sub) - set(PRIVATE_EXIF):
        found.append(gettext_noop("other EXIF data (camera, dates, software)"))
    info = image.info
    tags = getattr(image, "tag_v2", {})
    if info.get("xmp") or info.get("XML:com.adobe.xmp") or 700 in tags:
        found.append(gettext_noop("XMP metadata"))
    if info.get("photoshop") or 33723 in tags or 34377 in tags:
        found.append(gettext_noop("IPTC or Photoshop metadata"))
    if keys := _text_keys(image):
        found.append(f"text ({', '.join(keys)})")
    if info.get("comment"):
        found.append(gettext_noop("a comment"))
    return found


# The two phrases that carry values; `carried()`'s words are stored (PublicOriginal.removed)
# in English, and translated when shown.
GPS_RE = re.compile(r"a GPS position \((?P<latitude>[-\d.]+), (?P<longitude>[-\d.]+)\)")
TEXT_RE = re.compile(r"text \((?P<keys>.*)\)")


def in_words(phrase: str) -> str:
    """One of `carried()`'s phrases in the active language."""
    if found := GPS_RE.fullmatch(phrase):
        return gettext("a GPS position (%(latitude)s, %(longitude)s)") % found.groupdict()
    if found := TEXT_RE.fullmatch(phrase):
        return gettext("text (%(keys)s)") % found.groupdict()
    return gettext(phrase)


def sentence(found: list[str]) -> str:
    """ "a GPS position (40.37, 49.83) and the camera's serial number", in the active
    language."""
    words = [in_words(phrase) for phrase in found]
    if len(words) == 1:
        return words[0]
    return gettext("%(some)s and %(last)s") % {"some": ", ".join(words[:-1]), "last": words[-1]}


# --- the clean copy ----------------------------------------------------------------------------
def _orientation_exif(orientation: int) -> bytes:
    """An EXIF block whose only tag is the orientation (TIFF header first, no "Exif" prefix)."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    return exif.tobytes().removeprefix(b"Exif\x00\x00")


def _jpeg(data: bytes, orientation: int) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    kept, pos = [b"\xff\xd8"], 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError(f"no JPEG marker at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0xD9:  # EOI: anything after it (appended previews, MPF images) goes
            kept.append(b"\xff\xd9")
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment, pos = data[pos : pos + 2 + length], pos + 2 + length
        payload = segment[4:]
        if marker == 0xE0 and payload.startswith(b"JFIF\x00"):
            # The header without its embedded thumbnail.
            kept.append(b"\xff\xe0\x00\x10" + payload[:12] + b"\x00\x00")
        elif (
            0xC0 <= marker <= 0xCF  # frames, Huffman and arithmetic tables
            or marker in (0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF)  # scans, tables, restarts
            or (marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00"))
            or (marker == 0xEE and payload.startswith(b"Adobe"))  # how colours are coded
        ):
            kept.append(segment)
        if marker == 0xDA:  # entropy-coded data up to the next marker that is not RSTn
            end = pos
            while True:
                end = data.index(b"\xff", end)
                following = data[end + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    end += 2
                elif following == 0xFF:
                    end += 1
                else:
                    break
            kept.append(data[pos:end])
            pos = end
    if kept[-1] != b"\xff\xd9":
        raise ValueError("a JPEG without its end")
    if orientation != 1:
        exif = b"Exif\x00\x00" + _orientation_exif(orientation)
        at = 2 if kept[1].startswith(b"\xff\xe0") else 1
        kept.insert(at, b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    return b"".join(kept)


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks that draw the image (animation included); text, EXIF and times are not among them.
PNG_KEPT = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
    b"bKGD", b"pHYs", b"cICP", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(data: bytes, orientation: int) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG")
    kept, pos = [PNG_SIGNATURE], len(PNG_SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        chunk, pos = data[pos : pos + 12 + length], pos + 12 + length
        if kind == b"IDAT" and orientation != 1 and kept[-1][4:8] != b"IDAT":
            kept.append(_png_chunk(b"eXIf", _orientation_exif(orientation)))
        if kind in PNG_KEPT:
            kept.append(chunk)
        if kind == b"IEND":
            break
    if kept[-1][4:8] != b"IEND":
        raise ValueError("a PNG without its end")
    return b"".join(kept)


WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ICCP", b"ANIM", b"ANMF"}
VP8X_EXIF, VP8X_XMP = 0x08, 0x04


def _webp_chunk(kind: bytes, body: bytes) -> bytes:
    return kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"")


def _webp(data: bytes, orientation: int) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    chunks, pos, extended = [], 12, False
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (length,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 8 + length + (length % 2)
        if kind == b"VP8X":
            extended = True
            flags = body[0] & ~(VP8X_EXIF | VP8X_XMP)
            if orientation != 1:
                flags |= VP8X_EXIF
            body = bytes([flags]) + body[1:]
        if kind in WEBP_KEPT:
            chunks.append(_webp_chunk(kind, body))
    if extended and orientation != 1:  # EXIF comes after the image data
        chunks.append(_webp_chunk(b"EXIF", _orientation_exif(orientation)))
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _gif_sub_blocks(data: bytes, pos: int) -> int:
    """The position after a run of sub-blocks (ended by a zero-length one)."""
    while data[pos]:
        pos += data[pos] + 1
    return pos + 1


GIF_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0", b"ICCRGBG1012")


def _gif(data: bytes, orientation: int) -> bytes:
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        raise ValueError("not a GIF")
    flags = data[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    kept = [data[:pos]]
    while True:
        block = data[pos]
        if block == 0x3B:  # trailer
            kept.append(b"\x3b")
            break
        if block == 0x2C:  # an image: descriptor, local colours, LZW data
            local = data[pos + 9]
            start = pos
            pos += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            pos = _gif_sub_blocks(data, pos)
            kept.append(data[start:pos])
        elif block == 0x21:
            label, start = data[pos + 1], pos
            pos = _gif_sub_blocks(data, pos + 2)
            application = data[start + 3 : start + 14] if label == 0xFF else b""
            # Graphic control (timing, transparency), plain text drawn in the image, looping.
            if label in (0xF9, 0x01) or application in GIF_KEPT_APPLICATIONS:
                kept.append(data[start:pos])
        else:
            raise ValueError(f"an unknown GIF block at byte {pos}")
    return b"".join(kept)


TIFF_LOSSLESS = {"raw", "tiff_lzw", "tiff_adobe_deflate", "packbits", "tiff_deflate"}


def _tiff(data: bytes, orientation: int) -> bytes:
    image = images.open_image(io.BytesIO(data))
    compression = image.info.get("compression", "raw")
    if compression not in TIFF_LOSSLESS:
        compression = "tiff_adobe_deflate"  # no further loss to pixels decoded once
    icc, dpi = image.info.get("icc_profile"), image.info.get("dpi")
    pages = []
    with images.bomb_guard():
        for number in range(getattr(image, "n_frames", 1)):
            image.seek(number)
            # A plain copy: no tags of the original (Pillow would carry XMP and IPTC over).
            page = ImageOps.exif_transpose(image).copy()
            page.info = {}
            pages.append(page)
    options = {"compression": compression}
    if icc:
        options["icc_profile"] = icc
    if dpi:
        options["dpi"] = dpi
    buffer = io.BytesIO()
    pages[0].save(buffer, "TIFF", save_all=len(pages) > 1, append_images=pages[1:], **options)
    return buffer.getvalue()


CLEANERS = {
    "image/jpeg": _jpeg,
    "image/png": _png,
    "image/webp": _webp,
    "image/gif": _gif,
    "image/tiff": _tiff,
}


def check_clean(data: bytes) -> None:
    """Read the copy back: it must open and carry nothing of `carried()`."""
    left = carried(io.BytesIO(data))
    if left:
        raise NotClean(f"the copy still carries {', '.join(left)}")  # for the log: English


def _reencoded(data: bytes, mime: str) -> bytes:
    """The fallback for a file whose structure a walker cannot follow: Pillow decodes it and
    writes the pixels again with the ICC profile only (JPEG at high quality: some loss)."""
    image = images.open_image(io.BytesIO(data))
    fmt, icc = image.format, image.info.get("icc_profile")
    with images.bomb_guard():
        image = ImageOps.exif_transpose(image).copy()
    image.info = {}
    options = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        options.update(quality=95)
    elif fmt == "WEBP":
        options.update(lossless=True)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def clean_copy(data: bytes, mime: str) -> bytes:
    """The image in `data` without its private metadata (see the module's docstring), read back
    to prove it; NotClean if anything is left."""
    image = images.open_image(io.BytesIO(data))
    orientation = image.getexif().get(ORIENTATION, 1)
    if orientation not in range(1, 9):
        orientation = 1
    try:
        copy = CLEANERS[mime](data, orientation)
    except (ValueError, IndexError, struct.error) as error:
        log.warning("Re-encoding a public copy: its structure could not be followed (%s).", error)
        copy = _reencoded(data, mime)
    check_clean(copy)
    return copy
