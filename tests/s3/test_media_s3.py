"""Media on an S3 object store (a real S3 server): uploads, derivatives and public copies land
in a private bucket and nowhere else, visitors reach bytes only through the checked views,
fixity reads the objects, and deleting an item removes what was derived from it."""

import hashlib
import io

import pytest
from botocore.exceptions import ClientError
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image
from storages.backends.s3 import S3File

from archive.models import MediaItem, Status
from tests.media import files
from tests.media.conftest import stored_files
from tests.media.test_admin import upload

from .conftest import keys, read

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def object_names(item) -> set[str]:
    """The original, its derivatives and its public copy (when it has one)."""
    names = {item.file.name, *item.derivatives.values_list("file", flat=True)}
    copy = getattr(item, "public_original", None)
    return names | ({copy.file.name} if copy else set())


@pytest.fixture
def forbid_spooling(monkeypatch):
    """From when it is called, reading an S3File the usual way (which downloads the whole
    object to a temporary file first) is an error: what follows must stream the bytes.
    (Making derivatives reads the whole original, as Pillow must; so call it after.)"""

    def refuse(self):
        raise AssertionError(f"{self.name} was downloaded whole to a temporary file")

    def forbid():
        monkeypatch.setattr(S3File, "file", property(refuse, S3File.file.fset))

    return forbid


def test_an_upload_through_the_admin_lands_in_the_bucket_only(settings, s3, bucket, curator_client,
                                                              licence):  # fmt: skip
    data = files.jpeg_with_orientation_and_gps(size=(900, 600))
    response = upload(curator_client, "barricade.jpg", data, licence=licence.pk)
    assert response.status_code == 200
    item = MediaItem.objects.get()
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert (item.width, item.height) == (600, 900)  # read through the storage at ingest
    assert item.derivatives.count() == 6  # thumb and medium, each in WebP and JPEG, and large
    assert keys(s3, bucket) == object_names(item)
    assert len(keys(s3, bucket)) == 1 + 6 + 1  # the original, derivatives, public copy
    assert read(s3, bucket, item.file.name) == data  # as uploaded, byte for byte
    assert stored_files(settings) == []  # nothing under MEDIA_ROOT
    assert not settings.MEDIA_ROOT.exists()
    page = curator_client.get(reverse("admin:archive_mediaitem_change", args=[item.pk]))
    html = page.content.decode()
    assert item.sha256 in html and "GPSLatitude" in html
    assert bucket not in html and "X-Amz-" not in html  # the checked views, never the bucket


def test_a_published_derivative_is_served_from_the_bucket(client, s3, bucket, make_item,
                                                          forbid_spooling):  # fmt: skip
    item = make_item("photo.jpg", files.image_bytes(size=(700, 350)), status=Status.PUBLISHED)
    medium = next(r for r in item.renditions if r.name == "medium")
    forbid_spooling()
    response = client.get(medium.jpg_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("public")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    data = body(response)
    assert int(response["Content-Length"]) == len(data)
    row = item.derivatives.get(name="medium", format="jpg")
    assert data == read(s3, bucket, row.file.name)
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("JPEG", (medium.width, medium.height))
    webp = Image.open(io.BytesIO(body(client.get(medium.webp_url))))
    assert (webp.format, webp.size) == ("WEBP", (medium.width, medium.height))


def test_a_byte_range_is_one_ranged_read_of_the_object(client, s3, bucket, make_item,
                                                        forbid_spooling):  # fmt: skip
    sound = make_item("sound.wav", files.wav_bytes(seconds=0.5), status=Status.PUBLISHED)
    stored = read(s3, bucket, sound.file.name)
    forbid_spooling()
    response = client.get(sound.original_url, HTTP_RANGE="bytes=100-1099")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-1099/{len(stored)}"
    assert body(response) == stored[100:1100]
    tail = client.get(sound.original_url, HTTP_RANGE="bytes=-10")
    assert body(tail) == stored[-10:]
    whole = client.get(sound.original_url)
    assert whole.status_code == 200 and body(whole) == stored
    beyond = client.get(sound.original_url, HTTP_RANGE=f"bytes={len(stored)}-")
    assert beyond.status_code == 416


def test_a_drafts_files_are_refused_to_visitors_and_shown_to_staff(client, curator_client, bucket,
                                                                    make_item):  # fmt: skip
    draft = make_item("secret.jpg", files.image_bytes(size=(700, 350)), status=Status.DRAFT)
    urls = [draft.original_url] + [u for r in draft.renditions for u in (r.webp_url, r.jpg_url)]
    for url in urls:
        assert client.get(url).status_code == 404, url
    for url in urls:
        response = curator_client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store"


def test_an_original_not_published_as_is_never_reaches_visitors(client, curator_client, s3,
                                                                 bucket, make_item):  # fmt: skip
    data = files.jpeg_with_orientation_and_gps(size=(640, 480))
    item = make_item("street.jpg", data, status=Status.PUBLISHED)
    assert not item.publish_original_as_is
    visitors = body(client.get(item.original_url))
    assert visitors != data
    assert visitors == read(s3, bucket, item.public_original.file.name)
    assert not Image.open(io.BytesIO(visitors)).getexif().get_ifd(files.GPS_IFD)  # no position
    assert body(curator_client.get(item.original_url)) == data  # staff get it as uploaded


def test_the_bucket_and_its_objects_are_private(client, s3, anonymous_s3, s3_endpoint, bucket,
                                                make_item):  # fmt: skip
    item = make_item("photo.jpg", files.image_bytes(size=(700, 350)), status=Status.PUBLISHED)
    owner_only = [grant["Grantee"]["Type"] for grant in s3.get_bucket_acl(Bucket=bucket)["Grants"]]
    assert owner_only == ["CanonicalUser"]  # no AllUsers, no AuthenticatedUsers
    with pytest.raises(ClientError, match="NoSuchBucketPolicy"):
        s3.get_bucket_policy(Bucket=bucket)
    names = keys(s3, bucket)
    assert len(names) == 6  # original, public copy, two sizes in two formats
    for name in names:
        grants = s3.get_object_acl(Bucket=bucket, Key=name)["Grants"]
        assert [g["Grantee"]["Type"] for g in grants] == ["CanonicalUser"], name
        with pytest.raises(ClientError) as refused:
            anonymous_s3.get_object(Bucket=bucket, Key=name)
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403, name
    # The pages link the checked views only, never the bucket.
    page = client.get(item.get_absolute_url()).content.decode()
    assert item.thumbnail.jpg_url in page
    assert s3_endpoint not in page and bucket not in page


def test_a_public_object_would_be_readable_anonymously(s3, anonymous_s3, bucket):
    # The check above can fail: this server does honour a public-read ACL.
    s3.put_object(Bucket=bucket, Key="open.txt", Body=b"open", ACL="public-read")
    assert anonymous_s3.get_object(Bucket=bucket, Key="open.txt")["Body"].read() == b"open"


def test_any_url_the_storage_makes_is_signed_and_short_lived(s3_endpoint, bucket, make_item):
    import urllib.error
    import urllib.parse
    import urllib.request

    item = make_item("photo.jpg")
    url = default_storage.url(item.file.name)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert "X-Amz-Signature" in query and int(query["X-Amz-Expires"][0]) <= 300
    with urllib.request.urlopen(url) as signed:
        assert hashlib.sha256(signed.read()).hexdigest() == item.sha256
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url.split("?")[0])
    assert refused.value.code == 403


