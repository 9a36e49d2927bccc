"""What the other apps tell `archive` about their record kinds.

`archive` imports neither `people` nor `events`; each app registers its record models here in
`AppConfig.ready()`, and the search index, sitemaps, feeds and exports read this registry.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordKind:
    model: type
    key: str  # "event", "person"... used in URLs and facets
    label: str  # "Event"
    plural: str  # "Events"
    list_url_name: str = ""  # the public browse page


_kinds: dict[str, RecordKind] = {}


def register(model, *, key: str, label: str, plural: str, list_url_name: str = "") -> None:
    _kinds[key] = RecordKind(model, key, label, plural, list_url_name)


def kinds() -> list[RecordKind]:
    return list(_kinds.values())


def kind(key: str) -> RecordKind:
    return _kinds[key]


def kind_for_model(model) -> RecordKind | None:
    model = getattr(model, "_meta", None) and model._meta.concrete_model
    return next((k for k in _kinds.values() if k.model is model), None)
