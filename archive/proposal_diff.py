"""What a proposed change changes, for the curator's review: the record's fields (current value
→ proposed value, long text as a word diff) and its followed rows added, removed or changed.

Reads two states as `archive.proposals.record_state()` gives them; related records are named
with one query per related model, whatever the number of fields and rows.
"""

import difflib
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.utils.translation import gettext

from archive import translations

LONG_TEXT = 120  # longer text (or text with line breaks) is shown as a word diff
SKIPPED = {"content_type", "object_id"}  # a followed row's link to its record


@dataclass
class FieldChange:
    label: str
    before: str
    after: str
    words: list[tuple[str, str]] = field(default_factory=list)  # (equal|delete|insert, text)


@dataclass
class RowChange:
    action: str  # added, removed, changed
    label: str
    changes: list[FieldChange]


@dataclass
class Diff:
    fields: list[FieldChange]
    rows: list[RowChange]

    def __bool__(self):
        return bool(self.fields or self.rows)


def _fields(model):
    return [
        f
        for f in model._meta.get_fields()
        if getattr(f, "editable", False) and f.concrete and f.name not in SKIPPED
    ]


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.split(" "), after.split(" ")
    segments = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op in ("equal", "delete", "replace"):
            segments.append(("equal" if op == "equal" else "delete", " ".join(old[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", " ".join(new[j1:j2])))
    return segments


class _Names:
    """Names of related records, looked up once per related model."""

    def __init__(self):
        self.wanted: dict = {}
        self.found: dict = {}

    def want(self, model, values) -> None:
        self.wanted.setdefault(model, set()).update(v for v in values if v is not None)

    def load(self) -> None:
        for model, pks in self.wanted.items():
            for obj in model._default_manager.filter(pk__in=pks):
                self.found[(model, obj.pk)] = str(obj)

    def name(self, model, pk) -> str:
        return self.found.get((model, pk)) or gettext("#%(pk)s (gone)") % {"pk": pk}


def _keys(value) -> list:
    return value if isinstance(value, list) else [value]


def _display(field_, value, names: _Names) -> str:
    if value in (None, "", []):
        return "—"
    if field_.is_relation:
        model = field_.related_model
        return ", ".join(names.name(model, pk) for pk in _keys(value))
    if field_.choices:
        return str(dict(field_.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return str(value)


def _change(field_, before, after, names) -> FieldChange:
    shown_before, shown_after = _display(field_, before, names), _display(field_, after, names)
    change = FieldChange(translations.field_label(field_), shown_before, shown_after)
    is_text = isinstance(field_, (models.CharField, models.TextField)) and not field_.choices
    if is_text and any(len(v) > LONG_TEXT or "\n" in v for v in (before or "", after or "")):
        change.words = word_diff(before or "", after or "")
    return change


def _compare(model, before: dict, after: dict, names, *, all_fields=False) -> list[FieldChange]:
    changes = []
    for field_ in _fields(model):
        old, new = before.get(field_.name), after.get(field_.name)
        if isinstance(old, list) and isinstance(new, list):
            old, new = sorted(old), sorted(new)
        if old != new or (all_fields and new not in (None, "", [], False)):
            changes.append(_change(field_, old, new, names))
    return changes


def diff(current: list[dict], proposed: list[dict], model, pk) -> Diff:
    """The changes from `current` to `proposed` of the record `model` #`pk` and its rows."""
    now = {(item["model"], item["pk"]): item["fields"] for item in current}
    then = {(item["model"], item["pk"]): item["fields"] for item in proposed}
    names = _Names()
    for (label, _pk), values in [*now.items(), *then.items()]:
        for field_ in _fields(apps.get_model(label)):
            if field_.is_relation and field_.name in values:
                names.want(field_.related_model, _keys(values[field_.name]))
    names.load()
    main = (model._meta.label_lower, pk)
    fields = _compare(model, now.get(main, {}), then.get(main, {}), names)
    rows = []
    for key in sorted(set(now) | set(then), key=str):
        if key == main:
            continue
        row_model = apps.get_model(key[0])
        label = str(row_model._meta.verbose_name)
        if key not in now:
            rows.append(
                RowChange(
                    "added", label, _compare(row_model, {}, then[key], names, all_fields=True)
                )
            )
        elif key not in then:
            changes = _compare(row_model, now[key], {}, names, all_fields=False)
            rows.append(RowChange("removed", label, changes))
        elif changes := _compare(row_model, now[key], then[key], names):
            rows.append(RowChange("changed", label, changes))
    return Diff(fields, rows)
