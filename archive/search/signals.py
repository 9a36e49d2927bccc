"""Keep the index in step: a registered record, or anything its entry shows, changes.

A record is re-indexed when it is saved (publishing and withdrawing are saves), removed when
it is deleted; the models it depends on (name variants, participations, many-to-many rows...)
re-index the records they belong to. Bulk `QuerySet.update()` sends no signals: run
`manage.py rebuild_search_index` after one.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import indexer
from .registry import Registration, registration_for, registrations

_connected: set[type] = set()


def connect(registration: Registration) -> None:
    _connect_model(registration.model)
    for model in registration.depends_on:
        if getattr(model._meta, "auto_created", False):
            m2m_changed.connect(on_m2m_changed, sender=model, dispatch_uid=f"search-m2m-{model}")
        else:
            _connect_model(model)


def _connect_model(model) -> None:
    if model in _connected:
        return
    _connected.add(model)
    uid = f"search-{model._meta.label}"
    post_save.connect(on_saved, sender=model, dispatch_uid=f"{uid}-save")
    pre_delete.connect(on_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
    post_delete.connect(on_deleted, sender=model, dispatch_uid=f"{uid}-deleted")


def _reindex_dependents(instance) -> None:
    for model, pks in indexer.dependents(instance).items():
        indexer.reindex(model, pks)


def on_saved(sender, instance, created=False, **kwargs):
    if registration_for(sender) is not None:
        # Nothing can show a record that did not exist a moment ago.
        indexer.reindex(sender, [instance.pk], cascade=not created)
    else:
        _reindex_dependents(instance)


def on_deleting(sender, instance, **kwargs):
    # Relations (many-to-many rows, reverse keys) are gone after the delete: look now.
    instance._search_dependents = indexer.dependents(instance)


def on_deleted(sender, instance, **kwargs):
    if registration_for(sender) is not None:
        indexer.remove_records(sender, [instance.pk])
    for model, pks in getattr(instance, "_search_dependents", {}).items():
        indexer.reindex(model, pks)


def on_m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    """Re-index the records whose registration lists this many-to-many table."""
    if action == "pre_clear":
        related = getattr(instance, _accessor(sender, instance), None)
        instance._search_cleared = set(related.values_list("pk", flat=True)) if related else set()
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_search_cleared", set())
    for registration in registrations():
        if sender not in registration.depends_on:
            continue
        if isinstance(instance, registration.model):
            indexer.index_records(registration.model, [instance.pk])
        elif model is registration.model and pk_set:
            indexer.index_records(registration.model, pk_set)


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
