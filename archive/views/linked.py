"""Records of other kinds that point at a record (events in a place, people born there, the
media of a source): the relations each kind declares in its registration (`Kind.links_to`),
so that `archive` names no other app's model or field."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import gettext

from archive import registry


@dataclass
class LinkedGroup:
    label: str
    kind: registry.RecordKind
    records: list


def _relations(model):
    for kind, link in registry.links_to(model):
        yield kind, link, kind.model._meta.get_field(link.field)


def _attr(kind, link) -> str:
    return f"public_{kind.key}_{link.field}"


def linked_prefetches(model) -> list[Prefetch]:
    """One published-only prefetch per declared relation from another record kind."""
    return [
        Prefetch(
            field.remote_field.get_accessor_name(),
            queryset=kind.model._default_manager.published(),
            to_attr=_attr(kind, link),
        )
        for kind, link, field in _relations(model)
    ]


def linked_groups(record) -> list[LinkedGroup]:
    groups = []
    for kind, link, field in _relations(type(record)):
        records = getattr(record, _attr(kind, link), [])
        if not records:
            continue
        label = gettext(link.label or kind.plural)
        role = field.verbose_name
        if not link.label and not field.many_to_many and role != type(record)._meta.verbose_name:
            # "People: birth place"
            label = gettext("%(kind)s: %(role)s") % {"kind": gettext(kind.plural), "role": role}
        groups.append(LinkedGroup(label, kind, records))
    return groups
