"""Small controlled vocabularies that curators edit in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    """A vocabulary term: a name, a stable slug and a definition."""

    name = models.CharField(max_length=100, unique=True, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text=_("Stable key used in imports."),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("What the term means and when to use it."),
        verbose_name=_("description"),
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Position in lists."), verbose_name=_("order")
    )

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SourceKind(Term):
    csl_type = models.CharField(
        max_length=40,
        default="document",
        help_text=_(
            "CSL-JSON item type for citation exports (article-magazine, book, interview...)."
        ),
        verbose_name=_("csl type"),
    )
    bibtex_type = models.CharField(
        max_length=20,
        default="misc",
        help_text=_("BibTeX entry type."),
        verbose_name=_("bibtex type"),
    )
    ris_type = models.CharField(
        max_length=10, default="GEN", help_text=_("RIS reference type."), verbose_name=_("ris type")
    )
    is_opinion = models.BooleanField(
        default=False,
        help_text=_("Sources of this kind state views, not reports; say so publicly."),
        verbose_name=_("is opinion"),
    )

    class Meta(Term.Meta):
        verbose_name = _("source kind")
        verbose_name_plural = _("source kinds")


class ClaimAttribute(Term):
    class ValueKind(models.TextChoices):
        NUMBER = "number", _("A number (with optional bounds)")
        TEXT = "text", _("A text")
        DATE = "date", _("A date (EDTF)")
        RECORD = "record", _("A record of the archive")

    value_kind = models.CharField(
        max_length=10,
        choices=ValueKind.choices,
        default=ValueKind.TEXT,
        help_text=_(
            "What a claim of this attribute gives: the claim form offers only that input. "
            "A number may have a lower and an upper bound (“between 131 and 147”, “up to 300”)."
        ),
        verbose_name=_("value kind"),
    )
    unit = models.CharField(
        max_length=40, blank=True, help_text=_("For numbers: people, km..."), verbose_name=_("unit")
    )

    class Meta(Term.Meta):
        verbose_name = _("claim attribute")
        verbose_name_plural = _("claim attributes")


class Licence(Term):
    """A licence or rights statement, by its canonical URI (Creative Commons, RightsStatements.org),
    which JSON-LD (`license`), IIIF (`rights`), EDM (`edm:rights`) and `dc:rights` export."""

    uri = models.URLField(
        blank=True,
        help_text=_(
            "Canonical licence or rights statement URI, e.g. "
            "https://creativecommons.org/licenses/by/4.0/ or http://rightsstatements.org/vocab/InC/1.0/"
        ),
        verbose_name=_("uri"),
    )

    class Meta(Term.Meta):
        verbose_name = _("licence")
        verbose_name_plural = _("licences")


class IdentifierScheme(Term):
    url_template = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Link pattern with {} for the value, e.g. https://www.wikidata.org/wiki/{}"),
        verbose_name=_("url template"),
    )

    class Meta(Term.Meta):
        verbose_name = _("identifier scheme")
        verbose_name_plural = _("identifier schemes")

    def url_for(self, value: str) -> str:
        return self.url_template.replace("{}", value) if self.url_template else ""
