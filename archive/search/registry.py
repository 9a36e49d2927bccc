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
class Extension:
    """What another app adds to the entries of a kind it does not own (people credited on a
    source, say): more names, text and facet people, from records of that app."""

    names: Callable[[object], Iterable[str]] | None = None
    text: Callable[[object], Iterable[str]] | None = None
    persons: Callable[[object], Iterable[int]] | None = None
    places: Callable[[object], Iterable[int]] | None = None

    def apply(self, record, entry: Entry) -> None:
        for name in ("names", "text", "persons", "places"):
            more = getattr(self, name)
            if more is not None:
                getattr(entry, name).extend(more(record))


@dataclass
class Registration:
    model: type
    document: Callable[[object], Entry]
    # Other models whose changes change this model's entries: {OtherModel: fn(instance) ->
    # records of `model` to re-index}. Many-to-many through models are listed the same way.
    depends_on: dict[type, Dependents] = field(default_factory=dict)
    # Prepares a queryset of `model` for indexing in bulk (select_related, prefetch_related).
    prepare: Callable | None = None
    extensions: list[Extension] = field(default_factory=list)

    def queryset(self):
        queryset = self.model._default_manager.all()
        return self.prepare(queryset) if self.prepare else queryset

    def entry(self, record) -> Entry:
        entry = self.document(record)
        for extension in self.extensions:
            extension.apply(record, entry)
        return entry


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


def extend(
    model,
    *,
    names=None,
    text=None,
    persons=None,
    places=None,
    depends_on: dict[type, Dependents] | None = None,
    prepare: Callable | None = None,
) -> None:
    """Add to the entries of a registered kind from another app (which `archive` must not
    import): `names`, `text`, `persons`, `places` are functions of the record."""
    from . import signals

    registration = _registrations[model]
    registration.extensions.append(Extension(names, text, persons, places))
    for dependency, find in (depends_on or {}).items():
        earlier = registration.depends_on.get(dependency)
        registration.depends_on[dependency] = _both(earlier, find) if earlier else find
    if prepare is not None:
        earlier_prepare = registration.prepare
        registration.prepare = (
            (lambda queryset: prepare(earlier_prepare(queryset))) if earlier_prepare else prepare
        )
    signals.connect(registration)


def _both(first: Dependents, second: Dependents) -> Dependents:
    def find(instance):
        return [*(first(instance) or ()), *(second(instance) or ())]

    return find


def registrations() -> list[Registration]:
    return list(_registrations.values())


def registration_for(model) -> Registration | None:
    return _registrations.get(model._meta.concrete_model)
