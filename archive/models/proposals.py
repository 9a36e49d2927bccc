"""A proposed change: a cataloguer's edit of a published (or withdrawn) record, waiting for a
curator (review before live, as Arches' provisional edits and Wagtail's moderation).

The proposed state is the record and the rows django-reversion follows with it, serialised as
reversion stores them (Django's JSON serializer, one object per item); `base_data` is the
same of the record as it stood when the proposal was made, so that a review knows whether
the record changed since. Made, shown, approved and rejected by `archive.proposals`.
"""

import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposedChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProposedChange.Status.PENDING)

    def for_record(self, record):
        content_type = ContentType.objects.get_for_model(record)
        return self.filter(content_type=content_type, object_id=record.pk)


class ProposedChange(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("object id"))
    record = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(
        _("record"), max_length=500, help_text=_("The record's name when the change was proposed.")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposed_changes",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(
        auto_now=True, help_text=_("When it was last proposed."), verbose_name=_("updated at")
    )
    proposed_data = models.TextField(
        help_text=_("The proposed state, as reversion stores it."), verbose_name=_("proposed data")
    )
    base_data = models.TextField(
        help_text=_("The record's state when the change was proposed."), verbose_name=_("base data")
    )
    pending_file = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("A replaced file, stored under a name nothing serves until it is approved."),
        verbose_name=_("pending file"),
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_changes",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("reviewed at"))
    review_comment = models.TextField(blank=True, verbose_name=_("review comment"))

    objects = ProposedChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("proposed change")
        constraints = [
            # A second edit by the same user updates their pending proposal.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "proposed_by"],
                condition=models.Q(status="pending"),
                name="one_pending_proposal_per_record_and_user",
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="proposal_record"),
            models.Index(fields=["status", "content_type"], name="proposal_status_kind"),
        ]
        verbose_name_plural = _("proposed changes")

    def __str__(self):
        return f"Change to “{self.object_repr}” by {self.proposed_by_id and self.proposed_by}"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def model(self):
        return self.content_type.model_class()

    @property
    def proposed(self) -> list[dict]:
        return json.loads(self.proposed_data)

    @property
    def base(self) -> list[dict]:
        return json.loads(self.base_data)
