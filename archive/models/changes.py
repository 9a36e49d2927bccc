"""The change log: what became public, changed in public or left the public site, and when.

One row per publishing event of a record of any registered kind (`archive.registry`): `create`
when a record becomes published, `update` when a published record is saved, `delete` when a
published record is withdrawn, sent back to draft or review, or deleted. A record never
published has no row, so nothing here names a draft. A record published again after a delete
gets a `create`: for a harvester that dropped it on the delete, it is new again (IIIF Change
Discovery reads the newest activity of an object as the one that counts). A published record
whose slug changes gets a `delete` under its old slug and a `create` under the new one: the
activities' objects are URLs, and the old one no longer answers for itself.

Written by `archive.changes` (save and delete signals, and the bulk imports); read by the
change discovery feeds (`archive.activity`) and OAI-PMH (deleted records, datestamps).
"""

from django.db import models
from django.db.models import Max
from django.utils.translation import gettext_lazy as _


class RecordChangeQuerySet(models.QuerySet):
    def deletions(self):
        return self.filter(action=RecordChange.Action.DELETE)

    def since(self, moment):
        """Changes at or after `moment` (an aware datetime)."""
        return self.filter(at__gte=moment)

    def for_kind(self, kind: str):
        return self.filter(kind=kind)

    def latest_for(self, kind: str, pk):
        """The newest change of one record, or None."""
        return self.filter(kind=kind, object_id=pk).order_by("-at", "-id").first()

    def latest_ids(self):
        """The id of each record's newest change (a subquery: filter with `id__in`)."""
        return self.values("kind", "object_id").annotate(newest=Max("id")).values("newest")

    def current_deletions(self):
        """Records whose newest change is a delete: withdrawn or deleted, not published again."""
        return self.filter(id__in=self.latest_ids()).deletions()


class RecordChange(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Create")
        UPDATE = "update", _("Update")
        DELETE = "delete", _("Delete")

    kind = models.CharField(
        max_length=30, db_index=True, help_text=_("The registry key."), verbose_name=_("kind")
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("object id"))
    slug = models.SlugField(
        max_length=200, help_text=_("The record's slug when it changed."), verbose_name=_("slug")
    )
    action = models.CharField(max_length=10, choices=Action.choices, verbose_name=_("action"))
    at = models.DateTimeField(db_index=True, verbose_name=_("at"))

    objects = RecordChangeQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["at", "id"], name="recordchange_at_id"),
            models.Index(fields=["kind", "object_id"], name="recordchange_kind_object"),
        ]
        verbose_name = _("record change")
        verbose_name_plural = _("record changes")

    def __str__(self):
        return f"{self.action} {self.kind}:{self.slug} at {self.at:%Y-%m-%d %H:%M:%S}"
