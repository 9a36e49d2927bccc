from django.db import models

from archive import translations

from .base import Record

# The script a language's page is written in: a variant in another script of the same
# language (Azerbaijani in Cyrillic) is not the page's.
PAGE_SCRIPTS = {"az": "Latn", "ru": "Cyrl", "en": "Latn"}


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
    source = models.ForeignKey(
        "archive.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The source that gives this form of the name.",
    )
    locator = models.CharField(
        max_length=100, blank=True, help_text="Where in the source: p. 4, col. 2, f. 12r."
    )

    class Meta:
        abstract = True
        ordering = ["language", "name"]

    def is_for_page(self, lang: str) -> bool:
        """Written in `lang`, in the script that language's pages use."""
        code = self.language.split("-")[0].lower()
        script = self.script or (self.language.split("-")[1] if "-" in self.language else "")
        wanted = PAGE_SCRIPTS.get(lang, "")
        return code == lang and (not script or not wanted or script == wanted)

    def __str__(self):
        tags = ", ".join(filter(None, [self.language, self.script]))
        return f"{self.name} ({tags})" if tags else self.name


class NamedInLanguages:
    """A record with name variants (`names`) is named on a page by the variant in the page's
    language and script (Heydər Əliyev on /az/, Гейдар Алиев on /ru/), else by its own name
    (translated, with the fallback, where the kind translates it). Prefetch `names` on lists."""

    def name_in(self, lang: str | None = None) -> translations.LocalText:
        lang = lang or translations.current_language()
        own = translations.localized(self, "name", lang)
        if own.lang == lang:  # written for this language by the curator
            return own
        for variant in self.names.all():
            if variant.is_for_page(lang):
                return translations.LocalText(variant.name, variant.language)
        return own if own.lang else translations.LocalText(self.name, "")

    @property
    def local_name(self) -> translations.LocalText:
        return self.name_in()


class Place(NamedInLanguages, Record):
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
