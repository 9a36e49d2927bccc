"""Uploads kept between attempts: when a form with a new file fails validation for another
reason, the file waits under a private, unguessable name (never served: only `/media-files/`
serves media, and only saved items) and the next submit reuses it. Stale ones are swept."""

import re
import secrets
from datetime import timedelta

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.text import get_valid_filename

STASH_DIR = "upload-stash"
MAX_AGE = timedelta(days=1)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _storage():
    from archive.models import MediaItem  # the originals' storage, wherever it is configured

    return MediaItem._meta.get_field("file").storage


def keep(upload) -> str:
    """Store `upload` under a new token (sweeping stale ones first) and return the token."""
    sweep()
    token = secrets.token_urlsafe(24)
    name = get_valid_filename(upload.name.rsplit("/", 1)[-1]) or "upload"
    upload.seek(0)
    _storage().save(f"{STASH_DIR}/{token}/{name}", upload)
    upload.seek(0)
    return token


def _path(token: str) -> str | None:
    if not TOKEN.match(token or ""):
        return None
    storage = _storage()
    try:
        _, names = storage.listdir(f"{STASH_DIR}/{token}")
    except FileNotFoundError:
        return None
    return f"{STASH_DIR}/{token}/{names[0]}" if names else None


def fetch(token: str) -> UploadedFile | None:
    """The kept upload for `token`, as an upload (None when there is none, or it was swept)."""
    path = _path(token)
    if path is None:
        return None
    storage = _storage()
    return UploadedFile(
        file=storage.open(path, "rb"), name=path.rsplit("/", 1)[-1], size=storage.size(path)
    )


def discard(token: str) -> None:
    path = _path(token)
    if path is not None:
        _storage().delete(path)


def sweep(max_age: timedelta = MAX_AGE) -> int:
    """Delete kept uploads older than `max_age`; returns how many."""
    storage = _storage()
    try:
        tokens, _ = storage.listdir(STASH_DIR)
    except FileNotFoundError:
        return 0
    cutoff, swept = timezone.now() - max_age, 0
    for token in tokens:
        path = _path(token)
        if path is not None and storage.get_modified_time(path) < cutoff:
            storage.delete(path)
            swept += 1
    return swept
