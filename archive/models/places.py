from django.db import models
from django.utils.translation import gettext_lazy as _

from archive import translations

from .base import Record

# The script a language's page is written in: a variant in another script of the same
# language (Azerbaijani in Cyrillic) is not the page's.
PAGE_SCRIPTS = {"az": "Latn", "ru": "Cyrl", "en": "Latn"}


class NameVariant(models.Model):
    """Another name of a record: in another language or script, a transliteration, an alias."""

    class Kind(models.TextChoices):
        NATIVE = "native", _("Native form")
        TRANSLITERATION = "transliteration", _("Transliteration")
        TRANSLATION = "translation", _("Translation")
        ALIAS = "alias", _("Alias or other name")
        FORMER = "former", _("Former name")
        BIRTH = "birth", _("Birth name")

    name = models.CharField(max_length=300, verbose_name=_("name"))
    language = models.CharField(
        max_length=35,
        blank=True,
        help_text=_("BCP 47 code: az, ru, en, hy..."),
        verbose_name=_("language"),
    )
    script = models.CharField(
        max_length=4,
        blank=True,
        help_text=_("ISO 15924 code: Latn, Cyrl, Armn, Arab..."),
        verbose_name=_("script"),
    )
    kind = models.CharField(
        max_length=20, choices=Kind.choices, default=Kind.NATIVE, verbose_name=_("kind")
    )
    source = models.ForeignKey(
        "archive.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The source that gives this form of the name."),
        verbose_name=_("source"),
    )
    locator = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Where in the source: p. 4, col. 2, f. 12r."),
        verbose_name=_("locator"),
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
        if not own.lang and lang == translations.default_language():
            return own  # an untranslated display name is the English page's ("As shown")
        for variant in self.names.all():
            if variant.is_for_page(lang):
                return translations.LocalText(variant.name, variant.language)
        return own if own.lang else translations.LocalText(self.name, "")

    @property
    def local_name(self) -> translations.LocalText:
        return self.name_in()


class Place(NamedInLanguages, Record):
    name = models.CharField(max_length=300, verbose_name=_("name"))
    kind = models.CharField(
        max_length=50,
        blank=True,
        help_text=_("City, region, country, building, street..."),
        verbose_name=_("kind"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The larger place this one lies in."),
        verbose_name=_("parent"),
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("latitude")
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, verbose_name=_("longitude")
    )
    description = models.TextField(
        blank=True,
        help_text=_("Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]."),
        verbose_name=_("description"),
    )

    url_name = "archive:place_detail"
    cited_text_fields = ("description",)

    class Meta(Record.Meta):
        ordering = ["name"]
        permissions = [("publish_place", "Can publish and withdraw places")]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        return self.name


class PlaceName(NameVariant):
    place = models.ForeignKey(
        Place, on_delete=models.CASCADE, related_name="names", verbose_name=_("place")
    )

    class Meta(NameVariant.Meta):
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")
