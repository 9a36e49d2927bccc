"""DESIGN.md's dependency direction: events → people → archive.

`archive` imports neither `people` nor `events`, names none of their models, URL namespaces or
fields in strings, and does not reach them by reflection; `people` does the same towards
`events`. The names a lower app may not use are read from the higher apps themselves (their
models, fields, reverse accessors and URL namespaces), so a new model or field is covered
without editing this file.
"""

import ast
import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps

from archive import registry

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"archive": ("people", "events"), "people": ("events",)}
# Generic code that walks the forward fields of whatever model it is given (reversion's
# serialisation of an import batch; the names in a proposed change's diff; the compare view's
# rows of a revision), never a named model of another app.
GENERIC_FIELD_WALKERS = {
    "archive/imports/revisions.py",
    "archive/proposal_diff.py",
    "archive/admin/compare.py",
}
REFLECTION = {"related_objects", "rel", "related_model"}
# Words too common to be read as a name in a string ("name", "order"): never reported.
ORDINARY = {"id", "pk", "name", "order", "note", "role", "kind", "date", "title", "type"}
# Offences known today, each with its reason, (path, word): a vocabulary that shares a word
# with a higher app's field, or a leak another task removes. An entry that no longer matches
# fails `test_the_known_offences_are_still_there`: delete it when its leak is fixed.
KNOWN = {
    ("archive/description.py", "birth_place"): "a neutral relation name (Relation.BIRTH_PLACE)",
    ("archive/description.py", "death_place"): "a neutral relation name (Relation.DEATH_PLACE)",
    ("archive/media/iiif.py", "summary"): "IIIF Presentation's own property name",
    # `Description.summary`, the archive's own description's field, named to read its language.
    ("archive/descriptions.py", "summary"): "archive.description.Description's own field",
    ("archive/exports/jsonld.py", "summary"): "archive.description.Description's own field",
    ("archive/oai/formats.py", "summary"): "archive.description.Description's own field",
    ("archive/models/sources.py", "publication"): "a verbose name, not the people model",
}
_CODE_LIKE = re.compile(r"^[\w.:\-]+$")  # a string without spaces: a lookup, a URL name
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")


def _models(labels) -> list:
    return [model for label in labels for model in apps.get_app_config(label).get_models()]


def _namespaces(labels) -> set[str]:
    """URL namespaces the higher apps serve (their registered URLconfs' app_name)."""
    found = set()
    for _, urlconf in registry.routes():
        if urlconf.split(".")[0] in labels:
            found.add(importlib.import_module(urlconf).app_name)
    return found


def forbidden_names(lower: str) -> tuple[set[str], set[str], set[str]]:
    """(names, attributes, namespaces) `lower` may not use: the higher apps' model names,
    tables and kind keys, their fields that no lower model has, the reverse accessors they add
    to lower models, and their URL namespaces."""
    higher = FORBIDDEN[lower]
    lower_labels = [label for label in ("archive", "search", "people") if label not in higher]
    lower_models = _models(lower_labels)
    lower_fields = {
        f.name
        for model in lower_models
        for f in model._meta.get_fields()
        if f.concrete or not f.auto_created  # its own fields, not accessors others add
    }
    # The lower app's own words: its models and kind keys ("media", "place").
    own = {m._meta.model_name for m in lower_models} | {
        kind.key for kind in registry.kinds() if kind.model in lower_models
    }
    names, accessors = set(), set()
    # Bare class names ("Person", "Event") are schema.org's types too: the dotted model label
    # ("people.Person") is checked instead, with the URL namespaces.
    labels = set()
    for model in _models(higher):
        names |= {model._meta.model_name, model._meta.db_table}
        labels |= {model._meta.label, model._meta.label_lower}
        for field in model._meta.get_fields():
            if field.auto_created:
                continue
            if field.name not in lower_fields:
                names.add(field.name)
            remote = getattr(field, "remote_field", None)
            target = getattr(remote, "model", None)
            if target in lower_models and (remote.get_accessor_name() or "+").isidentifier():
                accessors.add(remote.get_accessor_name())  # place.events, source.contributions
    names |= {kind.key for kind in registry.kinds() if kind.model in _models(higher)}
    own |= set(higher) | set(lower_labels)  # app labels: imports are checked
    names = (names | accessors) - ORDINARY - own
    accessors -= ORDINARY  # an attribute `.events` is a reverse accessor, not the app label
    return names, accessors, _namespaces(higher) | {f"{x}." for x in labels}


