"""Test files made in memory: images with Pillow, audio and video headers, PDF, hostile markup."""

import io
import struct
import wave

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

JPEG_EXIF_ORIENTATION = 0x0112
GPS_IFD = 0x8825


def image_bytes(fmt="JPEG", size=(64, 48), mode="RGB", color=(200, 30, 30), **save):
    image = Image.new(mode, size, color)
    if mode in ("RGB", "RGBA"):
        # A mark in the top-left corner, to check the orientation of derivatives.
        ImageDraw.Draw(image).rectangle([0, 0, size[0] // 4, size[1] // 4], fill=(0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save)
    return buffer.getvalue()


def jpeg_with_orientation_and_gps(size=(64, 48), orientation=6) -> bytes:
    """A landscape JPEG stored sideways (EXIF Orientation 6: shown rotated 90° clockwise),
    with a GPS position in its EXIF."""
    image = Image.new("RGB", size, (200, 30, 30))
    ImageDraw.Draw(image).rectangle([0, 0, size[0] // 4, size[1] // 4], fill=(0, 0, 255))
    exif = Image.Exif()
    exif[JPEG_EXIF_ORIENTATION] = orientation
    exif[0x010F] = "TestCam"  # Make
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (40.0, 22.0, 30.0)
    gps[3] = "E"
    gps[4] = (49.0, 50.0, 15.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def cmyk_jpeg(size=(40, 30)) -> bytes:
    return image_bytes("JPEG", size=size, mode="CMYK", color=(255, 0, 0, 0))


def palette_png(size=(40, 30)) -> bytes:
    image = Image.new("P", size)
    image.putpalette([255, 0, 0, 0, 255, 0] + [0] * (256 * 3 - 6))
    ImageDraw.Draw(image).rectangle([0, 0, size[0] // 2, size[1]], fill=1)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    data = image_bytes("JPEG", size=(200, 150), quality=95)
    return data[: len(data) // 2]


def wav_bytes(seconds=0.05, rate=8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(rate * seconds))
    return buffer.getvalue()


def mp3_bytes() -> bytes:
    # An ID3v2 tag header and a few MPEG audio frame headers.
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" + b"\x00" * 400


def ogg_bytes() -> bytes:
    return b"OggS\x00\x02" + b"\x00" * 22 + b"\x01\x1evorbis" + b"\x00" * 200


def mp4_bytes() -> bytes:
    ftyp = b"ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
    return struct.pack(">I", 8 + len(ftyp) - 4 + 4) + ftyp + b"\x00\x00\x00\x08free" + b"\x00" * 64


def webm_bytes() -> bytes:
    return (
        bytes.fromhex("1a45dfa3")
        + b"\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm"
        + b"\x00" * 64
    )


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML_PAGE = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def upload(name: str, data: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def noisy_png(size=(200, 200)) -> bytes:
    """A PNG that does not compress: larger than a few kilobytes."""
    image = Image.merge("RGB", [Image.effect_noise(size, 80) for _ in range(3)])
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
