"""Nothing private in public files: every URL a visitor can reach for an image (its original,
every derivative, the IIIF manifest's images, the links of its page) is read back with Pillow
and carries no GPS, serial number, maker notes, XMP, IPTC, text or comment, unless a curator
publishes the original as it is; staff and fixity keep the true original."""

import hashlib
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from PIL import ExifTags, Image, ImageCms, ImageDraw, PngImagePlugin

from archive import lifecycle
from archive.media import fixity
from archive.models import MediaItem, Status
from archive.models.media import PublicOriginal

from . import files
from .test_admin import form_data

pytestmark = pytest.mark.django_db

SERIAL, OWNER, MAKER_NOTE = "SN-4471-PRIVATE", "Jane Private", b"secret maker notes"
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{OWNER}</dc:creator>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)
# Byte strings that must appear in no public copy (they are in every private file below).
TELLTALES = (SERIAL.encode(), OWNER.encode(), MAKER_NOTE, b"x:xmpmeta", b"TestCam")


def private_exif(orientation=6) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "TestCam"
    exif[ExifTags.Base.Artist] = OWNER
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[ExifTags.Base.BodySerialNumber] = SERIAL
    sub[ExifTags.Base.CameraOwnerName] = OWNER
    sub[ExifTags.Base.MakerNote] = MAKER_NOTE
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[1], gps[2], gps[3], gps[4] = "N", (40.0, 22.0, 12.0), "E", (49.0, 49.0, 48.0)
    return exif


