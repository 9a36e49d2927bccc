import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from archive.dates import EDTFField, describe
from archive.models import RECORD_FOLLOW, MediaItem, NameVariant, Place, Record, Source, Term
from archive.models.places import NamedInLanguages
from archive.sentences import describe_many_to_many, media_of, place_of, role_in


def _span_words(start: str, end: str, only_start, only_end) -> str:
    first, last = describe(start), describe(end)
    if first and last:
        return f"{first} – {last}"
    if first:
        return only_start() % {"date": first}
    if last:
        return only_end() % {"date": last}
    return ""


def lifetime_words(birth: str, death: str) -> str:
    """A life in words, in the active language, from its two EDTF dates (the search results
    call this with the dates they stored): “1923 – 2003”, “born 1923”, “died 2003”."""
    return _span_words(
        birth,
        death,
        lambda: pgettext("a lifetime with only its birth known", "born %(date)s"),
        lambda: pgettext("a lifetime with only its death known", "died %(date)s"),
    )


def existence_words(founded: str, dissolved: str) -> str:
    """An organisation's existence in words: “1918 – 1991”, “founded 1918”, “dissolved 1991”."""
    return _span_words(
        founded,
        dissolved,
        lambda: pgettext("an organisation with only its founding known", "founded %(date)s"),
        lambda: pgettext("an organisation with only its end known", "dissolved %(date)s"),
    )


class Person(NamedInLanguages, Record):
    name = models.CharField(
        _("display name"), max_length=300, help_text=_("As shown: Heydar Aliyev.")
    )
    sort_name = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("For alphabetical lists: Aliyev, Heydar."),
        verbose_name=_("sort name"),
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("One line: who they were, in neutral words."),
        verbose_name=_("summary"),
    )
    birth_date = EDTFField(verbose_name=_("birth date"))
    birth_date_earliest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("birth date earliest")
    )
    birth_date_latest = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("birth date latest")
    )
    death_date = EDTFField(verbose_name=_("death date"))
    death_date_earliest = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("death date earliest")
    )
    death_date_latest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("death date latest")
    )
    birth_date_text = models.CharField(
        _("birth date as written"),
        max_length=200,
        blank=True,
        help_text=_("As the source gives it."),
    )
    death_date_text = models.CharField(
        _("death date as written"),
        max_length=200,
        blank=True,
        help_text=_("As the source gives it."),
    )
    birth_place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="births",
        verbose_name=_("birth place"),
    )
    death_place = models.ForeignKey(
        Place,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deaths",
        verbose_name=_("death place"),
    )
    biography = models.TextField(
        blank=True,
        help_text=_("Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]."),
        verbose_name=_("biography"),
    )
    portrait = models.ForeignKey(
        MediaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portrait_of",
        verbose_name=_("portrait"),
    )
    media = models.ManyToManyField(
        MediaItem, blank=True, related_name="people", verbose_name=_("media")
    )

    url_name = "people:person_detail"
    cited_text_fields = ("biography",)

    class Meta(Record.Meta):
        ordering = ["sort_name", "name"]
        verbose_name_plural = _("people")
        permissions = [("publish_person", "Can publish and withdraw people")]
        verbose_name = _("person")

    def __str__(self):
        return self.name

    def fill_defaults(self):
        if not self.sort_name:
            self.sort_name = self.name

    @property
    def lifetime(self) -> str:
        return lifetime_words(self.birth_date, self.death_date)


class PersonName(NameVariant):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="names", verbose_name=_("person")
    )

    class Meta(NameVariant.Meta):
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")


reversion.register(PersonName)
reversion.register(Person, follow=(*RECORD_FOLLOW, "names"))


class ContributionRole(Term):
    """How a person contributed to a source: artist, after, attributed to, author, editor..."""

    class Meta(Term.Meta):
        verbose_name = _("contribution role")
        verbose_name_plural = _("contribution roles")


