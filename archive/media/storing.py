"""Storing media files all or nothing: a failed write (disk full, storage error, a crash of
the request) leaves no file behind, and no row, since the rows roll back with it.

Behavior: every media file is written with `save_file()` (the original with `store_upload()`),
which deletes a half-written file when the write fails (a filesystem leaves one when the disk
fills up; an object store such as S3 writes nothing until the object is whole) and registers
the name with the innermost `all_or_nothing()` block. A block that ends in an exception
deletes every file stored inside it, nested blocks included, and re-raises. Upload doors wrap
their whole save (row, original, derivatives, public copy) in one block and turn an `OSError`
into a form error worded by `failure_message()`.
"""

import errno
import logging
from contextlib import contextmanager
from contextvars import ContextVar

log = logging.getLogger(__name__)

_stored: ContextVar[list | None] = ContextVar("media_files_stored", default=None)

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the storage quota is used up",
    errno.EROFS: "the storage is read-only",
    errno.EACCES: "the archive may not write to the storage",
    errno.EPERM: "the archive may not write to the storage",
    errno.EIO: "the storage reported an input/output error",
}


def failure_message(error: OSError) -> str:
    reason = REASONS.get(error.errno) or str(error.strerror or error) or type(error).__name__
    return (
        f"The file could not be stored: {reason}. Nothing was saved. Try again once the "
        "problem is solved (tell whoever runs the archive's server)."
    )


def discard(storage, name: str) -> None:
    """Delete a stored file, if it is there, without hiding the error being handled."""
    try:
        if name and storage.exists(name):
            storage.delete(name)
    except OSError:
        log.exception("Could not delete %s after a failed write; delete it by hand.", name)


@contextmanager
def all_or_nothing():
    """Delete every file stored inside the block (by `save_file`) if the block fails."""
    stored: list[tuple[object, str]] = []
    outer = _stored.get()
    token = _stored.set(stored)
    try:
        yield stored
    except BaseException:
        for storage, name in reversed(stored):
            discard(storage, name)
        raise
    finally:
        _stored.reset(token)
    if outer is not None:
        outer.extend(stored)  # an enclosing block that fails later removes them too


def _write(storage, name: str, content, max_length: int | None) -> str:
    # The name is chosen first, so that a write that fails half-way can be found and removed
    # (the names are unguessable and unique: no other upload can own it).
    name = storage.get_available_name(name, max_length=max_length)
    try:
        saved = storage.save(name, content, max_length=max_length)
    except BaseException:
        discard(storage, name)
        raise
    registry = _stored.get()
    if registry is not None:
        registry.append((storage, saved))
    return saved


def save_file(fieldfile, filename: str, content) -> str:
    """`FieldFile.save(filename, content, save=False)`, all or nothing."""
    field, instance = fieldfile.field, fieldfile.instance
    name = field.generate_filename(instance, filename)
    fieldfile.name = _write(fieldfile.storage, name, content, field.max_length)
    setattr(instance, field.attname, fieldfile.name)
    fieldfile._committed = True
    return fieldfile.name


def store_upload(fieldfile) -> bool:
    """Store the field's new, not yet stored upload (what `Model.save()` would store), all or
    nothing. Returns whether there was one."""
    if not fieldfile or getattr(fieldfile, "_committed", True):
        return False
    save_file(fieldfile, fieldfile.name, fieldfile.file)
    return True
