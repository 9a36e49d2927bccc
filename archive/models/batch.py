"""A batch edit: one change made to many records at once, with its one reversion revision."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision


class BatchEdit(models.Model):
    """What a batch edit did (`archive.batch`): the records' kind, the operation in words, the
    revision that holds every changed record as it became, and the counts of the run. An undo
    is a batch edit too, pointing at the batch it undid."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    revision = models.OneToOneField(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="batch_edit",
        verbose_name=_("revision"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("user"),
    )
    description = models.CharField(
        max_length=500, verbose_name=_("description")
    )  # "set licence to CC BY 4.0"
    # The field the batch changed (a concrete field's attname or a many-to-many's name).
    field_name = models.CharField(max_length=100, verbose_name=_("field name"))
    # The many-to-many rows the batch added or removed: undo takes back only these.
    related_pks = models.JSONField(default=list, blank=True, verbose_name=_("related pks"))
    # The time written into every changed record's updated_at: a later one is a later edit.
    applied_at = models.DateTimeField(verbose_name=_("applied at"))
    changed = models.PositiveIntegerField(default=0, verbose_name=_("changed"))
    unchanged = models.PositiveIntegerField(default=0, verbose_name=_("unchanged"))
    refused = models.PositiveIntegerField(default=0, verbose_name=_("refused"))
    seconds = models.FloatField(default=0, verbose_name=_("seconds"))
    # The run's report: chunks (records, seconds) and a sample of refusals with reasons.
    report = models.JSONField(default=dict, blank=True, verbose_name=_("report"))
    undoes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="undone_by",
        verbose_name=_("undoes"),
    )
    # A run in steps (`archive.batch.progress`): each request applies chunks for a few seconds
    # and saves where it stopped, so no request meets the server's timeout.
    running = models.BooleanField(default=False, verbose_name=_("running"))
    selection = models.JSONField(
        default=list, blank=True, verbose_name=_("selection")
    )  # the records' keys, in order
    position = models.PositiveIntegerField(
        default=0, verbose_name=_("position")
    )  # how many of them were judged
    operation = models.JSONField(
        default=dict, blank=True, verbose_name=_("operation")
    )  # the confirmed form's data
    previewed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("previewed at")
    )  # later edits are refused
    before_revision = models.OneToOneField(
        Revision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("before revision"),
    )

    class Meta:
        ordering = ["-applied_at"]
        verbose_name = _("batch edit")
        verbose_name_plural = _("batch edits")

    def __str__(self):
        return f"Batch edit: {self.description}"
