"""Keep the index in step: a searched record, or anything its entry shows, changes.

Behavior: the receivers are connected once, for every sender (`connect()`, from
`SearchConfig.ready`), and look the sender up in the registry when a signal arrives, so that
kinds registered after this app's `ready()` (people, events) are kept in step too, and the
registry stays plain data. A record is re-indexed when it is saved (publishing and withdrawing
are saves) and removed when it is deleted; the models it depends on (name variants,
participations, many-to-many rows...) re-index the records they belong to. Bulk
`QuerySet.update()` sends no signals: run `manage.py rebuild_search_index` after one.
Fixtures (`loaddata`, `manage.py import_archive`) are raw saves: they bring their own index
rows or rebuild the index afterwards, so a raw save, and the many-to-many rows loaddata sets on
the instance it has just saved raw, index nothing (indexing them made a second row for the
record and broke `search_document_one_per_record`).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import indexer, kinds


def connect() -> None:
    post_save.connect(on_saved, dispatch_uid="search-saved")
    pre_delete.connect(on_deleting, dispatch_uid="search-deleting")
    post_delete.connect(on_deleted, dispatch_uid="search-deleted")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="search-m2m")


def _concrete(sender):
    meta = getattr(sender, "_meta", None)
    return meta.concrete_model if meta is not None else sender


def _watched(model) -> bool:
    """Whether the index shows rows of `model`: a searched kind or a dependency of one."""
    return kinds.searched_kind(model) is not None or any(
        model in kinds.dependencies(kind) for kind in kinds.searched()
    )


def _reindex_dependents(instance) -> None:
    for model, pks in indexer.dependents(instance).items():
        indexer.reindex(model, pks)


def on_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        instance._search_loaded_raw = True  # its many-to-many rows follow (on_m2m_changed)
        return
    model = _concrete(sender)
    if not _watched(model):
        return
    if kinds.searched_kind(model) is not None:
        # Nothing can show a record that did not exist a moment ago.
        indexer.reindex(model, [instance.pk], cascade=not created)
    else:
        _reindex_dependents(instance)


def on_deleting(sender, instance, **kwargs):
    if _watched(_concrete(sender)):
        # Relations (many-to-many rows, reverse keys) are gone after the delete: look now.
        instance._search_dependents = indexer.dependents(instance)


def on_deleted(sender, instance, **kwargs):
    model = _concrete(sender)
    if not _watched(model):
        return
    if kinds.searched_kind(model) is not None:
        indexer.remove_records(model, [instance.pk])
    for dependent, pks in getattr(instance, "_search_dependents", {}).items():
        indexer.reindex(dependent, pks)


def on_m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    """Re-index the records whose search spec lists this many-to-many table."""
    if getattr(instance, "_search_loaded_raw", False):
        return  # a fixture setting the rows of an instance it saved raw
    interested = [kind for kind in kinds.searched() if sender in kinds.dependencies(kind)]
    if not interested:
        return
    if action == "pre_clear":
        related = getattr(instance, _accessor(sender, instance), None)
        instance._search_cleared = set(related.values_list("pk", flat=True)) if related else set()
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_search_cleared", set())
    for kind in interested:
        if isinstance(instance, kind.model):
            indexer.index_records(kind.model, [instance.pk])
        elif model is kind.model and pk_set:
            indexer.index_records(kind.model, pk_set)


def _accessor(through, instance) -> str:
    """The name of the many-to-many manager on `instance` that uses `through`."""
    for field in instance._meta.get_fields():
        remote = getattr(field, "remote_field", None)
        if (
            getattr(remote, "through", None) is through
            or getattr(field, "through", None) is through
        ):
            return field.get_accessor_name() if field.auto_created else field.name
    return ""
