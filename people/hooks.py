"""Hooks that `people` offers to the apps above it.

`events` builds on `people`, never the other way round: people's pages, filters and merges
must not name events' models. Instead `events` fills these hooks in its `AppConfig.ready()`:

- `add_section(model, section)`: a section on the page of a person or an organisation ("took
  part in"), with the prefetch it needs, so the page's query count stays constant;
- `add_filter(model, name, make_filter)`: a browse filter (role in an event);
- `add_merge_rows(rows)`: rows that belong to a person and move with a merge.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    """A section another app adds to a record page of `people`.

    `prefetches()` gives the prefetches the section needs on the page's queryset;
    `build(record, notes)` returns what the template shows (notes numbers citations).
    `context_name` is the template variable; `template` the partial that renders it.
    """

    context_name: str
    prefetches: Callable[[], list]
    build: Callable[[object, object], object]
    template: str = ""


@dataclass(frozen=True)
class MergeRows:
    """Rows of another app that belong to a person and move with a merge.

    `rows(person)` lists them (for the revision that undoes the merge);
    `move(survivor, other)` moves them, dropping rows the survivor already has.
    """

    rows: Callable[[object], list]
    move: Callable[[object, object], None]


_sections: dict[type, list[Section]] = {}
_filters: dict[type, list[tuple[str, Callable]]] = {}
_merge_rows: list[MergeRows] = []


def add_section(model, section: Section) -> None:
    sections = _sections.setdefault(model, [])
    if section not in sections:
        sections.append(section)


def sections(model) -> list[Section]:
    return list(_sections.get(model, []))


def add_filter(model, name: str, make_filter: Callable) -> None:
    """`make_filter()` returns a django-filter Filter; it is added to the model's FilterSet."""
    filters = _filters.setdefault(model, [])
    if all(existing != name for existing, _ in filters):
        filters.append((name, make_filter))


def filters(model) -> list[tuple[str, Callable]]:
    return list(_filters.get(model, []))


def install_filters(filterset, model, after: str | None = None) -> None:
    """Add the hooked filters of `model` to a FilterSet being initialised, bound as declared
    ones are, placed after the filter `after` (else last) so the form keeps its order."""
    added = {}
    for name, make_filter in filters(model):
        hooked = make_filter()
        hooked.field_name = hooked.field_name or name
        hooked.model = filterset.queryset.model
        hooked.parent = filterset
        added[name] = hooked
    if after not in filterset.filters:
        filterset.filters.update(added)
        return
    ordered = {}
    for name, existing in filterset.filters.items():
        ordered[name] = existing
        if name == after:
            ordered.update(added)
    filterset.filters = ordered


def add_merge_rows(rows: MergeRows) -> None:
    if rows not in _merge_rows:
        _merge_rows.append(rows)


def merge_rows() -> list[MergeRows]:
    return list(_merge_rows)
