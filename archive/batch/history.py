"""A batch edit remembered (`BatchEdit`), and undone.

Undo takes each record the batch changed back to its previous version (the version before the
batch's own in its History: the batch stored one for records that had none) — only in what the
batch changed: the one field, or the related rows it added or removed. It runs as a batch of
its own, through the same judging (`archive.batch.run`): the lifecycle's rules for this user,
records edited after the batch refused and reported, one new revision.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils.encoding import force_str
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from archive.models import BatchEdit

from .run import Batch, Report

CHANGED_SINCE_BATCH = _("This record was changed after the batch; it was left as it is now.")
NO_EARLIER_VERSION = _("This record has no version from before the batch.")


def remember(model, plan, report: Report, *, user, description: str, undoes=None):
    """The BatchEdit of an applied run (None when it changed nothing)."""
    if report.revision is None:
        return None
    return BatchEdit.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        revision=report.revision,
        user=user if user is not None and user.is_authenticated else None,
        description=description[:500],
        field_name=plan.field_name,
        related_pks=list(plan.related_pks),
        applied_at=report.applied_at,
        changed=report.changed,
        unchanged=report.unchanged,
        refused=report.refused,
        seconds=report.seconds,
        report=report.as_json(),
        undoes=undoes,
    )


def batch_pks(batch: BatchEdit) -> list:
    """The records the batch changed: those with a version in its revision."""
    model = batch.content_type.model_class()
    rows = Version.objects.filter(revision_id=batch.revision_id, content_type=batch.content_type)
    pk = model._meta.pk
    return [pk.to_python(value) for value in rows.values_list("object_id", flat=True)]


class UndoPlan:
    """Each record's value of the batch's field as its previous version holds it."""

    changed_since = CHANGED_SINCE_BATCH

    def __init__(self, batch: BatchEdit):
        self.batch = batch
        self.model = batch.content_type.model_class()
        self.model_field = self.model._meta.get_field(batch.field_name)
        self.many_field = self.model_field if self.model_field.many_to_many else None
        self.related_pks = list(batch.related_pks)
        self.field_name = batch.field_name
        self._previous: dict = {}  # {record pk: that field's value in the previous version}
        self._related: dict = {}  # {pk: related record} for a foreign key's previous values

    def load(self, pks: list) -> None:
        """The previous versions of a chunk's records: two queries."""
        batch = self.batch
        object_ids = [force_str(pk) for pk in pks]
        versions = Version.objects.filter(content_type=batch.content_type, object_id__in=object_ids)
        last = versions.filter(revision_id=batch.revision_id).aggregate(last=Max("pk"))["last"]
        earlier = (
            versions.filter(pk__lt=last or 0)
            .exclude(revision_id=batch.revision_id)
            .values("object_id")
            .annotate(last=Max("pk"))
            .values_list("last", flat=True)
        )
        field = self.model_field
        self._previous = {}
        rows = Version.objects.filter(pk__in=list(earlier))
        for object_id, data in rows.values_list("object_id", "serialized_data"):
            fields = json.loads(data)[0]["fields"]
            name = field.name
            if name in fields:
                self._previous[self.model._meta.pk.to_python(object_id)] = fields[name]
        if field.is_relation and not field.many_to_many:
            wanted = {value for value in self._previous.values() if value is not None}
            related = field.remote_field.model._default_manager.in_bulk(wanted)
            self._related.update(related)

    def change(self, record, members: set) -> tuple[dict, set, set]:
        if record.pk not in self._previous:
            return {}, set(), set()
        value = self._previous[record.pk]
        field = self.model_field
        if self.many_field is not None:
            to_python = field.remote_field.model._meta.pk.to_python
            before = {to_python(pk) for pk in value} & set(self.related_pks)
            return {}, before - members, members - before
        if field.is_relation:
            return {field.name: self._related.get(value)}, set(), set()
        return {field.name: field.to_python(value)}, set(), set()

    def refusal(self, record) -> list[str]:
        return [] if record.pk in self._previous else [str(NO_EARLIER_VERSION)]

    def before_after(self, original, record, added: set, removed: set) -> tuple[str, str]:
        if self.many_field is not None:
            return "", gettext("%(added)d added back, %(removed)d removed") % {
                "added": len(added),
                "removed": len(removed),
            }
        name = self.model_field.name
        return str(getattr(original, name) or "—"), str(getattr(record, name) or "—")


def undo(batch: BatchEdit, *, user, may_publish: bool) -> tuple[Report, BatchEdit | None]:
    """Undo `batch` (see the module docstring): the run's report and its own BatchEdit."""
    plan = UndoPlan(batch)
    pks = batch_pks(batch)
    run = Batch(
        plan,
        plan.model._default_manager.all(),
        user=user,
        may_publish=may_publish,
        since=batch.applied_at,
        pks=pks,
    )
    description = f"undo “{batch.description}”"
    report = run.apply(f"Batch edit: {description}")
    return report, remember(
        plan.model, plan, report, user=user, description=description, undoes=batch
    )
