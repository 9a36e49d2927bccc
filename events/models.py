import reversion
from django.core.exceptions import ValidationError
from django.db import models

from archive.dates import EDTFField, describe
from archive.models import RECORD_FOLLOW, MediaItem, Place, Record, Source, Term
from archive.sentences import describe_many_to_many, lower_first, role_in
from people.models import Organisation, Person


class EventType(Term):
    class Meta(Term.Meta):
        verbose_name = "event type"


class Role(Term):
    """What a person or organisation did in an event: organiser, victim, witness, speaker,
    acting unit, reporting outlet..."""

    class Meta(Term.Meta):
        verbose_name = "participant role"


class RelationType(Term):
    inverse_name = models.CharField(
        max_length=100, help_text="The relation read from the other end: caused → was caused by."
    )

    class Meta(Term.Meta):
        verbose_name = "event relation type"


class Event(Record):
    title = models.CharField(max_length=300)
    event_type = models.ForeignKey(
        EventType, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    date = EDTFField()
    date_earliest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    date_text = models.CharField(
        "date as written",
        max_length=200,
        blank=True,
        help_text="The date as the source or museum record gives it (“c.1819”, “date not known”); "
        "shown when it says more than the EDTF date.",
    )
    date_latest = models.DateField(null=True, blank=True, editable=False, db_index=True)
    places = models.ManyToManyField(Place, blank=True, related_name="events")
    summary = models.CharField(
        max_length=500, blank=True, help_text="One or two sentences, in neutral words."
    )
    description = models.TextField(
        blank=True,
        help_text="Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]. "
        "Attribute contested statements: “According to [@source-slug], …”.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
        help_text="The larger event this one is part of.",
    )
    media = models.ManyToManyField(MediaItem, blank=True, related_name="events")
    people = models.ManyToManyField(Person, through="Participation", related_name="events")

    url_name = "events:event_detail"
    cited_text_fields = ("description",)

    class Meta(Record.Meta):
        ordering = ["date_earliest", "title"]
        # The browse page and the timeline read published events in date order: this index
        # gives them a page without sorting every event (status, then the ordering).
        indexes = [
            *Record.Meta.indexes,
            models.Index(fields=["status", "date_earliest", "title"], name="event_browse_idx"),
        ]
        permissions = [("publish_event", "Can publish and withdraw events")]

    def __str__(self):
        return self.title

    @property
    def date_display(self) -> str:
        return describe(self.date)

    def clean(self):
        super().clean()
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "An event cannot be part of itself."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Participation(models.Model):
    """A person took part in an event in a role, according to a source."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="participations")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="participations")
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
        help_text="The source that says so.",
    )
    locator = models.CharField(max_length=100, blank=True)
    quotation = models.TextField(blank=True)
    note = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="unique_role_per_person_per_event"
            )
        ]

    str_select_related = ("person", "role", "event")

    def __str__(self):
        return role_in(self.person, self.role, self.event)


class EventRelation(models.Model):
    """A typed relation between two events: caused, followed, responded to..."""

    from_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="relations_out")
    to_event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="relations_in")
    relation_type = models.ForeignKey(RelationType, on_delete=models.PROTECT)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="event_relations"
    )
    note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_event", "to_event", "relation_type"], name="unique_event_relation"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_event=models.F("to_event")),
                name="event_not_related_to_self",
            ),
        ]

    str_select_related = ("from_event", "relation_type", "to_event")

    def __str__(self):
        return f"{self.from_event} — {lower_first(self.relation_type)} — {self.to_event}"


class Involvement(models.Model):
    """An organisation took part in an event in a role (the unit that acted, the outlet that
    reported), according to a source."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="involvements")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="involvements"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="involvements")
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="involvements",
        help_text="The source that says so.",
    )
    locator = models.CharField(max_length=100, blank=True)
    quotation = models.TextField(blank=True)
    note = models.TextField(blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "organisation involved"
        verbose_name_plural = "organisations involved"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"],
                name="unique_role_per_organisation_per_event",
            )
        ]

    str_select_related = ("organisation", "role", "event")

    def __str__(self):
        return role_in(self.organisation, self.role, self.event)


describe_many_to_many(
    Event.places, lambda row: f"{row.place} — place of {row.event}", ("place", "event")
)
describe_many_to_many(
    Event.media, lambda row: f"{row.mediaitem} — media of {row.event}", ("mediaitem", "event")
)

reversion.register(Participation)
reversion.register(Involvement)
reversion.register(EventRelation)
reversion.register(
    Event, follow=(*RECORD_FOLLOW, "participations", "involvements", "relations_out")
)
