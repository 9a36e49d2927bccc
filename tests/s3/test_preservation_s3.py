"""Export and restore with media on S3: `manage.py export_archive DEST` writes a BagIt bag
holding every original read from the bucket; `manage.py import_archive BAG` restores it into an
empty database and an empty bucket, byte for byte, through the storage API only.

Written against the interface of archive/preservation/ (branch h-bagit): it fails until that
branch is merged too."""

import hashlib
import io

import pytest
from django.core.management import call_command
from PIL import Image

from archive.models import MediaItem, Status
from tests.media import files
from tests.media.conftest import stored_files
from tests.media.test_admin import upload
from tests.preservation.conftest import flush

from .conftest import keys, read, use_bucket

pytestmark = pytest.mark.django_db


def media_rows() -> list[dict]:
    return list(MediaItem.objects.order_by("pk").values())


def test_an_archive_on_s3_exports_and_restores_into_an_empty_bucket(
    settings, tmp_path, s3, anonymous_s3, s3_endpoint, bucket, new_bucket, client,
    curator_client, make_item, licence,
):  # fmt: skip
    photo = files.jpeg_with_orientation_and_gps(size=(900, 600))
    upload(curator_client, "barricade.jpg", photo, licence=licence.pk)  # with its history
    make_item("square.png", files.image_bytes("PNG", size=(700, 350)), status=Status.PUBLISHED)
    make_item("sound.wav", files.wav_bytes(), status=Status.PUBLISHED)
    before = media_rows()
    originals = {row["file"]: read(s3, bucket, row["file"]) for row in before}
    assert len(originals) == 3

    bag = tmp_path / "bag"
    call_command("export_archive", str(bag), stdout=io.StringIO())
    manifest = (bag / "manifest-sha256.txt").read_text()
    for row in before:  # every original is in the bag, checksummed
        assert row["sha256"] in manifest, row["file"]

    flush()  # as the preservation tests do: TRUNCATE on PostgreSQL needs immediate checks
    assert not MediaItem.objects.exists()
    restored_bucket = new_bucket()
    use_bucket(settings, s3_endpoint, restored_bucket)
    out = io.StringIO()
    call_command("import_archive", str(bag), stdout=out)

    assert media_rows() == before  # every field, file names and checksums included
    for name, data in originals.items():
        restored = read(s3, restored_bucket, name)
        assert restored == data, name  # byte-identical, in the new bucket
        assert hashlib.sha256(restored).hexdigest() in {row["sha256"] for row in before}
    assert stored_files(settings) == []  # nothing went to the local disk
    for name in keys(s3, restored_bucket):  # restored as private as they were
        with pytest.raises(Exception, match="403|Forbidden|AccessDenied"):
            anonymous_s3.get_object(Bucket=restored_bucket, Key=name)

    fixity = io.StringIO()
    call_command("check_fixity", "--no-progress", stdout=fixity)
    assert "Checked 3 file(s): 3 verified" in fixity.getvalue()

    square = MediaItem.objects.get(title="square.png")
    response = client.get(square.thumbnail.jpg_url)  # derivatives made again or restored
    assert response.status_code == 200
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (square.thumbnail.width, square.thumbnail.height)
