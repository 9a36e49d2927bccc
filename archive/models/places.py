from django.db import models

from .base import Record


class NameVariant(models.Model):
    """Another name of a record: in another language or script, a transliteration, an alias."""

    class Kind(models.TextChoices):
        NATIVE = "native", "Native form"
        TRANSLITERATION = "transliteration", "Transliteration"
        TRANSLATION = "translation", "Translation"
        ALIAS = "alias", "Alias or other name"
        FORMER = "former", "Former name"
        BIRTH = "birth", "Birth name"

    name = models.CharField(max_length=300)
    language = models.CharField(
        max_length=35, blank=True, help_text="BCP 47 code: az, ru, en, hy..."
    )
    script = models.CharField(
        max_length=4, blank=True, help_text="ISO 15924 code: Latn, Cyrl, Armn, Arab..."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NATIVE)

    class Meta:
        abstract = True
        ordering = ["language", "name"]

    def __str__(self):
        tags = ", ".join(filter(None, [self.language, self.script]))
        return f"{self.name} ({tags})" if tags else self.name


class Place(Record):
    name = models.CharField(max_length=300)
    kind = models.CharField(
        max_length=50, blank=True, help_text="City, region, country, building, street..."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The larger place this one lies in.",
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(
        blank=True, help_text="Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]."
    )

    url_name = "archive:place_detail"
    cited_text_fields = ("description",)

    class Meta(Record.Meta):
        ordering = ["name"]
        permissions = [("publish_place", "Can publish and withdraw places")]

    def __str__(self):
        return self.name


class PlaceName(NameVariant):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")

    class Meta(NameVariant.Meta):
        verbose_name = "name variant"
