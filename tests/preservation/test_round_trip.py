"""`export_archive` then `import_archive` into an empty database and storage gives the same
archive: every row equal, field by field, every file byte for byte, fixity passing, search
answering; a damaged bag is refused, naming its file, before anything is written."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from archive.models import MediaItem, Source
from archive.models.media import MediaDerivative
from archive.search.models import SearchDocument

from .compare import snapshot
from .conftest import add_media, empty_database, stored, stored_through

IN_MEMORY = "django.core.files.storage.InMemoryStorage"

pytestmark = pytest.mark.django_db


def export(bag) -> str:
    out = io.StringIO()
    call_command("export_archive", str(bag), stdout=out)
    return out.getvalue()


def import_(bag, *args) -> str:
    out = io.StringIO()
    call_command("import_archive", str(bag), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def bag(archive_with_media, tmp_path):
    bag = tmp_path / "bag"
    export(bag)
    return bag


def test_it_restores_every_row_and_file(archive_with_media, tmp_path, settings, client):
    before = snapshot()
    files_before = stored(settings.MEDIA_ROOT)
    documents = sorted(SearchDocument.objects.values_list("kind", "object_id", "title", "url"))
    assert MediaDerivative.objects.exists() and len(files_before) > 10
    assert before["reversion.Version"] and before["reversion.Revision"]

    bag = tmp_path / "bag"
    exported = export(bag)
    assert f"{len(files_before)} files" in exported
    assert (bag / "manifest-sha256.txt").is_file() and (bag / "bagit.txt").is_file()

    empty_database()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    assert not SearchDocument.objects.exists() and not stored(settings.MEDIA_ROOT)

    output = import_(bag)

    assert "Restored" in output and f"{len(files_before)} files" in output
    assert snapshot() == before
    assert stored(settings.MEDIA_ROOT) == files_before
    assert sorted(SearchDocument.objects.values_list("kind", "object_id", "title", "url")) == (
        documents
    )
    fixity = io.StringIO()
    call_command("check_fixity", "--no-progress", stdout=fixity, stderr=io.StringIO())
    assert "Every original matches its checksum." in fixity.getvalue()
    assert MediaItem.objects.filter(fixity="ok").count() == 3
    response = client.get("/search/", {"q": "remembers"})
    assert Source.objects.get().get_absolute_url() in response.content.decode()


def test_it_reads_and_writes_files_through_the_storage_api_only(demo, curator, tmp_path, settings):
    # An object store (S3) has no paths: run the round trip on Django's in-memory storage.
    memory = {**settings.STORAGES, "default": {"BACKEND": IN_MEMORY}}
    settings.STORAGES = memory
    add_media(curator)
    files_before = stored_through(default_storage)
    assert len(files_before) > 10
    before = snapshot()
    export(tmp_path / "bag")
    empty_database()
    settings.STORAGES = {**memory}  # a new, empty storage
    assert stored_through(default_storage) == {}

    import_(tmp_path / "bag")

    assert stored_through(default_storage) == files_before
    assert snapshot() == before
    assert not (settings.MEDIA_ROOT).exists()  # nothing went to the filesystem


def test_it_refuses_a_flipped_byte_naming_the_file(bag, tmp_path, settings):
    original = next((bag / "data" / "files" / "originals").iterdir())
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0x01
    original.write_bytes(bytes(data))
    empty_database()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    rows = snapshot()

    with pytest.raises(CommandError) as refused:
        import_(bag)

    assert f"data/files/originals/{original.name}" in str(refused.value)
    assert "damaged" in str(refused.value)
    assert snapshot() == rows  # nothing written
    assert not stored(settings.MEDIA_ROOT)


def test_it_refuses_a_changed_records_file(bag, tmp_path, settings):
    records = bag / "data" / "records.xml"
    records.write_text(records.read_text().replace("Azerbaijan", "Azerbaijam", 1))
    empty_database()
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    with pytest.raises(CommandError, match="data/records.xml"):
        import_(bag)

    assert not Source.objects.exists() and not stored(settings.MEDIA_ROOT)


def test_it_refuses_a_database_that_holds_records(bag):
    with pytest.raises(
        CommandError, match=r"database is not empty \(it holds .*1 source, .*3 media"
    ):
        import_(bag)


def test_it_merges_into_a_database_that_holds_the_same_records(bag, settings):
    before, files_before = snapshot(), stored(settings.MEDIA_ROOT)
    output = import_(bag, "--merge")
    assert "Restored" in output
    assert snapshot() == before and stored(settings.MEDIA_ROOT) == files_before


def test_it_refuses_a_stored_file_with_other_bytes(bag, settings):
    victim = next((settings.MEDIA_ROOT / "originals").iterdir())
    victim.write_bytes(b"other bytes")
    with pytest.raises(CommandError, match=f"different file named originals/{victim.name}"):
        import_(bag, "--merge")
    assert victim.read_bytes() == b"other bytes"


def test_it_refuses_a_destination_that_is_not_empty(archive_with_media, tmp_path):
    dest = tmp_path / "taken"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine")

    with pytest.raises(CommandError, match="exists and is not an empty directory"):
        export(dest)

    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
