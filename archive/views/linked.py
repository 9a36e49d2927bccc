"""Records of other kinds that point at a record (events in a place, people born there, the
media of a source), found through the model graph so that `archive` imports no other app."""

from dataclasses import dataclass

from django.db.models import Prefetch

from archive import registry


@dataclass
class LinkedGroup:
    label: str
    kind: registry.RecordKind
    records: list


def _relations(model):
    for relation in model._meta.related_objects:
        kind = registry.kind_for_model(relation.related_model)
        if kind is None or relation.related_model is model:
            continue  # not a record kind, or a tree of its own kind (shown by the page)
        if relation.many_to_many and not relation.through._meta.auto_created:
            continue  # a relation with roles of its own, shown by its app's pages
        yield relation, kind


def _attr(relation) -> str:
    return f"public_{relation.get_accessor_name()}"


def linked_prefetches(model) -> list[Prefetch]:
    """One published-only prefetch per reverse relation from another record kind."""
    return [
        Prefetch(
            relation.get_accessor_name(),
            queryset=kind.model._default_manager.published(),
            to_attr=_attr(relation),
        )
        for relation, kind in _relations(model)
    ]


def linked_groups(record) -> list[LinkedGroup]:
    groups = []
    for relation, kind in _relations(type(record)):
        records = getattr(record, _attr(relation), [])
        if not records:
            continue
        label = kind.plural
        role = relation.field.verbose_name
        if not relation.many_to_many and role != relation.model._meta.verbose_name:
            label = f"{kind.plural}: {role}"  # "People: birth place"
        groups.append(LinkedGroup(label, kind, records))
    return groups
