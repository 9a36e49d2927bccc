"""A check of JSON-LD against schema.org's own vocabulary (release 12.0, extracted by
scripts/schemaorg_vocabulary.py into schemas/schemaorg-vocabulary.json): every `@type` is a
schema.org class; every property is one, not superseded, and allowed on the node's type or a
supertype (domainIncludes); every nested object's type is one the property expects
(rangeIncludes), and a plain value stands only where the property takes a data type."""

import json
from functools import cache
from pathlib import Path

VOCABULARY = json.loads(
    (Path(__file__).parent / "schemas" / "schemaorg-vocabulary.json").read_text(encoding="utf-8")
)
CLASSES: dict = VOCABULARY["classes"]
PROPERTIES: dict = VOCABULARY["properties"]
CONTEXT = "https://schema.org"
NUMBER_TYPES = {"Number", "Integer", "Float"}


@cache
def supertypes(name: str) -> frozenset[str]:
    """The class and every class it is a subclass of."""
    found = {name}
    for parent in CLASSES.get(name, {}).get("subClassOf", []):
        found |= supertypes(parent)
    return frozenset(found)


def is_data_type(name: str) -> bool:
    return any(CLASSES.get(c, {}).get("dataType") for c in supertypes(name))


def violations(data: dict) -> list[str]:
    """Everything in a JSON-LD document that schema.org does not allow, as readable lines."""
    found = []
    if data.get("@context") != CONTEXT:
        found.append(f"$: @context is {data.get('@context')!r}, not {CONTEXT}")
    _check_node(data, "$", found)
    return found


def _check_node(node: dict, path: str, found: list[str]) -> None:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    if types == [None]:
        found.append(f"{path}: an object without @type")
        return
    for name in types:
        if name not in CLASSES or is_data_type(name):
            found.append(f"{path}: @type {name!r} is not a schema.org class")
    supers = frozenset().union(*(supertypes(name) for name in types))
    for prop, value in node.items():
        if prop.startswith("@"):
            if prop not in ("@context", "@type", "@id"):
                found.append(f"{path}: unexpected keyword {prop}")
            continue
        here = f"{path}.{prop}"
        spec = PROPERTIES.get(prop)
        if spec is None:
            found.append(f"{here}: {prop!r} is not a schema.org property")
            continue
        if spec["supersededBy"]:
            found.append(f"{here}: {prop!r} is superseded by {spec['supersededBy']}")
        if not supers & set(spec["domainIncludes"]):
            found.append(f"{here}: {prop!r} is not allowed on {'/'.join(types)}")
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            where = f"{here}[{index}]" if isinstance(value, list) else here
            _check_value(item, spec["rangeIncludes"], prop, where, found)


def _check_value(value, ranges: list[str], prop: str, path: str, found: list[str]) -> None:
    if isinstance(value, dict) and "@value" in value:  # a literal: a language-tagged text
        extra = set(value) - {"@value", "@language"}
        if extra or not isinstance(value["@value"], str) or not value.get("@language"):
            found.append(f"{path}: a value object must be a text and its language: {value!r}")
        elif "Text" not in ranges and not any(is_data_type(name) for name in ranges):
            found.append(f"{path}: {prop!r} expects {ranges}, not a text")
        return
    if isinstance(value, dict):
        value_types = value.get("@type")
        value_types = value_types if isinstance(value_types, list) else [value_types]
        if value_types != [None]:
            supers = frozenset().union(*(supertypes(t) for t in value_types))
            if not supers & set(ranges):
                found.append(f"{path}: {prop!r} expects {ranges}, not {value_types}")
        _check_node(value, path, found)
    elif isinstance(value, bool):
        if "Boolean" not in ranges:
            found.append(f"{path}: {prop!r} takes no true/false value")
    elif isinstance(value, int | float):
        if not NUMBER_TYPES & set(ranges):
            found.append(f"{path}: {prop!r} takes no number")
    elif not any(is_data_type(name) for name in ranges):
        found.append(f"{path}: {prop!r} expects {ranges}, not the text {value!r}")
