import io

import pytest
import reversion
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from archive.media.ingest import ingest
from archive.models import Licence, MediaItem
from tests.media import files


@pytest.fixture
def archive_with_media(demo, curator):
    add_media(curator)


def add_media(curator) -> None:
    """Two images (with derivatives and public copies) and a PDF, one of them saved by a
    curator in a revision of its own."""
    licence = Licence.objects.get(slug="cc-by")
    common = {"alt_text": "A red square", "credit_line": "Photo: Test", "licence": licence}
    ingest(files.upload("square.jpg", files.image_bytes(size=(900, 700))), title="Square",
           status="published", **common)  # fmt: skip
    ingest(files.upload("wide.png", files.image_bytes("PNG", size=(300, 120))), title="Wide",
           **common)  # fmt: skip
    ingest(files.upload("letter.pdf", files.pdf_bytes()), title="Letter", **common)
    with reversion.create_revision():
        reversion.set_user(curator)
        item = MediaItem.objects.get(title="Wide")
        item.caption = "Seen from the north."
        item.save()
    assert item.derivatives.exists()


def stored_through(storage, path="") -> dict[str, bytes]:
    """Every file of a storage, read through its API (works for any backend)."""
    found = {}
    directories, names = storage.listdir(path)
    for name in names:
        with storage.open(f"{path}{name}", "rb") as file:
            found[f"{path}{name}"] = file.read()
    for directory in directories:
        found.update(stored_through(storage, f"{path}{directory}/"))
    return found


def stored(root) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def flush() -> None:
    """Empty every table inside the test's transaction (rolled back after the test)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # TRUNCATE refuses pending deferred checks
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--no-input", stdout=io.StringIO())
    ContentType.objects.clear_cache()  # the flush made them again, with other ids


def empty_database() -> None:
    """What a new database holds after `migrate`: no records, but the vocabularies and groups
    the data migrations make (here under other primary keys than the bag's)."""
    flush()
    Licence.objects.create(name="CC BY 4.0 (new)", slug="cc-by", order=9)
    Group.objects.create(name="Curators")
