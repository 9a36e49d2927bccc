"""The publication generation: one row whose value moves on every write that can change a
public page (`archive.page_cache`). A whole-page cache keys its entries by it, so that a
change, in any app server or management command, is visible on the very next request."""

from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ROW = 1  # there is only ever this row


class PublicationGenerationQuerySet(models.QuerySet):
    def current(self) -> tuple[int, object]:
        """(value, when it last moved): one primary-key read. No row yet: (0, None)."""
        # Read on every visitor's request: the plain row, without building a queryset.
        row = self.filter(pk=ROW).values_list("value", "bumped_at")[:1]
        rows = list(row)
        return rows[0] if rows else (0, None)

    def bump(self) -> None:
        """Move the generation (inside the caller's transaction: readers see it on commit,
        with the data it announces)."""
        now = timezone.now()
        if not self.filter(pk=ROW).update(value=F("value") + 1, bumped_at=now):
            self.get_or_create(pk=ROW, defaults={"value": 1, "bumped_at": now})


class PublicationGeneration(models.Model):
    value = models.BigIntegerField(default=0, verbose_name=_("value"))
    bumped_at = models.DateTimeField(verbose_name=_("bumped at"))

    objects = PublicationGenerationQuerySet.as_manager()

    def __str__(self) -> str:
        return f"generation {self.value} ({self.bumped_at:%Y-%m-%d %H:%M:%S})"
