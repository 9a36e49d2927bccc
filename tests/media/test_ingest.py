"""Uploads: the type comes from the content; unsafe files are refused and nothing is stored."""

import hashlib
import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from archive.media.ingest import ingest
from archive.models import MediaItem

from . import files
from .conftest import stored_files

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "make", "media_type", "mime"),
    [
        ("photo.jpg", lambda: files.image_bytes("JPEG"), "image", "image/jpeg"),
        ("scan.PNG", lambda: files.image_bytes("PNG"), "image", "image/png"),
        ("scan.tiff", lambda: files.image_bytes("TIFF"), "image", "image/tiff"),
        ("photo.webp", lambda: files.image_bytes("WEBP"), "image", "image/webp"),
        ("anim.gif", lambda: files.image_bytes("GIF"), "image", "image/gif"),
        ("speech.mp3", files.mp3_bytes, "audio", "audio/mpeg"),
        ("song.ogg", files.ogg_bytes, "audio", "audio/ogg"),
        ("interview.wav", files.wav_bytes, "audio", "audio/x-wav"),
        ("film.mp4", files.mp4_bytes, "video", "video/mp4"),
        ("film.webm", files.webm_bytes, "video", "video/webm"),
        ("report.pdf", files.pdf_bytes, "document", "application/pdf"),
    ],
)
def test_it_accepts_each_supported_type_sniffed_from_content(
    make_item, name, make, media_type, mime
):
    data = make()
    item = make_item(name, data, alt_text="x")
    assert (item.media_type, item.mime_type) == (media_type, mime)
    assert item.size == len(data)
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.original_filename == name
    assert item.file.name.startswith("originals/")
    with item.file.open("rb") as stored:
        assert stored.read() == data
    if media_type == "image":
        assert (item.width, item.height) == (64, 48)
        assert item.derivatives.exists()
    else:
        assert item.width is None and not item.derivatives.exists()


def test_it_records_exif_with_gps_and_the_upright_size(make_item):
    item = make_item("sideways.jpg", files.jpeg_with_orientation_and_gps(size=(64, 48)))
    assert (item.width, item.height) == (48, 64)  # orientation 6: shown turned a quarter
    assert item.exif["Make"] == "TestCam"
    assert item.exif["Orientation"] == 6
    assert item.exif["GPS"]["GPSLatitudeRef"] == "N"
    assert item.exif["GPS"]["GPSLatitude"] == [40.0, 22.0, 30.0]


def _refused(settings, name, data, *, contains: str):
    with pytest.raises(ValidationError) as refused:
        ingest(files.upload(name, data), title="Refused", credit_line="x")
    messages = " ".join(refused.value.message_dict["file"])
    assert contains in messages, messages
    assert not MediaItem.objects.exists()
    assert stored_files(settings) == []  # no orphan file
    return messages


def test_it_refuses_a_name_that_disagrees_with_the_content(settings):
    message = _refused(settings, "photo.jpg", files.image_bytes("PNG"), contains="PNG image")
    assert "ends in “.jpg”" in message and "Rename it to .png" in message


def test_it_refuses_a_file_name_without_extension(settings):
    _refused(settings, "photo", files.image_bytes("JPEG"), contains="has no extension")


def test_it_refuses_a_supported_extension_on_an_unsupported_type(settings):
    _refused(settings, "picture.bmp", files.image_bytes("BMP"), contains="does not accept")
    _refused(settings, "picture.jpg", files.image_bytes("BMP"), contains="image/bmp")


def test_it_refuses_content_it_cannot_recognise(settings):
    _refused(settings, "noise.jpg", bytes(range(256)) * 4, contains="could not be recognised")


def test_it_refuses_an_empty_file(settings):
    _refused(settings, "empty.jpg", b"", contains="empty")


def test_it_refuses_files_over_the_size_limit(settings):
    settings.MEDIA_MAX_UPLOAD_BYTES = 1000
    data = files.noisy_png()
    assert len(data) > 1000
    _refused(settings, "big.png", data, contains="the largest accepted is 1000")


def test_it_refuses_a_truncated_image(settings):
    _refused(settings, "cut.jpg", files.truncated_jpeg(), contains="corrupt or truncated")


