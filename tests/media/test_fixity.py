"""Fixity: `check_fixity` re-reads every original, records the verdict, lists every problem
and fails when there is one."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from archive.models import MediaItem

from . import files

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("check_fixity", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_verifies_every_original_with_a_progress_bar(make_item):
    items = [
        make_item("a.jpg"),
        make_item("b.wav", files.wav_bytes()),
        make_item("c.pdf", files.pdf_bytes()),
    ]
    assert all(item.fixity == MediaItem.Fixity.UNCHECKED for item in items)
    out, err = run()
    assert "Checked 3 file(s): 3 verified, 0 mismatched, 0 missing." in out
    assert "Fixity" in err and "100%" in err and "3/3" in err  # tqdm's bar
    for item in MediaItem.objects.all():
        assert item.fixity == MediaItem.Fixity.OK
        assert item.fixity_checked_at is not None


def _overwrite(item, data: bytes) -> None:
    name = item.file.name
    default_storage.delete(name)
    assert default_storage.save(name, ContentFile(data)) == name


def test_it_lists_every_mismatch_and_missing_file_and_fails(make_item):
    good = make_item("good.jpg")
    changed = make_item("changed.jpg", files.image_bytes(size=(30, 30)))
    gone = make_item("gone.jpg", files.image_bytes(size=(20, 20)))
    _overwrite(changed, b"bit rot")
    default_storage.delete(gone.file.name)
    out = io.StringIO()
    with pytest.raises(CommandError, match="Fixity check failed for 2 file"):
        call_command("check_fixity", "--no-progress", stdout=out)
    report = out.getvalue()
    assert f"MISMATCH  {changed.slug}: expected {changed.sha256}" in report
    assert f"MISSING   {gone.slug}: file missing: {gone.file.name}" in report
    assert "1 verified, 1 mismatched, 1 missing" in report
    states = dict(MediaItem.objects.values_list("slug", "fixity"))
    assert states == {good.slug: "ok", changed.slug: "mismatch", gone.slug: "missing"}


def test_it_flags_an_item_with_no_recorded_checksum(make_item):
    item = make_item("a.jpg")
    MediaItem.objects.filter(pk=item.pk).update(sha256="")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_fixity", "--no-progress", stdout=out)
    assert "no checksum was recorded at ingest" in out.getvalue()


def test_it_checks_only_the_items_named(make_item):
    one, other = make_item("one.jpg"), make_item("other.jpg", files.image_bytes(size=(9, 9)))
    default_storage.delete(other.file.name)
    out, _ = run(one.slug, "--no-progress")
    assert "Checked 1 file(s): 1 verified" in out


def test_it_reads_in_chunks(make_item, monkeypatch):
    from archive.media import ingest

    monkeypatch.setattr(ingest, "CHUNK_SIZE", 100)
    data = files.noisy_png(size=(40, 40))
    item = make_item("noise.png", data)
    reads = []
    real_checksum = ingest.checksum

    class Counting:
        def __init__(self, file):
            self.file = file

        def seek(self, offset):
            return self.file.seek(offset)

        def read(self, size=-1):
            reads.append(size)
            return self.file.read(size)

    def counting(file):
        return real_checksum(Counting(file))

    monkeypatch.setattr("archive.media.fixity.checksum", counting)
    run("--no-progress")
    assert set(reads) == {100} and len(reads) > len(data) // 100
    item.refresh_from_db()
    assert item.fixity == MediaItem.Fixity.OK


def test_a_new_upload_starts_unchecked_and_changing_nothing_keeps_versions(make_item):
    from reversion.models import Version

    item = make_item("a.jpg")
    versions = Version.objects.get_for_object(item).count()
    run("--no-progress")
    item.refresh_from_db()
    assert item.fixity == MediaItem.Fixity.OK
    assert Version.objects.get_for_object(item).count() == versions  # no new version
