"""What a bag preserves: the rows of every installed app except what is made again or is no
part of the archive, and the files their file fields name.

Left out, by app or model label (none of them the archive's own data):
content types and permissions (made by `migrate`; rows refer to them by natural key),
sessions and login throttling (axes), the search index (rebuilt from the records) and the page
cache's publication generation (a counter every write moves, the restore's writes included).
"""

from collections.abc import Iterator

from django.apps import apps
from django.core import serializers
from django.db import models

NOT_PRESERVED = {
    "contenttypes", "sessions", "axes", "search", "auth.Permission",
    "archive.PublicationGeneration",
}  # fmt: skip


def _preserved(model) -> bool:
    meta = model._meta
    return (
        meta.managed
        and not meta.proxy
        and meta.app_label not in NOT_PRESERVED
        and meta.label not in NOT_PRESERVED
    )


def preserved_models() -> list[type[models.Model]]:
    """Every model whose rows a bag holds, in an order that loads: what a row refers to by
    natural key first (Django's own order for fixtures)."""
    by_app = {}
    for model in apps.get_models():
        if _preserved(model):
            by_app.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(by_app.items(), allow_cycles=True)


def file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def stored_files() -> Iterator[tuple[object, str]]:
    """(storage, name) of every file a preserved row names, once each (each field's own
    storage: the default storage unless a field says otherwise)."""
    seen = set()
    for model in preserved_models():
        for field in file_fields(model):
            names = (
                model._default_manager.exclude(**{field.attname: ""})
                .order_by("pk")
                .values_list(field.attname, flat=True)
                .iterator(chunk_size=2000)
            )
            for name in names:
                if name and name not in seen:
                    seen.add(name)
                    yield field.storage, name