def test_fixity_passes_then_finds_a_changed_and_a_missing_object(s3, bucket, make_item,
                                                                  forbid_spooling):  # fmt: skip
    item = make_item("photo.jpg", files.image_bytes(size=(700, 350)))
    sound = make_item("sound.wav", files.wav_bytes())
    forbid_spooling()
    out = io.StringIO()
    call_command("check_fixity", "--no-progress", stdout=out)
    assert "Checked 2 file(s): 2 verified" in out.getvalue()
    item.refresh_from_db()
    assert item.fixity == MediaItem.Fixity.OK

    changed = bytearray(read(s3, bucket, item.file.name))
    changed[-3] ^= 0xFF  # one flipped byte, as bit rot would
    s3.put_object(Bucket=bucket, Key=item.file.name, Body=bytes(changed))
    s3.delete_object(Bucket=bucket, Key=sound.file.name)
    out = io.StringIO()
    with pytest.raises(CommandError, match="failed for 2 file"):
        call_command("check_fixity", "--no-progress", stdout=out)
    assert f"MISMATCH  {item.slug}: expected {item.sha256}" in out.getvalue()
    assert f"MISSING   {sound.slug}" in out.getvalue()
    item.refresh_from_db()
    sound.refresh_from_db()
    assert (item.fixity, sound.fixity) == (MediaItem.Fixity.MISMATCH, MediaItem.Fixity.MISSING)


def test_deleting_an_item_removes_what_was_derived_and_keeps_the_original_for_recovery(
    s3, bucket, curator_client, make_item, django_capture_on_commit_callbacks
):
    from reversion.models import Version

    upload(curator_client, "photo.jpg", files.image_bytes(size=(700, 350)))  # versioned
    item = MediaItem.objects.get()
    kept = make_item("other.jpg", files.image_bytes(size=(300, 200)))
    original, derived = item.file.name, object_names(item) - {item.file.name}
    assert len(derived) == 5
    url = reverse("admin:archive_mediaitem_delete", args=[item.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not MediaItem.objects.filter(pk=item.pk).exists()
    assert keys(s3, bucket) == {original} | object_names(kept)  # derived objects gone
    # The original stays: a deleted record can be recovered (django-reversion), file and all.
    Version.objects.get_deleted(MediaItem).get(object_id=str(item.pk)).revision.revert()
    recovered = MediaItem.objects.get(pk=item.pk)
    out = io.StringIO()
    call_command("check_fixity", recovered.slug, "--no-progress", stdout=out)
    assert "1 verified" in out.getvalue()


def test_the_health_check_writes_reads_and_deletes_in_the_bucket(client, s3, bucket):
    response = client.get("/healthz")
    assert response.json() == {"database": "ok", "storage": "ok"}
    assert keys(s3, bucket) == set()  # its probe is gone