def _docstrings(tree) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def offences_in(source: str, lower: str, forbidden, path: str = "") -> list[str]:
    """What one module of `lower` says of the apps above it: imports, names in strings,
    reverse accessors and reflection."""
    names, accessors, namespaces = forbidden
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        else:
            modules = []
        for module in modules:
            if module.split(".")[0] in FORBIDDEN[lower]:
                found.append(f"{line}: imports {module}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings or not _CODE_LIKE.match(node.value):
                continue  # prose: a docstring, a message, help text
            for namespace in namespaces:
                if namespace.endswith("."):  # a model label: "people.Person."
                    if f"{node.value}.".startswith(namespace):
                        found.append(f"{line}: names the model {node.value!r}")
                elif f"{namespace}:" in node.value:
                    found.append(f"{line}: names the URL {node.value!r}")
            words = set(_TOKEN.findall(node.value))
            words |= {part for word in words for part in word.split("__")}
            for word in sorted(words & names):
                found.append(f"{line}: names {word!r} in {node.value!r}")
        if isinstance(node, ast.Attribute):
            if node.attr in REFLECTION and path not in GENERIC_FIELD_WALKERS:
                found.append(f"{line}: reflects with .{node.attr}")
            elif node.attr in accessors:
                found.append(f"{line}: reaches through .{node.attr}")
    return found


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_an_app_never_names_the_layers_above_it(app):
    forbidden = forbidden_names(app)
    offences = []
    for path in sorted((ROOT / app).rglob("*.py")):
        relative = str(path.relative_to(ROOT))
        if "/migrations/" in relative:
            continue  # migrations are history, written by makemigrations
        text = path.read_text(encoding="utf-8")
        for offence in offences_in(text, app, forbidden, relative):
            if not _known(relative, offence):
                offences.append(f"{relative}:{offence}")
    assert offences == []


def _known(path: str, offence: str) -> bool:
    return any(
        path == known_path and (word == "*" or f"'{word}'" in offence or offence.endswith(word))
        for known_path, word in KNOWN
    )


def test_the_known_offences_are_still_there():
    stale = []
    for path, word in KNOWN:
        app = path.split("/")[0]
        text = (ROOT / path).read_text(encoding="utf-8")
        offences = offences_in(text, app, forbidden_names(app), path)
        if not any(_known(path, o) and (word == "*" or word in o) for o in offences):
            stale.append((path, word))
    assert stale == [], "fixed: delete these KNOWN entries"


def test_the_forbidden_names_come_from_the_apps_above():
    names, accessors, namespaces = forbidden_names("archive")
    assert {"person", "participation", "participations", "birth_place", "people_person"} <= names
    assert {"events", "births", "contributions"} <= accessors  # place.events, place.births
    assert {"people", "events", "people.Person."} <= namespaces
    names, accessors, namespaces = forbidden_names("people")
    assert {"event", "participation", "participations", "events_event"} <= names
    assert {"participations", "events"} <= accessors  # person.participations, person.events
    assert "people" not in namespaces and "events" in namespaces
    assert "person" not in names and "birth_place" not in names  # its own


@pytest.mark.parametrize(
    "app, code, offence",
    [
        ("archive", "from events.models import Event\n", "imports events.models"),
        ("archive", "import people.models\n", "imports people.models"),
        ("archive", 'NAMES = ["archive:home", "events:timeline"]\n', "names the URL"),
        ("archive", 'facets = {"person": []}\n', "names 'person'"),
        (
            "archive",
            'qs.filter(participations__role=1)\nqs.filter(**{"birth_place": 1})\n',
            "names 'birth_place'",
        ),  # fmt: skip
        ("archive", "events = place.events.all()\n", "reaches through .events"),
        ("archive", "for r in Source._meta.related_objects:\n    pass\n", "reflects with"),
        ("archive", "field.related_model is MediaItem\n", "reflects with .related_model"),
        ("people", "Role = Person.participations.rel.related_model\n", "reflects with .rel"),
        ("people", "Role = Person.participations.rel.related_model\n", "through .participations"),
        ("archive", 'apps.get_model("events.Event")\n', "names the model"),
        (
            "people",
            'queryset.filter(**{"participations__event__status": "published"})\n',
            "names 'participations'",
        ),  # fmt: skip
        ("people", 'reverse("events:event_detail", args=[slug])\n', "names the URL"),
    ],
)
def test_the_check_finds_a_deliberate_violation(app, code, offence):
    offences = offences_in(code, app, forbidden_names(app))
    assert any(offence in found for found in offences), offences


def test_the_check_leaves_prose_and_its_own_names_alone():
    code = '''
"""People and events are registered by their apps: "events:timeline" in a docstring."""
HELP = "The events a person took part in, with their roles."
facets = {"place": [1]}
'''
    assert offences_in(code, "archive", forbidden_names("archive")) == []
    people_code = 'Person.objects.filter(birth_place=1).order_by("sort_name")\n'
    assert offences_in(people_code, "people", forbidden_names("people")) == []
