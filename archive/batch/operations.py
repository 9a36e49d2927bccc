"""What a batch edit can do to the records of one kind, read from the kind's own admin.

The fields come from the admin's own model and form (`batch_fields`): every field its form
shows and the user may edit, except the slug (a permalink is one record's), the status (its own
operation, with its own rules), Markdown with citation markers (prose is per record), files and
unique fields. Many-to-many fields are offered when their rows are plain links (an automatic
through table); a relation whose rows carry more (a role, a source) is edited record by record.

An `Operation` is one action on one field with one value; `change(record, members)` says what
it does to one record: new values, and the related rows to add or remove.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import translations
from archive.lifecycle import Status


class Action(models.TextChoices):
    SET = "set", _("Set")
    CLEAR = "clear", _("Clear")
    ADD = "add", _("Add to")
    REMOVE = "remove", _("Remove from")
    STATUS = "status", _("Change the status")


@dataclass(frozen=True)
class BatchField:
    """A field of the admin's own model that a batch may change."""

    field: models.Field
    key: str = ""  # the operation's name for it ("summary": the English column)

    @property
    def name(self) -> str:
        return self.key or self.field.name

    @property
    def label(self) -> str:
        return translations.field_label(self.field)

    @property
    def many(self) -> bool:
        return self.field.many_to_many

    @property
    def may_clear(self) -> bool:
        # A translated field's English column may be cleared when the field itself may be.
        field = self.field
        if self.key and self.key != field.name:
            field = field.translated_field
        return self.many or field.blank or field.null

    def actions(self) -> list[str]:
        if self.many:
            return [Action.ADD, Action.REMOVE]
        return [Action.SET, Action.CLEAR] if self.may_clear else [Action.SET]


def batch_fields(model_admin, request) -> dict[str, BatchField]:
    """{name: BatchField} of what `model_admin`'s form lets this user edit."""
    model = model_admin.model
    shown = set(flatten_fieldsets(model_admin.get_fieldsets(request)))
    shown -= set(model_admin.get_readonly_fields(request))
    skipped = {"slug", "status", *getattr(model, "cited_text_fields", ())}
    found = {}
    for field in model._meta.get_fields():
        if field.name not in shown or field.name in skipped or not field.editable:
            continue
        if field.many_to_many:
            if field.remote_field.through._meta.auto_created:
                found[field.name] = BatchField(field)
        elif field.concrete and not field.unique and not isinstance(field, models.FileField):
            # A plain translated field is its English column, as in the change form.
            column = translations.column(model, field.name)
            found[field.name] = BatchField(model._meta.get_field(column), key=field.name)
    return found


def _display(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list | tuple | set):
        return ", ".join(_display(item) for item in value) or "—"
    return str(value)


@dataclass
class Operation:
    """One action on one field (None: the status) with one value."""

    action: str
    field: BatchField | None = None
    value: object = None  # a value, a related record, related records (many), a status

    @property
    def field_name(self) -> str:
        """The attribute a change sets: the status, a column's attname, a relation's name."""
        if self.field is None:
            return "status"
        return self.field.name if self.field.many else self.field.field.attname

    @property
    def related_pks(self) -> list:
        return [obj.pk for obj in self.value] if self.field and self.field.many else []

    @property
    def many_field(self):
        return self.field.field if self.field and self.field.many else None

    def describe(self, count: int, plural: str) -> str:
        """“set licence to CC BY 4.0 on 500 media items”, in the active language: the admin
        stores it in English (`translation.override`) and shows it in the curator's."""
        words = {"count": count, "records": plural}
        if self.action == Action.STATUS:
            status = str(Status(self.value).label).lower()
            return gettext("set status to %(status)s on %(count)s %(records)s") % {
                **words,
                "status": status,
            }
        words["field"] = self.field.label
        if self.action == Action.CLEAR:
            return gettext("clear %(field)s on %(count)s %(records)s") % words
        if self.action == Action.SET:
            value = _display(self.value)
            if isinstance(self.value, str):
                value = f"“{value}”"  # a text, not a record's name
            return gettext("set %(field)s to %(value)s on %(count)s %(records)s") % {
                **words,
                "value": value,
            }
        words["value"] = _display(self.value)
        if self.action == Action.ADD:
            return gettext("add %(value)s to %(field)s on %(count)s %(records)s") % words
        return gettext("remove %(value)s from %(field)s on %(count)s %(records)s") % words

    def new_value(self):
        if self.action == Action.STATUS:
            return self.value
        if self.action == Action.SET:
            return self.value
        field = self.field.field
        return None if field.null and not isinstance(field, models.CharField) else ""

    def change(self, record, members: set) -> tuple[dict, set, set]:
        """({attribute: value}, related pks to add, related pks to remove) for `record`,
        whose related pks among this operation's are `members`."""
        if self.field is not None and self.field.many:
            wanted = set(self.related_pks)
            if self.action == Action.ADD:
                return {}, wanted - members, set()
            return {}, set(), wanted & members
        name = "status" if self.field is None else self.field.field.name
        return {name: self.new_value()}, set(), set()

    def load(self, pks: list) -> None:
        """What judging a chunk of records needs beforehand: nothing, here (an undo reads
        the versions)."""

    def refusal(self, record) -> list[str]:
        return []

    def before_after(self, original, record, added: set, removed: set) -> tuple[str, str]:
        if self.field is not None and self.field.many:
            names = {obj.pk: str(obj) for obj in self.value}
            plus = [f"+ {names[pk]}" for pk in sorted(added)]
            minus = [f"− {names[pk]}" for pk in sorted(removed)]
            return self.field.label, ", ".join(plus + minus)
        return self.show(original), self.show(record)

    def show(self, record) -> str:
        """The record's value of the field, in words, for the preview's sample."""
        if self.field is None:
            if record.status in Status.values:
                return str(Status(record.status).label)  # a plain str: the report is JSON
            return record.status
        if self.field.many:
            return ""
        if self.field.field.choices:
            return _display(getattr(record, f"get_{self.field.field.name}_display")())
        return _display(getattr(record, self.field.field.name))