def picture(size=(900, 600)) -> Image.Image:
    image = Image.new("RGB", size, (200, 30, 30))
    ImageDraw.Draw(image).rectangle([0, 0, size[0] // 4, size[1] // 4], fill=(0, 0, 255))
    return image


def saved(fmt, image=None, **options) -> bytes:
    buffer = io.BytesIO()
    (image or picture()).save(buffer, fmt, **options)
    return buffer.getvalue()


def private_jpeg() -> bytes:
    data = saved("JPEG", exif=private_exif(), icc_profile=SRGB, comment=OWNER, xmp=XMP.encode())
    # An IPTC block (Photoshop APP13) naming the owner, after the JFIF header.
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + b"\x00\x00\x00\x10" + OWNER.encode() * 1
    segment = b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc
    return data[:20] + segment + data[20:]


def private_png() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", OWNER)
    text.add_text("Comment", "taken at home", zip=True)
    text.add_itxt("XML:com.adobe.xmp", XMP)
    return saved("PNG", exif=private_exif(), icc_profile=SRGB, pnginfo=text)


def private_webp() -> bytes:
    return saved("WEBP", exif=private_exif(), icc_profile=SRGB, xmp=XMP.encode(), quality=90)


def private_tiff() -> bytes:
    tags = {ExifTags.Base.Artist: OWNER, ExifTags.Base.Make: "TestCam", 700: XMP.encode()}
    return saved("TIFF", icc_profile=SRGB, tiffinfo=tags, compression="tiff_lzw")


def private_gif() -> bytes:
    return saved("GIF", picture().convert("P"), comment=f"made by {OWNER} ({SERIAL})")


PRIVATE_FILES = {
    "photo.jpg": private_jpeg,
    "scan.png": private_png,
    "photo.webp": private_webp,
    "scan.tif": private_tiff,
    "drawing.gif": private_gif,
}


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_nothing_private(data: bytes, where: str) -> None:
    image = Image.open(io.BytesIO(data))
    image.load()
    exif = image.getexif()
    assert ExifTags.Base.GPSInfo not in exif and not exif.get_ifd(ExifTags.IFD.GPSInfo), where
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    for tag in (ExifTags.Base.BodySerialNumber, ExifTags.Base.MakerNote, ExifTags.Base.Make):
        assert tag not in sub and tag not in exif, (where, tag)
    for key in ("xmp", "XML:com.adobe.xmp", "photoshop", "comment"):
        assert not image.info.get(key), (where, key)
    assert not getattr(image, "text", {}), where  # PNG text chunks
    assert 700 not in getattr(image, "tag_v2", {}), where  # TIFF XMP
    for telltale in TELLTALES:
        assert telltale not in data, (where, telltale)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.add(value)
            elif name == "srcset" and value:
                self.urls.update(part.split()[0] for part in value.split(","))


def _ids(data) -> set[str]:
    if isinstance(data, dict):
        found = {data["id"]} if isinstance(data.get("id"), str) else set()
        return found.union(*(_ids(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(_ids(value) for value in data))
    return set()


def visitor_urls(client, item) -> set[str]:
    """The file URLs of the item's page and of every manifest it links to, and its original
    (whose address anyone can guess)."""
    links = _Links()
    links.feed(client.get(item.get_absolute_url()).content.decode())
    urls = {item.original_url}
    for url in links.urls:
        path = re.sub(r"^https?://[^/]+", "", url)
        if path.startswith("/media-files/"):
            urls.add(path)
        elif path.startswith("/iiif/") and path.endswith("manifest.json"):
            manifest = json.loads(client.get(path).content)
            for found in _ids(manifest):
                found = re.sub(r"^https?://[^/]+", "", found)
                if found.startswith("/media-files/"):
                    urls.add(found)
    return urls


@pytest.fixture
def publish(make_item):
    def make(name, data, **fields):
        return make_item(name, data, status=Status.PUBLISHED, title=name, **fields)

    return make


@pytest.mark.parametrize("name", PRIVATE_FILES)
def test_it_gives_visitors_nothing_private_at_any_url(client, publish, name):
    data = PRIVATE_FILES[name]()
    item = publish(name, data)
    urls = visitor_urls(client, item)
    derivatives = {url for r in item.renditions for url in (r.webp_url, r.jpg_url)}
    assert derivatives <= urls  # the page and the manifest reach every derivative
    for url in sorted(urls):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_nothing_private(body(response), url)
    assert item.sha256 == hashlib.sha256(data).hexdigest()  # the original's, not the copy's


@pytest.mark.parametrize("name", PRIVATE_FILES)
def test_it_keeps_the_true_original_for_staff_and_fixity(client, curator_client, publish, name):
    data = PRIVATE_FILES[name]()
    item = publish(name, data)
    response = curator_client.get(item.original_url)
    assert body(response) == data
    assert response["Cache-Control"] == "private, no-store"  # never in a shared cache
    assert "Cookie" in response["Vary"]
    assert fixity.check(item).state == MediaItem.Fixity.OK
    public = client.get(item.original_url)
    assert public["Cache-Control"].startswith("public")
    assert public["Content-Type"] == item.mime_type


def _pixels(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).convert("RGB").tobytes()


@pytest.mark.parametrize("name", ["photo.jpg", "scan.png", "photo.webp", "drawing.gif"])
def test_the_public_copy_changes_no_pixel_and_keeps_profile_and_orientation(client, publish, name):
    data = PRIVATE_FILES[name]()
    item = publish(name, data)
    copy = body(client.get(item.original_url))
    assert _pixels(copy) == _pixels(data)  # no re-encoding
    original, public = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(copy))
    assert public.info.get("icc_profile") == original.info.get("icc_profile")
    orientation = ExifTags.Base.Orientation
    assert public.getexif().get(orientation) == original.getexif().get(orientation)
    assert item.public_original.original_sha256 == item.sha256


def test_a_clean_jpeg_is_served_byte_for_byte(client, publish):
    data = files.image_bytes(size=(400, 300))  # Pillow's JPEG: a JFIF header and the image
    item = publish("plain.jpg", data)
    assert body(client.get(item.original_url)) == data


def test_the_public_copy_of_a_replaced_original_is_made_again(client, publish):
    from django.core.files.base import ContentFile

    item = publish("photo.jpg", files.image_bytes(size=(400, 300)))
    first = item.public_original.file.name
    new = saved("JPEG", exif=private_exif(3))
    item.file.save("photo.jpg", ContentFile(new), save=False)  # as a restore would
    sha = hashlib.sha256(new).hexdigest()
    MediaItem.objects.filter(pk=item.pk).update(file=item.file.name, sha256=sha)
    item.refresh_from_db()
    assert_nothing_private(body(client.get(item.original_url)), "replaced")
    item.refresh_from_db()
    assert item.public_original.file.name != first
    assert item.public_original.original_sha256 == sha


def test_drafts_have_no_public_copy_for_visitors(client, make_item):
    item = make_item("secret.jpg", private_jpeg(), status=Status.DRAFT)
    assert client.get(item.original_url).status_code == 404


def test_audio_video_and_pdf_originals_are_served_as_uploaded(client, publish):
    data = files.pdf_bytes()
    item = publish("report.pdf", data)
    assert body(client.get(item.original_url)) == data


# --- publishing the original as it is: curators only, with a warning --------------------------
def change_url(item) -> str:
    return reverse("admin:archive_mediaitem_change", args=[item.pk])


def post_change(client, item, **fields):
    url = change_url(item)
    data = form_data(
        client, url, title=item.title, slug=item.slug, status=item.status,
        alt_text=item.alt_text, credit_line=item.credit_line, licence=item.licence_id,
        **fields,
    )  # fmt: skip
    return client.post(url, data, follow=True)


WARNING = (
    "This file carries a GPS position (40.37, 49.83), the camera&#x27;s serial number, "
    "the camera owner&#x27;s name, the camera maker&#x27;s private notes"
)


def test_a_curator_publishes_the_original_as_it_is_after_a_warning(client, curator_client, publish):
    data = private_jpeg()
    item = publish("photo.jpg", data)
    page = curator_client.get(change_url(item)).content.decode()
    assert "Visitors who open the original get a copy without a GPS position" in page
    assert 'name="publish_original_as_is"' in page
    response = post_change(curator_client, item, publish_original_as_is="on")
    html = response.content.decode()
    assert WARNING in html and "visitors will be able to download them" in html
    item.refresh_from_db()
    assert item.publish_original_as_is
    page = curator_client.get(change_url(item)).content.decode()
    assert WARNING in page  # shown beside the setting while it is on
    assert "public, because the original is published as it is" in page  # the EXIF panel
    response = client.get(item.original_url)
    assert body(response) == data
    assert response["Cache-Control"].startswith("public")


def test_a_cataloguer_may_not_publish_the_original_as_it_is(cataloguer_client, make_item):
    item = make_item("photo.jpg", private_jpeg(), status=Status.DRAFT)
    page = cataloguer_client.get(change_url(item)).content.decode()
    assert 'name="publish_original_as_is"' not in page  # shown, not editable
    post_change(cataloguer_client, item, publish_original_as_is="on")
    item.refresh_from_db()
    assert not item.publish_original_as_is


def test_the_lifecycle_refuses_the_decision_to_those_who_may_not_publish(make_item):
    item = make_item("photo.jpg", private_jpeg())
    stored = MediaItem.objects.get(pk=item.pk)
    item.publish_original_as_is = True
    found = lifecycle.publishing_refusals(item, stored, may_publish=False)
    assert found == {
        "publish_original_as_is": [
            "Only curators decide “publish the original as it is”: it is a publishing decision."
        ]
    }
    assert lifecycle.publishing_refusals(item, stored, may_publish=True) == {}
    assert lifecycle.publishing_refusals(stored, stored, may_publish=False) == {}


def test_the_change_form_of_an_item_whose_file_is_lost_says_so(curator_client, make_item):
    item = make_item("photo.jpg", private_jpeg(), status=Status.DRAFT)
    PublicOriginal.objects.filter(item=item).delete()  # none made yet (a synthetic item)
    item.file.storage.delete(item.file.name)  # lost from the disk; the row stays
    response = curator_client.get(change_url(item))
    assert response.status_code == 200
    assert "The stored file cannot be read" in response.content.decode()
