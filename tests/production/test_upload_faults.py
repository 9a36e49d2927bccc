"""An upload that fails to store (disk full, a storage error, at any step) is a form error in
words and leaves nothing behind: no media item, no revision, no original, derivative or public
copy; the next upload works once the storage works again. Through the admin, with a storage
that fails half-way through a write and with a really full filesystem (a small tmpfs)."""

import errno
import io
import os
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from reversion.models import Version

from archive.media.ingest import ingest
from archive.models import Licence, MediaItem
from archive.models.media import MediaDerivative, PublicOriginal, specs
from tests.media import files
from tests.media.conftest import stored_files
from tests.media.test_admin import form_data, upload

pytestmark = pytest.mark.django_db

DISK_FULL = "The file could not be stored: the disk is full. Nothing was saved."


class FailingStorage(FileSystemStorage):
    """Writes half of the `fail_at`-th file, then fails as a full disk does (ENOSPC)."""

    writes = 0
    fail_at = 0  # 0: never

    def _save(self, name, content):
        type(self).writes += 1
        if type(self).writes != type(self).fail_at:
            return super()._save(name, content)
        data = content.read()
        os.makedirs(os.path.dirname(self.path(name)), exist_ok=True)
        with open(self.path(name), "wb") as half:
            half.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def failing_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FailingStorage"},
    }
    FailingStorage.writes, FailingStorage.fail_at = 0, 0
    return FailingStorage


def nothing_saved(settings) -> bool:
    return (
        not MediaItem.objects.exists()
        and not MediaDerivative.objects.exists()
        and not PublicOriginal.objects.exists()
        and not Version.objects.filter(content_type__model="mediaitem").exists()
        and stored_files(settings) == []
    )


def test_a_good_upload_makes_eight_files(failing_storage, curator_client, settings):
    # The steps the faults below break: the original, 3 sizes × 2 formats, the public copy.
    upload(curator_client, "photo.jpg", files.image_bytes(size=(1000, 800)))
    assert failing_storage.writes == 8 and len(stored_files(settings)) == 8


FAULTS = {"original": 1, "first-derivative": 2, "last-derivative": 7, "public-copy": 8}


@pytest.mark.parametrize("fail_at", FAULTS.values(), ids=FAULTS.keys())
def test_a_failed_write_is_a_form_error_and_leaves_nothing(
    failing_storage, curator_client, settings, fail_at
):
    failing_storage.fail_at = fail_at
    response = upload(curator_client, "photo.jpg", files.image_bytes(size=(1000, 800)))

    assert response.status_code == 200
    html = response.content.decode()
    assert DISK_FULL in html and "errorlist" in html
    assert failing_storage.writes == fail_at  # it failed where it was told to
    assert nothing_saved(settings)

    failing_storage.fail_at = 0  # space is back
    response = upload(curator_client, "photo.jpg", files.image_bytes(size=(1000, 800)))
    assert DISK_FULL not in response.content.decode()
    item = MediaItem.objects.get()
    assert item.derivatives.count() == 6 and len(stored_files(settings)) == 8


def test_a_failed_write_on_a_new_file_keeps_the_old_one(failing_storage, curator_client, settings):
    upload(curator_client, "photo.jpg", files.image_bytes(size=(1000, 800)))
    item = MediaItem.objects.get()
    before = (item.file.name, item.sha256, sorted(stored_files(settings)))
    failing_storage.fail_at = failing_storage.writes + 3  # a derivative of the new file

    url = reverse("admin:archive_mediaitem_change", args=[item.pk])
    post = form_data(curator_client, url, title="Photo", slug=item.slug)
    post["file"] = files.upload("other.png", files.image_bytes("PNG", size=(900, 600)))
    response = curator_client.post(url, post, follow=True)

    assert DISK_FULL in response.content.decode()
    item.refresh_from_db()
    assert (item.file.name, item.sha256, sorted(stored_files(settings))) == before
    assert item.derivatives.count() == 6


def test_a_failed_write_through_ingest_is_a_validation_error(failing_storage, settings):
    failing_storage.fail_at = 3
    licence = Licence.objects.get(slug="cc-by")
    with pytest.raises(ValidationError) as refused:
        ingest(files.upload("photo.jpg", files.image_bytes(size=(1000, 800))), title="Photo",
               alt_text="A photo", credit_line="Test", licence=licence)  # fmt: skip
    assert refused.value.message_dict["file"] == [
        DISK_FULL + " Try again once the problem is solved (tell whoever runs the archive's "
        "server)."
    ]
    assert nothing_saved(settings)


def test_any_other_storage_error_is_a_form_error_too(curator_client, settings, monkeypatch):
    def broken(item, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("archive.admin.media.ensure_derivatives", broken)
    response = upload(curator_client, "photo.jpg", files.image_bytes())
    assert "The file could not be stored: the storage reported an input/output error." in (
        response.content.decode()
    )
    assert nothing_saved(settings)


# A really full filesystem.


def noise_jpeg(size=(600, 600)) -> bytes:
    buffer = io.BytesIO()
    noise = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    noise.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


@pytest.fixture
def small_disk(tmp_path, settings):
    """MEDIA_ROOT on a 2 MB tmpfs (needs root, as in our containers and CI)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    settings.MEDIA_ROOT = mount / "media"
    os.makedirs(settings.MEDIA_ROOT / "originals")
    os.makedirs(settings.MEDIA_ROOT / "derivatives")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def fill(mount, leave: int):
    """Fill the disk but `leave` bytes (rounded to its pages)."""
    filler = mount / "filler"
    free = os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize
    filler.write_bytes(b"\0" * max(0, free - leave))
    return filler


@pytest.mark.parametrize("room", ["none", "original-only"])
def test_a_full_disk_is_a_form_error_and_leaves_nothing(small_disk, curator_client, settings, room):
    data = noise_jpeg()
    assert len(data) > 200_000
    filler = fill(small_disk, 16_384 if room == "none" else len(data) + 16_384)

    response = upload(curator_client, "photo.jpg", data)

    assert DISK_FULL in response.content.decode()
    assert nothing_saved(settings)

    filler.unlink()  # space is back
    response = upload(curator_client, "photo.jpg", data)
    assert DISK_FULL not in response.content.decode()
    assert MediaItem.objects.get().derivatives.count() == len(specs.plan(600, 600)) * 2


# A crash (no clean-up code runs): the sweep finds what it left.


def test_the_sweep_finds_and_deletes_what_a_crash_left(curator_client, settings):
    upload(curator_client, "photo.jpg", files.image_bytes(size=(1000, 800)))
    kept = stored_files(settings)
    default_storage.save("originals/crashed.jpg", ContentFile(b"half"))
    default_storage.save("derivatives/abc/thumb.webp", ContentFile(b"half"))

    out = io.StringIO()
    call_command("sweep_orphan_files", "--older-than=60", stdout=out)
    assert "Found 0 orphan file(s)." in out.getvalue()  # too young: maybe still uploading

    call_command("sweep_orphan_files", "--older-than=0", stdout=out)
    assert "orphan  originals/crashed.jpg" in out.getvalue()
    assert "Found 2 orphan file(s)." in out.getvalue()
    call_command("sweep_orphan_files", "--older-than=0", "--delete", stdout=out)
    assert stored_files(settings) == kept