class Contribution(models.Model):
    """A person made (or is credited with) a source, in a role: the artist of an artwork,
    the author of a book. Lives here so that `archive` needs to know nothing of people."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("person")
    )
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("source")
    )
    role = models.ForeignKey(
        ContributionRole,
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("role"),
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Position in the credit line."), verbose_name=_("order")
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "person", "role"], name="unique_role_per_person_per_source"
            )
        ]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    str_select_related = ("person", "role", "source")

    def __str__(self):
        return f"{self.person} — {self.role} — {self.source}"


reversion.register(Contribution)


class OrganisationType(Term):
    """What an organisation is: army, military unit, ministry, newspaper, broadcaster..."""

    class Meta(Term.Meta):
        verbose_name = _("organisation type")
        verbose_name_plural = _("organisation types")


class Organisation(NamedInLanguages, Record):
    """A corporate body (ISAAR(CPF)): an army or one of its units, a ministry, a newspaper or
    broadcaster, a party, a museum. Lives beside persons: both are agents."""

    name = models.CharField(
        max_length=300,
        help_text=_("As shown: Soviet Army, Ministry of Internal Affairs."),
        verbose_name=_("name"),
    )
    sort_name = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("For alphabetical lists; the name if left empty."),
        verbose_name=_("sort name"),
    )
    organisation_type = models.ForeignKey(
        OrganisationType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("type"),
    )
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("One line: what it was, in neutral words."),
        verbose_name=_("summary"),
    )
    founded = EDTFField(verbose_name=_("founded"))
    founded_earliest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("founded earliest")
    )
    founded_latest = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("founded latest")
    )
    founded_text = models.CharField(
        _("founded as written"), max_length=200, blank=True, help_text=_("As the source gives it.")
    )
    dissolved = EDTFField(verbose_name=_("dissolved"))
    dissolved_earliest = models.DateField(
        null=True, blank=True, editable=False, verbose_name=_("dissolved earliest")
    )
    dissolved_latest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("dissolved latest")
    )
    dissolved_text = models.CharField(
        _("dissolved as written"),
        max_length=200,
        blank=True,
        help_text=_("As the source gives it."),
    )
    places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="organisations",
        help_text=_("Where it was based or active."),
        verbose_name=_("places"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("part of"),
        help_text=_("The larger body this one belongs to: the army of a unit, say."),
    )
    description = models.TextField(
        blank=True,
        help_text=_("Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]."),
        verbose_name=_("description"),
    )

    url_name = "organisations:organisation_detail"
    cited_text_fields = ("description",)

    class Meta(Record.Meta):
        ordering = ["sort_name", "name"]
        permissions = [("publish_organisation", "Can publish and withdraw organisations")]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def fill_defaults(self):
        if not self.sort_name:
            self.sort_name = self.name

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def existence(self) -> str:
        """When it existed, in words: “1918 – 1991”, “founded 1918”, “dissolved 1991”."""
        return existence_words(self.founded, self.dissolved)


class OrganisationName(NameVariant):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="names", verbose_name=_("organisation")
    )

    class Meta(NameVariant.Meta):
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")


reversion.register(OrganisationName)
reversion.register(Organisation, follow=(*RECORD_FOLLOW, "names"))


class Publication(models.Model):
    """An organisation published, broadcast or issued a source: the newspaper of an article,
    the ministry of a decree. Lives here so that `archive` needs to know nothing of it."""

    class Role(models.TextChoices):
        PUBLISHER = "publisher", _("Publisher")
        BROADCASTER = "broadcaster", _("Broadcaster")
        ISSUING_BODY = "issuing-body", _("Issuing body")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="publications",
        verbose_name=_("organisation"),
    )
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="publications", verbose_name=_("source")
    )
    role = models.CharField(
        max_length=20, choices=Role.choices, default=Role.PUBLISHER, verbose_name=_("role")
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Position in the credit line."), verbose_name=_("order")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("publisher")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "organisation", "role"],
                name="unique_role_per_organisation_per_source",
            )
        ]
        verbose_name_plural = _("publishers")

    str_select_related = ("organisation", "source")

    def __str__(self):
        return role_in(
            self.organisation, self.get_role_display(), f"“{self.source}”", preposition="of"
        )


reversion.register(Publication)

describe_many_to_many(
    Person.media, lambda row: media_of(row.mediaitem, row.person), ("mediaitem", "person")
)
describe_many_to_many(
    Organisation.places,
    lambda row: place_of(row.place, row.organisation),
    ("place", "organisation"),
)
