import reversion
from django.core.exceptions import ValidationError
from django.db import models

from archive.dates import EDTFField, describe
from archive.models import RECORD_FOLLOW, MediaItem, NameVariant, Place, Record, Source, Term
from archive.models.places import NamedInLanguages
from archive.sentences import describe_many_to_many, role_in


class Person(NamedInLanguages, Record):
    name = models.CharField("display name", max_length=300, help_text="As shown: Heydar Aliyev.")
    sort_name = models.CharField(
        max_length=300, blank=True, help_text="For alphabetical lists: Aliyev, Heydar."
    )
    summary = models.CharField(
        max_length=300, blank=True, help_text="One line: who they were, in neutral words."
    )
    birth_date = EDTFField()
    birth_date_earliest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    birth_date_latest = models.DateField(null=True, blank=True, editable=False)
    death_date = EDTFField()
    death_date_earliest = models.DateField(null=True, blank=True, editable=False)
    death_date_latest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    birth_date_text = models.CharField(
        "birth date as written", max_length=200, blank=True, help_text="As the source gives it."
    )
    death_date_text = models.CharField(
        "death date as written", max_length=200, blank=True, help_text="As the source gives it."
    )
    birth_place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="births"
    )
    death_place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.PROTECT, related_name="deaths"
    )
    biography = models.TextField(
        blank=True, help_text="Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]."
    )
    portrait = models.ForeignKey(
        MediaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="portrait_of"
    )
    media = models.ManyToManyField(MediaItem, blank=True, related_name="people")

    url_name = "people:person_detail"
    cited_text_fields = ("biography",)

    class Meta(Record.Meta):
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        permissions = [("publish_person", "Can publish and withdraw people")]

    def __str__(self):
        return self.name

    def fill_defaults(self):
        if not self.sort_name:
            self.sort_name = self.name

    @property
    def lifetime(self) -> str:
        born, died = describe(self.birth_date), describe(self.death_date)
        if born and died:
            return f"{born} – {died}"
        if born:
            return f"born {born}"
        if died:
            return f"died {died}"
        return ""


class PersonName(NameVariant):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")

    class Meta(NameVariant.Meta):
        verbose_name = "name variant"


reversion.register(PersonName)
reversion.register(Person, follow=(*RECORD_FOLLOW, "names"))


class ContributionRole(Term):
    """How a person contributed to a source: artist, after, attributed to, author, editor..."""

    class Meta(Term.Meta):
        verbose_name = "contribution role"


class Contribution(models.Model):
    """A person made (or is credited with) a source, in a role: the artist of an artwork,
    the author of a book. Lives here so that `archive` needs to know nothing of people."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contributions")
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="contributions")
    role = models.ForeignKey(
        ContributionRole, on_delete=models.PROTECT, related_name="contributions"
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the credit line.")

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "person", "role"], name="unique_role_per_person_per_source"
            )
        ]

    str_select_related = ("person", "role", "source")

    def __str__(self):
        return f"{self.person} — {self.role} — {self.source}"


reversion.register(Contribution)


class OrganisationType(Term):
    """What an organisation is: army, military unit, ministry, newspaper, broadcaster..."""

    class Meta(Term.Meta):
        verbose_name = "organisation type"


class Organisation(NamedInLanguages, Record):
    """A corporate body (ISAAR(CPF)): an army or one of its units, a ministry, a newspaper or
    broadcaster, a party, a museum. Lives beside persons: both are agents."""

    name = models.CharField(
        max_length=300, help_text="As shown: Soviet Army, Ministry of Internal Affairs."
    )
    sort_name = models.CharField(
        max_length=300, blank=True, help_text="For alphabetical lists; the name if left empty."
    )
    organisation_type = models.ForeignKey(
        OrganisationType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name="type",
    )
    summary = models.CharField(
        max_length=300, blank=True, help_text="One line: what it was, in neutral words."
    )
    founded = EDTFField()
    founded_earliest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    founded_latest = models.DateField(null=True, blank=True, editable=False)
    founded_text = models.CharField(
        "founded as written", max_length=200, blank=True, help_text="As the source gives it."
    )
    dissolved = EDTFField()
    dissolved_earliest = models.DateField(null=True, blank=True, editable=False)
    dissolved_latest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    dissolved_text = models.CharField(
        "dissolved as written", max_length=200, blank=True, help_text="As the source gives it."
    )
    places = models.ManyToManyField(
        Place, blank=True, related_name="organisations", help_text="Where it was based or active."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name="part of",
        help_text="The larger body this one belongs to: the army of a unit, say.",
    )
    description = models.TextField(
        blank=True, help_text="Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]."
    )

    url_name = "organisations:organisation_detail"
    cited_text_fields = ("description",)

    class Meta(Record.Meta):
        ordering = ["sort_name", "name"]
        permissions = [("publish_organisation", "Can publish and withdraw organisations")]

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
                raise ValidationError({"parent": "An organisation cannot be part of itself."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def existence(self) -> str:
        """When it existed, in words: “1918 – 1991”, “founded 1918”, “dissolved 1991”."""
        founded, dissolved = describe(self.founded), describe(self.dissolved)
        if founded and dissolved:
            return f"{founded} – {dissolved}"
        if founded:
            return f"founded {founded}"
        if dissolved:
            return f"dissolved {dissolved}"
        return ""


class OrganisationName(NameVariant):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")

    class Meta(NameVariant.Meta):
        verbose_name = "name variant"


reversion.register(OrganisationName)
reversion.register(Organisation, follow=(*RECORD_FOLLOW, "names"))


class Publication(models.Model):
    """An organisation published, broadcast or issued a source: the newspaper of an article,
    the ministry of a decree. Lives here so that `archive` needs to know nothing of it."""

    class Role(models.TextChoices):
        PUBLISHER = "publisher", "Publisher"
        BROADCASTER = "broadcaster", "Broadcaster"
        ISSUING_BODY = "issuing-body", "Issuing body"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="publications"
    )
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="publications")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PUBLISHER)
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the credit line.")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "publisher"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "organisation", "role"],
                name="unique_role_per_organisation_per_source",
            )
        ]

    str_select_related = ("organisation", "source")

    def __str__(self):
        return role_in(
            self.organisation, self.get_role_display(), f"“{self.source}”", preposition="of"
        )


reversion.register(Publication)

describe_many_to_many(
    Person.media, lambda row: f"{row.mediaitem} — media of {row.person}", ("mediaitem", "person")
)
describe_many_to_many(
    Organisation.places,
    lambda row: f"{row.place} — place of {row.organisation}",
    ("place", "organisation"),
)
