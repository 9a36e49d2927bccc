"""The public copy of an image's original: made once through the storage API (like the
derivatives, so that an object store works by setting alone), from the original's bytes, for
visitors; the original stays as uploaded for staff and fixity. See `private` for what goes."""

import io
import uuid

from django.core.files.base import ContentFile
from django.db import transaction

from . import private, storing


def is_up_to_date(item) -> bool:
    copy = getattr(item, "public_original", None)
    return copy is not None and copy.original_sha256 == item.sha256 and bool(copy.file.name)


def ensure_public_original(item, *, force: bool = False):
    """The item's `PublicOriginal`, made unless it is there for this very original; None for
    what is not an image (an old copy is removed)."""
    from archive.models.media import PublicOriginal

    if not item.is_image:
        PublicOriginal.objects.filter(item=item).delete()
        return None
    if not force and is_up_to_date(item):
        return item.public_original
    with item.file.storage.open(item.file.name, "rb") as original:
        data = original.read()
    found = private.carried(io.BytesIO(data))
    copy = private.clean_copy(data, item.mime_type)
    suffix = item.file.name.rsplit(".", 1)[-1]
    row = PublicOriginal(item=item, size=len(copy), original_sha256=item.sha256, removed=found)
    with storing.all_or_nothing(), transaction.atomic():  # no orphan file on a failure
        storing.save_file(row.file, f"{uuid.uuid4().hex}.{suffix}", ContentFile(copy))
        PublicOriginal.objects.filter(item=item).delete()  # its file goes after commit
        row.save()
    item.public_original = row
    return row
