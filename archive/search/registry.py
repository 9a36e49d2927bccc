"""What each record kind tells the search index: how to describe a record, what it depends on."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass
class Entry:
    """What the index shows and searches for one published record.

    `places` and `persons` are primary keys of the places and people the record is about
    (facets); only published ones count. `date` is EDTF; `earliest`/`latest`/`date_display`
    override what is derived from it (a person's lifetime, say).
    """

    title: str
    text: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    date: str = ""
    date_display: str = ""
    earliest: datetime.date | None = None
    latest: datetime.date | None = None
    places: list[int] = field(default_factory=list)
    persons: list[int] = field(default_factory=list)
    source_kind: str = ""  # slug of the SourceKind, for sources


Dependents = Callable[[object], Iterable]


@dataclass
class Registration:
    model: type
    document: Callable[[object], Entry]
    # Other models whose changes change this model's entries: {OtherModel: fn(instance) ->
    # records of `model` to re-index}. Many-to-many through models are listed the same way.
    depends_on: dict[type, Dependents] = field(default_factory=dict)
    # Prepares a queryset of `model` for indexing in bulk (select_related, prefetch_related).
    prepare: Callable | None = None

    def queryset(self):
        queryset = self.model._default_manager.all()
        return self.prepare(queryset) if self.prepare else queryset


_registrations: dict[type, Registration] = {}


def register(
    model,
    *,
    document: Callable[[object], Entry],
    depends_on: dict[type, Dependents] | None = None,
    prepare: Callable | None = None,
) -> None:
    """Index published records of `model`; keep them in step on save, delete and status change.

    The model must also be registered with `archive.registry` (its kind key and label).
    """
    from . import signals

    registration = Registration(model, document, dict(depends_on or {}), prepare)
    _registrations[model] = registration
    signals.connect(registration)


def registrations() -> list[Registration]:
    return list(_registrations.values())


def registration_for(model) -> Registration | None:
    return _registrations.get(model._meta.concrete_model)
