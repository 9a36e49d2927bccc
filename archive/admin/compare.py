"""Compare two versions of a record side by side, from its History page.

django-reversion-compare was considered: its latest release on PyPI (0.19.2) shows one unified
character diff (not two sides), skips generic relations (our citations, claims and identifiers)
and would add a GPL-3 dependency and `rich`. This module reads what reversion stores instead: the
record's version and the rows its revision follows, whatever the kind follows, compared field by
field, long text as a word diff (difflib).
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from reversion.models import Version

from archive import translations

EMPTY = "—"
LONG_TEXT = 80  # characters: longer values (or any with a line break) are diffed word by word
WORDS = re.compile(r"(\s+)")


def word_diff(old: str, new: str) -> tuple[str, str]:
    """The two texts as HTML: the old with removed words in <del>, the new with added in <ins>."""
    a, b = WORDS.split(old), WORDS.split(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            left.append(format_html("{}", removed))
            right.append(format_html("{}", added))
            continue
        if removed:
            left.append(format_html("<del>{}</del>", removed))
        if added:
            right.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(left)), mark_safe("".join(right))


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    long: bool = False

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def sides(self):
        """The two values as HTML, a word diff for long text that changed."""
        if self.long and self.changed:
            return word_diff(self.old, self.new)
        return format_html("{}", self.old), format_html("{}", self.new)

    @property
    def old_html(self):
        return self.sides()[0]

    @property
    def new_html(self):
        return self.sides()[1]


@dataclass
class RowChange:
    """One inline row (a citation, a claim, a name...) in either version."""

    label: str
    state: str  # "added", "removed", "changed" or "unchanged"
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Section:
    title: str
    rows: list[RowChange]

    @property
    def changed(self) -> int:
        return sum(row.state != "unchanged" for row in self.rows)


def _compared_fields(model):
    """The fields a curator edits (timestamps and derived columns are not). A translated
    field is compared language by language (`title_en`, `title_az`...), not through its
    original column, which only repeats one of them."""
    translated = set(translations.translated_fields(model))
    found = [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in translated
    ]
    return found + [f for f in model._meta.many_to_many if f.editable]


class Labels:
    """Names of the rows that foreign keys point at, read in one query per related model."""

    def __init__(self):
        self.wanted: dict[type, set] = {}
        self.found: dict[tuple, str] = {}

    def want(self, model_field, value) -> None:
        values = value if isinstance(value, (list, tuple, set)) else [value]
        related = model_field.related_model
        self.wanted.setdefault(related, set()).update(v for v in values if v is not None)

    def fetch(self) -> None:
        for model, pks in self.wanted.items():
            for row in model._default_manager.filter(pk__in=pks):
                self.found[(model, row.pk)] = str(row)

    def name(self, model, pk) -> str:
        return self.found.get((model, pk), f"#{pk} (deleted)")


def _display(model_field, value, labels: Labels) -> str:
    if value in (None, "", []):
        return EMPTY
    if model_field.many_to_many:
        return ", ".join(sorted(labels.name(model_field.related_model, pk) for pk in value))
    if model_field.is_relation:
        return labels.name(model_field.related_model, value)
    if model_field.flatchoices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(model_field, models.FileField):
        return getattr(value, "name", str(value)) or EMPTY
    return str(value)


def _value(version: Version, model_field):
    data = version.field_dict
    if model_field.many_to_many:
        return sorted(data.get(model_field.name) or [])
    return data.get(model_field.attname)


def _is_long(model_field, *values: str) -> bool:
    return isinstance(model_field, models.TextField) or any(
        len(v) > LONG_TEXT or "\n" in v for v in values
    )


def _points_at(version: Version, record) -> bool:
    """Whether a row of a revision belongs to `record` (a foreign key or a generic one)."""
    model = version.content_type.model_class()
    if model is None:
        return False
    data = version.field_dict
    record_type = ContentType.objects.get_for_model(record)
    for link in model._meta.private_fields:
        if isinstance(link, GenericForeignKey):
            type_id = data.get(model._meta.get_field(link.ct_field).attname)
            if type_id == record_type.pk and str(data.get(link.fk_field)) == str(record.pk):
                return True
    for link in model._meta.concrete_fields:
        same_kind = link.is_relation and link.related_model is type(record)
        if same_kind and str(data.get(link.attname)) == str(record.pk):
            return True
    return False


def _own_link_names(model, record) -> set[str]:
    """Fields of an inline row that only say which record it belongs to."""
    names = set()
    for link in model._meta.private_fields:
        if isinstance(link, GenericForeignKey):
            names |= {link.ct_field, link.fk_field}
    for link in model._meta.concrete_fields:
        if link.is_relation and link.related_model is type(record):
            names.add(link.name)
    return names


class Comparison:
    """Two versions of one record: its fields, then the rows each revision follows."""

    def __init__(self, record, old: Version, new: Version):
        self.record, self.old, self.new = record, old, new
        self.labels = Labels()
        self.fields = self._compare(type(record), old, new, exclude=())
        self.sections = self._sections()
        self.labels.fetch()
        self._fill()

    # Values are gathered first, foreign keys named afterwards in one query per model.
    def _compare(self, model, old, new, exclude):
        pending = []
        for model_field in _compared_fields(model):
            if model_field.name in exclude:
                continue
            values = [_value(v, model_field) if v else None for v in (old, new)]
            if model_field.is_relation:
                for value in values:
                    self.labels.want(model_field, value)
            pending.append((model_field, values))
        return pending

    def _rows(self, version: Version) -> dict:
        found = {}
        # An import's revision holds every record of its batch: read only the rows whose data
        # names this record's key at all (a superset), then check each exactly.
        others = (
            version.revision.version_set.exclude(pk=version.pk)
            .filter(serialized_data__contains=str(self.record.pk))
            .select_related("content_type")
        )
        for row in others:
            if _points_at(row, self.record):
                found[(row.content_type_id, row.object_id)] = row
        return found

    def _sections(self):
        old_rows, new_rows = self._rows(self.old), self._rows(self.new)
        by_type: dict[int, list] = {}
        for key in sorted(old_rows.keys() | new_rows.keys(), key=lambda k: (k[0], k[1])):
            by_type.setdefault(key[0], []).append(key)
        sections = []
        for keys in by_type.values():
            sample = old_rows.get(keys[0]) or new_rows.get(keys[0])
            model = sample.content_type.model_class()
            exclude = _own_link_names(model, self.record)
            rows = []
            for key in keys:
                old, new = old_rows.get(key), new_rows.get(key)
                label = (new or old).object_repr
                rows.append((label, old, new, self._compare(model, old, new, exclude)))
            sections.append((str(model._meta.verbose_name_plural), rows))
        return sections

    def _changes(self, pending, old, new) -> list[FieldChange]:
        changes = []
        for model_field, values in pending:
            old_text, new_text = (
                _display(model_field, value, self.labels) if version else EMPTY
                for value, version in zip(values, (old, new), strict=True)
            )
            label = translations.field_label(model_field)
            long = _is_long(model_field, old_text, new_text)
            changes.append(FieldChange(label, old_text, new_text, long))
        return changes

    def _fill(self):
        self.fields = self._changes(self.fields, self.old, self.new)
        sections = []
        for title, rows in self.sections:
            changes = []
            for label, old, new, pending in rows:
                fields = [
                    f
                    for f in self._changes(pending, old, new)
                    if EMPTY not in (f.old, f.new) or f.changed
                ]
                if old is None:
                    state = "added"
                elif new is None:
                    state = "removed"
                else:
                    state = "changed" if any(f.changed for f in fields) else "unchanged"
                changes.append(RowChange(label, state, fields))
            sections.append(Section(title, changes))
        self.sections = sections

    @property
    def changed_fields(self) -> list[FieldChange]:
        return [f for f in self.fields if f.changed]


class CompareVersionsMixin:
    """For a reversion VersionAdmin: radio buttons on History, and the compare page."""

    object_history_template = "admin/archive/compare/history.html"
    compare_template = "admin/archive/compare/compare.html"

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def _versions(self, object_id):
        return Version.objects.get_for_object_reference(self.model, object_id)

    def history_view(self, request, object_id, extra_context=None):
        versions = self._versions(unquote(object_id)).select_related("revision__user")
        versions = list(versions.order_by("-revision__date_created", "-pk"))
        context = {
            "compare_versions": versions,
            "compare_url": reverse(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_compare",
                args=[quote(unquote(object_id))],
            ),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def compare_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        record = self.get_object(request, object_id)
        if record is None:
            raise Http404(gettext("No such record."))
        picked = [request.GET.get(name, "") for name in ("old", "new")]
        if not all(value.isdigit() for value in picked):
            raise Http404(gettext("Pick two versions to compare."))
        versions = {
            v.pk: v
            for v in self._versions(object_id)
            .filter(pk__in=picked)
            .select_related("revision__user", "content_type")
        }
        if len(versions) != len(set(picked)):
            raise Http404(gettext("These versions are not versions of this record."))
        old, new = sorted(
            (versions[int(pk)] for pk in picked), key=lambda v: (v.revision.date_created, v.pk)
        )
        opts = self.opts
        info = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}"
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "original": record,
            "title": gettext("Compare versions of “%(record)s”") % {"record": record},
            "comparison": Comparison(record, old, new),
            "sides": [(gettext("Earlier"), old), (gettext("Later"), new)],
            "history_url": reverse(f"{info}_history", args=[quote(record.pk)]),
            "restore_urls": [
                reverse(f"{info}_revision", args=[quote(record.pk), v.pk]) for v in (old, new)
            ],
            "may_restore": self.has_change_permission(request, record),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.compare_template, context)
