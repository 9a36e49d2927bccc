from django.db import models
from django.utils.translation import gettext_lazy as _

from .citations import RecordLink
from .vocabularies import IdentifierScheme


class Identifier(RecordLink):
    """An identifier of a record in another system: Wikidata, VIAF, GeoNames..."""

    scheme = models.ForeignKey(IdentifierScheme, on_delete=models.PROTECT, verbose_name=_("scheme"))
    value = models.CharField(max_length=200, verbose_name=_("value"))

    class Meta:
        ordering = ["scheme__order", "scheme__name"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="identifier_record_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "scheme", "value"],
                name="unique_identifier_per_record",
            )
        ]
        verbose_name = _("identifier")
        verbose_name_plural = _("identifiers")

    def __str__(self):
        return f"{self.scheme}: {self.value}"

    @property
    def url(self) -> str:
        return self.scheme.url_for(self.value)
