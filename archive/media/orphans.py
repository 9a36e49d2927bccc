"""Files no row names: what a crash (a killed process, a lost machine) between storing a file and
committing its row leaves behind, since no clean-up code ran. Found through the storage API."""

from datetime import timedelta

from django.utils import timezone

from archive.preservation.contents import stored_files

# The folders the media models store into (their `upload_to`).
FOLDERS = ("originals/", "derivatives/", "public-originals/")


def _walk(storage, path: str):
    try:
        directories, names = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in names:
        yield f"{path}{name}"
    for directory in directories:
        yield from _walk(storage, f"{path}{directory}/")


def find(storage, older_than: timedelta = timedelta(hours=1)) -> list[str]:
    """Stored media files that no row names and that are older than `older_than` (younger
    ones may belong to an upload still in progress)."""
    named = {name for file_storage, name in stored_files() if file_storage is storage}
    cutoff = timezone.now() - older_than
    return [
        name
        for folder in FOLDERS
        for name in _walk(storage, folder)
        if name not in named and storage.get_modified_time(name) < cutoff
    ]
