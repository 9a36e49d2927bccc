"""Small controlled vocabularies that curators edit in the admin."""

from django.db import models


class Term(models.Model):
    """A vocabulary term: a name, a stable slug and a definition."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, help_text="Stable key used in imports.")
    description = models.TextField(blank=True, help_text="What the term means and when to use it.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in lists.")

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SourceKind(Term):
    csl_type = models.CharField(
        max_length=40,
        default="document",
        help_text="CSL-JSON item type for citation exports (article-magazine, book, interview...).",
    )
    bibtex_type = models.CharField(max_length=20, default="misc", help_text="BibTeX entry type.")
    ris_type = models.CharField(max_length=10, default="GEN", help_text="RIS reference type.")
    is_opinion = models.BooleanField(
        default=False, help_text="Sources of this kind state views, not reports; say so publicly."
    )

    class Meta(Term.Meta):
        verbose_name = "source kind"


class ClaimAttribute(Term):
    class ValueKind(models.TextChoices):
        NUMBER = "number", "A number (with optional bounds)"
        TEXT = "text", "A text"
        DATE = "date", "A date (EDTF)"
        RECORD = "record", "A record of the archive"

    value_kind = models.CharField(
        max_length=10,
        choices=ValueKind.choices,
        default=ValueKind.TEXT,
        help_text="What a claim of this attribute gives: the claim form offers only that input. "
        "A number may have a lower and an upper bound (“between 131 and 147”, “up to 300”).",
    )
    unit = models.CharField(max_length=40, blank=True, help_text="For numbers: people, km...")

    class Meta(Term.Meta):
        verbose_name = "claim attribute"


class Licence(Term):
    """A licence or rights statement, by its canonical URI (Creative Commons, RightsStatements.org),
    which JSON-LD (`license`), IIIF (`rights`), EDM (`edm:rights`) and `dc:rights` export."""

    uri = models.URLField(
        blank=True,
        help_text="Canonical licence or rights statement URI, e.g. "
        "https://creativecommons.org/licenses/by/4.0/ or http://rightsstatements.org/vocab/InC/1.0/",
    )

    class Meta(Term.Meta):
        verbose_name = "licence"


class IdentifierScheme(Term):
    url_template = models.CharField(
        max_length=200,
        blank=True,
        help_text="Link pattern with {} for the value, e.g. https://www.wikidata.org/wiki/{}",
    )

    class Meta(Term.Meta):
        verbose_name = "identifier scheme"

    def url_for(self, value: str) -> str:
        return self.url_template.replace("{}", value) if self.url_template else ""
