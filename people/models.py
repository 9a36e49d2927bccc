import reversion
from django.db import models

from archive.dates import EDTFField, describe
from archive.models import RECORD_FOLLOW, MediaItem, NameVariant, Place, Record, Source, Term


class Person(Record):
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

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        permissions = [("publish_person", "Can publish and withdraw people")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.name
        super().save(*args, **kwargs)

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

    def __str__(self):
        return f"{self.person} — {self.role} — {self.source}"


reversion.register(Contribution)
