"""Reading stored bytes in chunks, on any storage, without a local path.

An object store's file (django-storages' `S3File`) downloads the whole object into a temporary
file on its first `read()`: for a byte range of a long video, or for a checksum, that is the
whole file written to the app server's disk first. Such a file carries its object (`obj`), and
these helpers ask the object store for just the bytes wanted, as a stream; any other file is
read with `seek` and `read`.
"""

from collections.abc import Iterator

CHUNK_SIZE = 256 * 1024


def _object(file):
    """The object-store object behind `file` (boto3's `s3.Object`), or None on a filesystem."""
    obj = getattr(file, "obj", None)
    return obj if callable(getattr(obj, "get", None)) else None


def in_object_store(file) -> bool:
    return _object(file) is not None


def _get(obj, first: int, last: int | None = None):
    """The body of one streamed GET of the bytes `first`..`last` (None: to the end)."""
    if first == 0 and last is None:
        return obj.get()["Body"]
    return obj.get(Range=f"bytes={first}-{'' if last is None else last}")["Body"]


def chunks(file, first: int = 0, last: int | None = None) -> Iterator[bytes]:
    """The bytes `first`..`last` (inclusive; None: to the end) of an open stored file, in
    chunks; the file is closed when they are read or the iterator is dropped."""
    with file:
        obj = _object(file)
        if obj is not None:
            body = _get(obj, first, last)
            try:
                yield from body.iter_chunks(CHUNK_SIZE)
            finally:
                body.close()
            return
        file.seek(first)
        left = None if last is None else last - first + 1
        while left is None or left > 0:
            data = file.read(CHUNK_SIZE if left is None else min(CHUNK_SIZE, left))
            if not data:
                break
            if left is not None:
                left -= len(data)
            yield data


class _ObjectReader:
    """A stored object read front to back (`seek` then `read`s), one streamed GET per seek,
    for readers that go through a file once (a checksum), not for those that jump about."""

    def __init__(self, obj):
        self.obj, self.position, self.body = obj, 0, None

    def seek(self, position: int, whence: int = 0) -> int:
        if whence != 0:
            raise ValueError("Only absolute positions can be sought in a streamed object.")
        self.close()
        self.position = position
        return position

    def read(self, size: int = -1) -> bytes:
        if self.body is None:
            self.body = _get(self.obj, self.position)
        data = self.body.read(None if size is None or size < 0 else size)
        self.position += len(data)
        return data

    def close(self) -> None:
        if self.body is not None:
            self.body.close()
            self.body = None


def sequential(file):
    """`file` itself, or, in an object store, a reader that streams the object instead of
    downloading all of it to a temporary file first. Close `file` as usual."""
    obj = _object(file)
    return file if obj is None else _ObjectReader(obj)
