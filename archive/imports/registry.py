"""Resources other apps add for archive's models (archive may not import them).

`people` registers a Source resource that also carries the people who made each source; the
Source admin offers every registered resource, the richest first.
"""

_extra: dict[type, list[type]] = {}


def register(model, resource_class) -> None:
    classes = _extra.setdefault(model, [])
    if resource_class not in classes:
        classes.append(resource_class)


def resources_for(model) -> list[type]:
    return list(_extra.get(model, []))


# Record kinds the import_records command knows: key → resource class.
_kinds: dict[str, type] = {}


def register_kind(key: str, resource_class) -> None:
    _kinds[key] = resource_class


def kinds() -> dict[str, type]:
    from archive.resources import MediaItemResource, PlaceResource, SourceResource

    return {"source": SourceResource, "place": PlaceResource, "media": MediaItemResource, **_kinds}
