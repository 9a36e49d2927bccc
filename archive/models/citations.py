"""Citations and claims: how every statement in the archive names its source."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import citetext
from archive.claimvalues import normal, number_in_words
from archive.dates import EDTFField, describe, set_date_bounds

from .base import SlugRedirect
from .sources import Source
from .vocabularies import ClaimAttribute


class RecordLink(models.Model):
    """A generic link to any record (event, person, place, source, media item)."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("object id"))
    record = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True

    @property
    def record_name(self) -> str:
        """The record it belongs to, by name ("event #3" if that record is gone)."""
        record = self.record
        return str(record) if record is not None else f"{self.content_type.name} #{self.object_id}"


def sources_by_key(keys) -> dict[str, Source]:
    """{key: source} for the citation keys that name a source, by its slug or by an old slug
    (a renamed source keeps its citations): one query, and one for keys no slug has."""
    keys = set(keys)
    if not keys:
        return {}
    found = {source.slug: source for source in Source.objects.filter(slug__in=keys)}
    unknown = keys - set(found)
    while unknown:
        redirects = SlugRedirect.objects.filter(
            content_type=ContentType.objects.get_for_model(Source), old_slug__in=unknown
        )
        own = redirects.filter(object_id=models.OuterRef("pk"))
        counted = own.values("object_id").annotate(n=models.Count("*")).values("n")
        renamed = list(
            Source.objects.filter(pk__in=redirects.values("object_id")).annotate(
                old_key=models.Subquery(own.values("old_slug")[:1]),
                old_keys=models.Subquery(counted),
            )
        )
        found.update({source.old_key: source for source in renamed})
        unknown -= {source.old_key for source in renamed}
        if not any(source.old_keys > 1 for source in renamed):
            break  # else a source named by two old slugs at once: ask for the other
    return found


citetext.set_source_lookup(sources_by_key)


class RecordLinkQuerySet(models.QuerySet):
    def for_published_records(self, models_by_content_type):
        """Keep rows whose record is published: `models_by_content_type` maps ids to models."""
        keep = models.Q(pk__in=[])
        for content_type_id, model in models_by_content_type.items():
            published_ids = model._default_manager.published().values("pk")
            keep |= models.Q(content_type_id=content_type_id, object_id__in=published_ids)
        return self.filter(keep)


class CitationQuerySet(RecordLinkQuerySet):
    def sources_by_key(self, keys) -> dict[str, Source]:
        return sources_by_key(keys)

    def sync_with_text(self, record) -> None:
        """Keep the citations made from `record`'s markers in step with its texts.

        Citations added by hand are kept; one made from a marker that is gone is removed."""
        cites = [cite for text in record.cited_texts() for cite in citetext.cites_in(text)]
        sources = sources_by_key(cite.key for cite in cites)
        wanted = [(sources[c.key].pk, c.locator) for c in cites if c.key in sources]
        wanted = list(dict.fromkeys(wanted))
        content_type = ContentType.objects.get_for_model(record)
        existing = {
            (citation.source_id, citation.locator): citation
            for citation in self.filter(content_type=content_type, object_id=record.pk)
        }
        for order, (source_id, locator) in enumerate(wanted, start=1):
            citation = existing.pop((source_id, locator), None)
            if citation is None:
                self.create(
                    content_type=content_type,
                    object_id=record.pk,
                    source_id=source_id,
                    locator=locator,
                    order=order,
                    from_text=True,
                )
            elif citation.from_text and citation.order != order:
                citation.order = order
                citation.save(update_fields=["order"])
        stale = [citation.pk for citation in existing.values() if citation.from_text]
        if stale:
            self.filter(pk__in=stale).delete()


class Citation(RecordLink):
    """A record cites a source, at a locator, optionally quoting it. Numbers as a footnote."""

    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="cited_in", verbose_name=_("source")
    )
    locator = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Page, paragraph or timecode: p. 4, para. 8, 01:02:03."),
        verbose_name=_("locator"),
    )
    quotation = models.TextField(
        blank=True,
        help_text=_("The exact words of the source, short."),
        verbose_name=_("quotation"),
    )
    note = models.TextField(blank=True, verbose_name=_("note"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    from_text = models.BooleanField(
        default=False,
        editable=False,
        help_text=_("Made from a citation marker in the record's text, and kept in step with it."),
        verbose_name=_("from text"),
    )

    objects = CitationQuerySet.as_manager()

    class Meta(RecordLink.Meta):
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="citation_record_idx")]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    str_select_related = ("source",)
    str_prefetch_related = ("record",)

    def __str__(self):
        where = f", {self.locator}" if self.locator else ""
        return f"{self.record_name} cites “{self.source}”{where}"


class ClaimQuerySet(RecordLinkQuerySet):
    def disagreeing_with(self, claim):
        """Claims of the same attribute on the same record, from another source, that give
        another value: a disagreement to show, never to refuse."""
        others = self.filter(
            content_type_id=claim.content_type_id,
            object_id=claim.object_id,
            attribute_id=claim.attribute_id,
        ).exclude(source_id=claim.source_id)
        others = others.exclude(pk=claim.pk).select_related("source", "attribute")
        return [other for other in others if other.value_key != claim.value_key]


