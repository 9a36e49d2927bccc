"""Derivatives: upright, sRGB, no metadata, made once through the storage API, regenerable."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from archive.media import specs
from archive.media.derivatives import ensure_derivatives
from archive.models.media import MediaDerivative

from . import files
from .conftest import stored_files

pytestmark = pytest.mark.django_db


def opened(derivative) -> Image.Image:
    with derivative.file.open("rb") as stored:
        return Image.open(io.BytesIO(stored.read()))


def raw(derivative) -> bytes:
    with derivative.file.open("rb") as stored:
        return stored.read()


def test_it_makes_each_size_in_webp_and_jpeg_never_upscaled(make_item):
    item = make_item("wide.png", files.image_bytes("PNG", size=(2000, 1000)))
    made = {(d.name, d.format): (d.width, d.height) for d in item.derivatives.all()}
    assert made == {
        ("thumb", "webp"): (320, 160), ("thumb", "jpg"): (320, 160),
        ("medium", "webp"): (800, 400), ("medium", "jpg"): (800, 400),
        ("large", "webp"): (1600, 800), ("large", "jpg"): (1600, 800),
    }  # fmt: skip
    for derivative in item.derivatives.all():
        image = opened(derivative)
        assert image.size == (derivative.width, derivative.height)
        assert image.format == {"webp": "WEBP", "jpg": "JPEG"}[derivative.format]
        assert derivative.size == len(raw(derivative))
    # What the pages link to is known without a query, and matches what was made.
    assert [(r.name, r.width, r.height) for r in item.renditions] == [
        ("thumb", 320, 160), ("medium", 800, 400), ("large", 1600, 800),
    ]  # fmt: skip


def test_a_small_image_has_a_thumbnail_only_at_its_own_size(make_item):
    item = make_item("small.png", files.image_bytes("PNG", size=(64, 48)))
    assert sorted(item.derivatives.values_list("name", "format", "width", "height")) == [
        ("thumb", "jpg", 64, 48),
        ("thumb", "webp", 64, 48),
    ]
    assert item.display.name == item.largest.name == "thumb"


def test_it_applies_the_exif_orientation_and_strips_exif_and_gps(make_item):
    data = files.jpeg_with_orientation_and_gps(size=(64, 48), orientation=6)
    item = make_item("sideways.jpg", data)
    assert item.exif["GPS"]  # kept on the item, for staff
    for derivative in item.derivatives.all():
        image = opened(derivative).convert("RGB")
        assert image.size == (48, 64)  # upright
        # The blue mark, top left as stored, is top right once turned clockwise.
        red, green, blue = image.getpixel((image.width - 3, 2))
        assert blue > 150 and red < 100, (derivative, image.getpixel((image.width - 3, 2)))
        assert not opened(derivative).getexif()
        assert "exif" not in opened(derivative).info and "xmp" not in opened(derivative).info
        data = raw(derivative)
        assert b"Exif" not in data and b"TestCam" not in data and b"GPS" not in data


def test_it_converts_cmyk_to_rgb(make_item):
    item = make_item("print.jpg", files.cmyk_jpeg())
    assert item.mime_type == "image/jpeg"
    for derivative in item.derivatives.all():
        image = opened(derivative)
        assert image.mode == "RGB"
        red, green, blue = image.getpixel((image.width // 2, image.height // 2))
        assert red < 60 and green > 200 and blue > 200  # cyan stays cyan


def test_it_converts_palette_images_to_rgb(make_item):
    item = make_item("map.png", files.palette_png())
    for derivative in item.derivatives.all():
        image = opened(derivative)
        assert image.mode == "RGB"
        assert image.getpixel((2, 2))[1] > 200  # green half
        assert image.getpixel((image.width - 2, 2))[0] > 200  # red half


def test_it_flattens_transparency_onto_white_for_jpeg_only(make_item):
    data = files.image_bytes("PNG", size=(40, 30), mode="RGBA", color=(0, 0, 0, 0))
    item = make_item("clear.png", data)
    by_format = {d.format: opened(d) for d in item.derivatives.all()}
    assert by_format["jpg"].convert("RGB").getpixel((35, 25)) == (255, 255, 255)
    assert by_format["webp"].mode == "RGBA"


def test_it_makes_them_once(make_item, django_assert_max_num_queries):
    item = make_item("photo.jpg")
    before = list(item.derivatives.values_list("pk", flat=True))
    with django_assert_max_num_queries(2):
        assert ensure_derivatives(item) is False
    assert list(item.derivatives.values_list("pk", flat=True)) == before


def test_it_stores_through_any_storage_backend(settings, make_item):
    # No filesystem path anywhere: an object store works by setting alone.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    item = make_item("photo.jpg", files.image_bytes(size=(700, 350)))
    assert stored_files(settings) == []
    names = [item.file.name, *item.derivatives.values_list("file", flat=True)]
    assert all(default_storage.exists(name) for name in names)
    assert len(names) == 1 + 2 * 2


def test_it_deletes_derivative_files_with_their_rows(
    settings, make_item, django_capture_on_commit_callbacks
):
    item = make_item("photo.jpg")
    names = list(item.derivatives.values_list("file", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        item.derivatives.all().delete()
    assert not any(default_storage.exists(name) for name in names)
    assert default_storage.exists(item.file.name)  # the original is never deleted


def test_the_command_regenerates_every_image(
    settings, make_item, django_capture_on_commit_callbacks
):
    image = make_item("photo.jpg", files.image_bytes(size=(700, 350)))
    make_item("sound.wav", files.wav_bytes())
    old = set(image.derivatives.values_list("file", flat=True))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("regenerate_derivatives", "--no-progress", stdout=out)
    assert "Derivatives made for 1 image(s); 0 failed." in out.getvalue()
    new = set(image.derivatives.values_list("file", flat=True))
    assert len(new) == 4 and not new & old
    assert not any(default_storage.exists(name) for name in old)


def test_the_command_with_missing_only_fills_gaps(make_item):
    item = make_item("photo.jpg", files.image_bytes(size=(700, 350)))
    item.derivatives.filter(name="medium").delete()
    out = io.StringIO()
    call_command("regenerate_derivatives", "--missing", "--no-progress", stdout=out)
    assert "made for 1 image" in out.getvalue()
    assert item.derivatives.count() == 4
    call_command("regenerate_derivatives", "--missing", "--no-progress", stdout=out)
    assert "made for 0 image" in out.getvalue()


def test_the_command_reports_an_unreadable_original_and_fails(settings, make_item):
    item = make_item("photo.jpg")
    default_storage.delete(item.file.name)
    out = io.StringIO()
    with pytest.raises(Exception, match="Could not make derivatives for 1 image"):
        call_command("regenerate_derivatives", "--no-progress", stdout=out)
    assert item.slug in out.getvalue()


def test_the_plan_matches_the_sizes():
    assert [s.name for s in specs.SIZES] == ["thumb", "medium", "large"]
    assert specs.plan(None, 10) == []
    assert specs.plan(3000, 4000)[-1] == specs.Planned("large", 1200, 1600)
    assert MediaDerivative.Format.values == list(specs.FORMATS)


def test_it_converts_through_an_embedded_profile_and_does_not_pass_it_on(make_item):
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    item = make_item("profiled.jpg", files.image_bytes("JPEG", icc_profile=icc))
    for derivative in item.derivatives.all():
        image = opened(derivative)
        assert "icc_profile" not in image.info
        assert image.convert("RGB").getpixel((40, 30))[0] > 150  # still red