def test_it_refuses_a_png_with_a_broken_checksum(settings):
    data = bytearray(files.image_bytes("PNG"))
    data[-20] ^= 0xFF  # inside the image data chunk: its CRC no longer matches
    _refused(settings, "broken.png", bytes(data), contains="corrupt or truncated")


def _png_claiming(width: int, height: int) -> bytes:
    """A real PNG whose header (with a correct CRC) claims a huge size: a decompression bomb."""
    data = bytearray(files.image_bytes("PNG", size=(8, 8)))
    ihdr = bytearray(data[12:29])  # b"IHDR" + 13 bytes
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)))
    return bytes(data)


def test_it_refuses_a_decompression_bomb_by_its_header(settings):
    data = _png_claiming(30_000, 30_000)  # 900 megapixels in a few hundred bytes
    assert len(data) < 1000
    message = _refused(settings, "bomb.png", data, contains="too large to process safely")
    assert f"{settings.MEDIA_MAX_IMAGE_PIXELS:,} pixels" in message


@pytest.mark.parametrize("limit", [2000, 3000, 1000])
def test_it_refuses_images_over_the_configured_pixel_limit(settings, limit):
    # 64 × 48 = 3072 pixels: just over (Pillow would only warn) and far over the limit.
    settings.MEDIA_MAX_IMAGE_PIXELS = limit
    _refused(settings, "big.jpg", files.image_bytes("JPEG"), contains="too large to process")


def test_it_keeps_pillow_from_only_warning_about_bombs(settings, recwarn):
    settings.MEDIA_MAX_IMAGE_PIXELS = 2000  # 3072 pixels: Pillow's warning range (1–2 ×)
    _refused(settings, "big.png", files.image_bytes("PNG"), contains="too large to process")
    assert not [w for w in recwarn if issubclass(w.category, Image.DecompressionBombWarning)]


def test_it_refuses_svg_with_script_whatever_its_name(settings):
    for name in ("drawing.svg", "drawing.jpg", "drawing.png"):
        _refused(settings, name, files.SVG_WITH_SCRIPT, contains="SVG is refused")


def test_it_refuses_html_renamed_as_an_image(settings):
    _refused(settings, "photo.jpg", files.HTML_PAGE, contains="HTML or XML markup")
    _refused(settings, "photo.gif", b"\n\n  " + files.HTML_PAGE, contains="HTML or XML markup")


def test_it_stores_nothing_when_other_fields_are_refused(settings):
    with pytest.raises(ValidationError) as refused:
        ingest(files.upload("ok.jpg", files.image_bytes()), title="")
    assert "title" in refused.value.message_dict
    assert not MediaItem.objects.exists() and stored_files(settings) == []


def test_it_rolls_back_and_deletes_the_original_when_derivatives_fail(settings, monkeypatch):
    from archive.media import derivatives

    def broken(file):
        raise OSError("disk full")

    monkeypatch.setattr(derivatives, "render", broken)
    with pytest.raises(ValidationError, match="The file could not be stored: disk full."):
        ingest(files.upload("ok.jpg", files.image_bytes()), title="Half made")
    assert not MediaItem.objects.exists()
    assert stored_files(settings) == []


def test_it_can_read_what_it_stores_back_as_an_image(make_item):
    item = make_item("scan.tiff", files.image_bytes("TIFF", size=(30, 20)))
    with item.file.open("rb") as stored:
        assert Image.open(io.BytesIO(stored.read())).size == (30, 20)


def test_it_stores_awkward_exif_values_as_json(make_item):
    image = Image.new("RGB", (20, 10))
    exif = Image.Exif()
    exif[0x010E] = "caption\x00with a nul"  # ImageDescription
    exif[0x9286] = b"ASCII\x00\x00\x00" + b"\xff" * 300  # a long binary UserComment
    exif.get_ifd(0x8769)[0x829A] = 0.004  # ExposureTime, a rational
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    item = make_item("odd.jpg", buffer.getvalue())
    item.refresh_from_db()
    assert item.exif["ImageDescription"] == "captionwith a nul"
    assert item.exif["UserComment"].startswith("<")  # binary: summarised, not stored
    assert item.exif["Exif"]["ExposureTime"] == pytest.approx(0.004)