class Claim(RecordLink):
    """Source S says that attribute A of record R is V. Disagreeing claims coexist."""

    attribute = models.ForeignKey(
        ClaimAttribute, on_delete=models.PROTECT, related_name="claims", verbose_name=_("attribute")
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="claims_made", verbose_name=_("source")
    )
    value_text = models.CharField(_("text value"), max_length=500, blank=True)
    value_number = models.DecimalField(
        _("number"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    value_lower = models.DecimalField(
        _("lower bound"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    value_upper = models.DecimalField(
        _("upper bound"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    value_date = EDTFField(_("date value"))
    value_date_earliest = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("value date earliest")
    )
    value_date_latest = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("value date latest")
    )
    # A value that is another record (kind "record"): see archive/claimvalues.py.
    value_record_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("value record type"),
    )
    value_record_id = models.PositiveBigIntegerField(
        null=True, blank=True, verbose_name=_("value record id")
    )
    value_record = GenericForeignKey("value_record_type", "value_record_id")
    locator = models.CharField(max_length=100, blank=True, verbose_name=_("locator"))
    quotation = models.TextField(
        blank=True,
        help_text=_("The exact words of the source, short."),
        verbose_name=_("quotation"),
    )
    note = models.TextField(blank=True, verbose_name=_("note"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))

    objects = ClaimQuerySet.as_manager()

    class Meta(RecordLink.Meta):
        ordering = ["attribute__order", "attribute__name", "order", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="claim_record_idx")]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    str_select_related = ("attribute", "source")

    def __str__(self):
        return f"{self.attribute}: {self.value_display} (according to “{self.source}”)"

    def save(self, *args, **kwargs):
        set_date_bounds(self)
        super().save(*args, **kwargs)

    # The inputs each kind of value uses; the others must stay empty.
    KIND_FIELDS = {
        ClaimAttribute.ValueKind.NUMBER: ("value_number", "value_lower", "value_upper"),
        ClaimAttribute.ValueKind.TEXT: ("value_text",),
        ClaimAttribute.ValueKind.DATE: ("value_date",),
        ClaimAttribute.ValueKind.RECORD: ("value_record",),
    }
    FIELD_WORDS = {
        "value_number": _("a number"),
        "value_lower": _("a lower bound"),
        "value_upper": _("an upper bound"),
        "value_text": _("a text"),
        "value_date": _("a date"),
        "value_record": _("a record"),
    }

    def filled(self, name: str) -> bool:
        if name == "value_record":
            return self.value_record_id is not None
        value = getattr(self, name)
        return value is not None and str(value).strip() != ""

    def clean(self):
        super().clean()
        if not self.attribute_id:
            return
        attribute = self.attribute
        kind = attribute.value_kind
        applies = self.KIND_FIELDS.get(kind, ())
        errors = {}
        # A row saved before kinds were enforced is refused only once someone edits it.
        check_kinds = getattr(self, "check_value_kinds", True)
        for name, words in self.FIELD_WORDS.items():
            if check_kinds and name not in applies and self.filled(name):
                errors[name] = gettext(
                    "“%(attribute)s” takes %(kind)s, not %(value)s: clear this value or "
                    "choose another attribute."
                ) % {
                    "attribute": attribute,
                    "kind": str(attribute.get_value_kind_display()).lower(),
                    "value": words,
                }
        if kind == ClaimAttribute.ValueKind.NUMBER:
            if not any(self.filled(name) for name in applies):
                errors["value_number"] = gettext(
                    "“%(attribute)s” takes a number: give the number, or a lower or upper bound."
                ) % {"attribute": attribute}
            bounded = self.value_lower is not None and self.value_upper is not None
            if bounded and self.value_lower > self.value_upper:
                errors["value_upper"] = gettext("The upper bound is below the lower bound.")
            if self.value_number is not None:
                if self.value_lower is not None and self.value_number < self.value_lower:
                    errors["value_lower"] = gettext("The lower bound is above the number.")
                if self.value_upper is not None and self.value_number > self.value_upper:
                    errors["value_upper"] = gettext("The upper bound is below the number.")
        elif kind == ClaimAttribute.ValueKind.TEXT and not self.value_text.strip():
            errors["value_text"] = gettext("“%(attribute)s” takes a text value.") % {
                "attribute": attribute
            }
        elif kind == ClaimAttribute.ValueKind.DATE and not self.value_date.strip():
            errors["value_date"] = gettext(
                "“%(attribute)s” takes an EDTF date, such as 1990-01-20."
            ) % {"attribute": attribute}
        elif kind == ClaimAttribute.ValueKind.RECORD and not self.filled("value_record"):
            errors["value_record"] = gettext("“%(attribute)s” takes a record of the archive.") % {
                "attribute": attribute
            }
        if errors:
            raise ValidationError(errors)

    @property
    def value_key(self) -> tuple:
        """Equal for claims that state the same value: the basis of agreement."""
        return (
            self.value_text.strip().casefold(),
            normal(self.value_number),
            normal(self.value_lower),
            normal(self.value_upper),
            self.value_date.strip(),
            self.value_record_type_id,
            self.value_record_id,
        )

    @property
    def value_is_public(self) -> bool:
        """False when the value is a record the public may not see (a draft names nothing)."""
        if self.value_record_id is None:
            return True
        record = self.value_record
        return record is not None and getattr(record, "is_published", False)

    @property
    def value_display(self) -> str:
        """The value in words, the one way every output shows it (archive/claimvalues.py)."""
        if self.value_date:
            return describe(self.value_date)
        if self.value_record_id is not None:
            record = self.value_record
            return str(record) if record is not None else ""
        if any(v is not None for v in (self.value_number, self.value_lower, self.value_upper)):
            unit = self.attribute.unit if self.attribute_id else ""
            return number_in_words(self.value_number, self.value_lower, self.value_upper, unit)
        return self.value_text
