"""Writing the archive as a BagIt bag and restoring it, through Django's storage API only.

A bag (a local directory, RFC 8493) holds, under `data/`:

- `records.xml`: every preserved row (`contents.preserved_models()`), Django's XML fixture
  format (it keeps times to the microsecond, unlike its JSON), content types, permissions and
  users referred to by natural key;
- `files/<storage name>`: every file a preserved row names (originals, derivatives, public
  copies), byte for byte, read with `default_storage.open()`.

`manifest-sha256.txt` and `tagmanifest-sha256.txt` (written by the `bagit` library) hold the
SHA-256 of every file. A restore validates all of them before it writes anything.
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import bagit
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from archive import registry
from archive.search import rebuild

from . import contents

RECORDS = "records.xml"
FILES = "files"
CHUNK = 1024 * 1024
PROFILE = "Archive export (Django fixture + media files)"


class BagRefused(Exception):
    """The bag, the destination or the database is not fit: nothing was written."""


@dataclass
class Restored:
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0
    indexed: int = 0


def _copy(source, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as out:
        shutil.copyfileobj(source, out, CHUNK)


def _consistent_snapshot(outermost: bool) -> None:
    """One view of the database for the whole dump, while curators go on working (SQLite's
    read transaction is one already; PostgreSQL needs it asked for, before any query)."""
    if outermost and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def export(dest: str | Path) -> dict[str, int]:
    """Write the whole archive as a new bag at `dest`; returns counts by model and of files."""
    dest = Path(dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BagRefused(f"{dest} exists and is not an empty directory: choose a new one.")
    models = contents.preserved_models()
    dest.mkdir(parents=True, exist_ok=True)
    outermost = not connection.in_atomic_block
    try:
        with transaction.atomic():
            _consistent_snapshot(outermost)
            counts = {m._meta.label: m._default_manager.count() for m in models}
            call_command(
                "dumpdata", *(m._meta.label for m in models), format="xml", indent=1,
                use_natural_foreign_keys=True, output=str(dest / RECORDS), verbosity=0,
            )  # fmt: skip
            missing = []
            for storage, name in contents.stored_files():
                try:
                    with storage.open(name, "rb") as source:
                        _copy(source, dest / FILES / name)
                except FileNotFoundError:
                    missing.append(name)
            if missing:
                raise BagRefused(
                    f"{len(missing)} file(s) the records name are missing from the storage: "
                    f"{', '.join(missing[:20])}. Run `manage.py check_fixity`, restore them from "
                    "an earlier backup, then export again."
                )
        counts["files"] = sum(1 for p in (dest / FILES).rglob("*") if p.is_file())
        bagit.make_bag(
            str(dest),
            {
                "External-Description": PROFILE,
                "Bag-Group-Identifier": "archive",
                "Internal-Sender-Description": ", ".join(
                    f"{label}: {n}" for label, n in counts.items() if n
                ),
            },
            checksums=["sha256"],
        )
    except BaseException:
        shutil.rmtree(dest, ignore_errors=True)  # no half-written bag that looks like a backup
        raise
    return counts


def validate(path: str | Path) -> bagit.Bag:
    """The bag at `path` if every manifest holds, else BagRefused naming the failing files."""
    try:
        bag = bagit.Bag(str(path))
        bag.validate()
    except bagit.BagValidationError as error:
        names = [str(getattr(d, "path", d)) for d in error.details] or [error.message]
        raise BagRefused(
            f"The bag at {path} is damaged and was not restored: {'; '.join(map(str, names))}. "
            f"({error})"
        ) from error
    except bagit.BagError as error:
        raise BagRefused(f"{path} is not a valid bag: {error}") from error
    if not (Path(path) / "data" / RECORDS).is_file():
        raise BagRefused(f"{path} is a bag, but not an archive export (no data/{RECORDS}).")
    return bag


def records_present() -> list[str]:
    """What the database already holds of the records (registered kinds), in words."""
    found = []
    for kind in registry.kinds():
        count = kind.model._default_manager.count()
        if count:
            found.append(f"{count} {kind.plural.lower() if count != 1 else kind.label.lower()}")
    return found


def _bag_files(bag_path: Path) -> list[tuple[str, Path]]:
    root = bag_path / "data" / FILES
    if not root.is_dir():
        return []
    return sorted((p.relative_to(root).as_posix(), p) for p in root.rglob("*") if p.is_file())


def _same_bytes(storage, name: str, path: Path) -> bool:
    with storage.open(name, "rb") as stored, path.open("rb") as ours:
        while True:
            a, b = stored.read(CHUNK), ours.read(CHUNK)
            if a != b:
                return False
            if not a:
                return True


def restore(bag_path: str | Path, *, merge: bool = False, storage=default_storage) -> Restored:
    """Validate the bag, then restore its rows and files and rebuild the search index.

    Refuses (BagRefused, nothing written) a damaged bag, a database that holds records unless
    `merge` (rows with the bag's primary keys are then overwritten), and a stored file with the
    bag's name but other bytes. Rows go in one transaction; a file that cannot be stored rolls
    them back and removes the files already stored.
    """
    bag_path = Path(bag_path)
    validate(bag_path)
    ContentType.objects.clear_cache()  # the bag names them by natural key: read them afresh
    present = records_present()
    if present and not merge:
        raise BagRefused(
            f"The database is not empty (it holds {', '.join(present)}): restore into a new "
            "database, or pass --merge to overwrite the rows the bag holds."
        )
    files = _bag_files(bag_path)
    to_store = []
    for name, path in files:
        if not storage.exists(name):
            to_store.append((name, path))
        elif not _same_bytes(storage, name, path):
            raise BagRefused(
                f"The storage already holds a different file named {name}: restore into an "
                "empty storage (MEDIA_ROOT or bucket)."
            )
    models = contents.preserved_models()
    stored = []
    try:
        with transaction.atomic():
            if not present:
                # What `migrate` made (vocabularies, groups) gives way to the bag's own rows.
                for model in reversed(models):
                    model._default_manager.all().delete()
            call_command("loaddata", str(bag_path / "data" / RECORDS), verbosity=0)
            for name, path in to_store:
                with path.open("rb") as content:
                    saved = storage.save(name, File(content, name=name))
                stored.append(saved)
                if saved != name:
                    raise BagRefused(f"The storage stored {name} as {saved}: nothing restored.")
    except (DatabaseError, DeserializationError) as error:
        for name in stored:
            storage.delete(name)
        raise BagRefused(
            f"The rows could not be restored ({error}): nothing was restored."
        ) from error
    except BaseException:
        for name in stored:
            storage.delete(name)
        raise
    result = Restored(rows={m._meta.label: m._default_manager.count() for m in models})
    result.files = len(files)
    result.indexed = rebuild.rebuild()
    return result
