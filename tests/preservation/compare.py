"""Every preserved row, field by field, to compare an archive before and after a restore.

Content types and permissions are made again by `migrate` and may get other primary keys in
another database: they are compared by natural key."""

import datetime

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from archive.preservation.contents import preserved_models


def _natural(model, pk):
    if pk is None or model not in (ContentType, Permission):
        return pk
    return model._default_manager.get(pk=pk).natural_key()


def _to_milliseconds(value):
    """Django's JSON serialiser keeps milliseconds of a time (ECMA-262), not microseconds."""
    if isinstance(value, datetime.datetime | datetime.time):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def snapshot(exclude=(), milliseconds=False) -> dict[str, list[tuple]]:
    rows = {}
    for model in preserved_models():
        fields = [
            f for f in model._meta.concrete_fields if f"{model._meta.label}.{f.name}" not in exclude
        ]
        m2m = model._meta.many_to_many
        found = []
        for obj in model._default_manager.order_by("pk"):
            values = tuple(
                _natural(f.related_model, getattr(obj, f.attname))
                if f.is_relation
                else getattr(obj, f.attname)
                for f in fields
            )
            links = tuple(
                tuple(sorted(_natural(f.related_model, pk) for pk in
                             getattr(obj, f.name).values_list("pk", flat=True)))
                for f in m2m
            )  # fmt: skip
            if milliseconds:
                values = tuple(_to_milliseconds(value) for value in values)
            found.append(values + links)
        rows[model._meta.label] = found
    return rows
