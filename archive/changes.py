"""Keep the change log (`archive.models.RecordChange`) in step with what the public sees.

The receivers are connected once, for every sender (`connect()`, from `ArchiveConfig.ready`),
and look the sender up in the registry when a signal arrives, so that kinds registered later
(people, events) are logged too. A record remembers the status it was loaded or last saved
with (`post_init`, no query), so that a save knows whether it publishes, changes a published
record or withdraws one; the only query a save costs is the log row, and a draft's save costs
none. Bulk writes send no signals: the imports call `log_bulk_writes()` beside their search
indexing. `QuerySet.update()` and `.delete()` are not logged.
"""

from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

from archive import registry
from archive.lifecycle import Status

_UNKNOWN = object()  # the stored status is not known (a deferred field)


def connect() -> None:
    post_init.connect(on_init, dispatch_uid="changes-init")
    post_save.connect(on_saved, dispatch_uid="changes-saved")
    post_delete.connect(on_deleted, dispatch_uid="changes-deleted")


def _kind_key(sender) -> str:
    kind = registry.kind_for_model(sender)
    return kind.key if kind is not None else ""


def on_init(sender, instance, **kwargs):
    if not _kind_key(sender):
        return
    # Loaded from the database (`from_db` builds the instance with its stored values) or
    # made in memory: a save with `created` knows it was nothing public before.
    instance._logged_status = instance.__dict__.get("status", _UNKNOWN)
    instance._logged_slug = instance.__dict__.get("slug")


def action_for(was: str | None, now: str | None):
    """The change a write from status `was` to `now` makes public (None: no record), or None."""
    from archive.models import RecordChange

    published, was_published = now == Status.PUBLISHED, was == Status.PUBLISHED
    if published:
        return RecordChange.Action.UPDATE if was_published else RecordChange.Action.CREATE
    return RecordChange.Action.DELETE if was_published else None


def _was(instance, key: str):
    """The status the record had before this write: remembered, else as the log knows it."""
    was = getattr(instance, "_logged_status", _UNKNOWN)
    if was is not _UNKNOWN:
        return was
    from archive.models import RecordChange

    latest = RecordChange.objects.latest_for(key, instance.pk)
    public = latest is not None and latest.action != RecordChange.Action.DELETE
    return Status.PUBLISHED if public else None


def _change(key: str, instance, action):
    from archive.models import RecordChange

    return RecordChange(
        kind=key, object_id=instance.pk, slug=instance.slug, action=action, at=timezone.now()
    )


def on_saved(sender, instance, created=False, raw=False, **kwargs):
    from archive.models import RecordChange

    key = _kind_key(sender)
    if not key or raw:
        return
    now = instance.__dict__.get("status", _UNKNOWN)
    if now is _UNKNOWN:
        return
    was = None if created else _was(instance, key)
    action = action_for(was, now)
    old_slug = getattr(instance, "_logged_slug", None)
    if action == RecordChange.Action.UPDATE and old_slug and old_slug != instance.slug:
        # A new address: the old one (a redirect; a manifest there is gone) is deleted and the
        # new one created, so that a harvester drops what it knew under the old URL.
        gone = _change(key, instance, RecordChange.Action.DELETE)
        gone.slug = old_slug
        RecordChange.objects.bulk_create([gone, _change(key, instance, RecordChange.Action.CREATE)])
    elif action is not None:
        change = _change(key, instance, action)
        if action == RecordChange.Action.DELETE and old_slug:
            change.slug = old_slug  # deleted where the public knew it
        change.save()
    instance._logged_status, instance._logged_slug = now, instance.slug


def on_deleted(sender, instance, **kwargs):
    key = _kind_key(sender)
    if not key:
        return
    if _was(instance, key) == Status.PUBLISHED:
        from archive.models import RecordChange

        gone = _change(key, instance, RecordChange.Action.DELETE)
        gone.slug = getattr(instance, "_logged_slug", None) or instance.slug  # as last public
        gone.save()


def log_bulk_writes(model, instances: list) -> None:
    """Log records written in bulk (no signals fired), in one query. Each instance written
    over a stored record carries it as `_import_original` (the imports' convention)."""
    from archive.models import RecordChange

    key = _kind_key(model)
    if not key:
        return
    from archive import page_cache

    page_cache.bump()  # no signals either: the page cache learns of the writes here
    changes = []
    for instance in instances:
        original = getattr(instance, "_import_original", None)
        was = original.status if original is not None else None
        if (action := action_for(was, instance.status)) is not None:
            changes.append(_change(key, instance, action))
        instance._logged_status = instance.status
    if changes:
        RecordChange.objects.bulk_create(changes)
