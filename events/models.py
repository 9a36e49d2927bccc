import reversion
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from archive.dates import EDTFField, describe
from archive.models import RECORD_FOLLOW, MediaItem, Place, Record, Source, Term
from archive.sentences import describe_many_to_many, lower_first, media_of, place_of, role_in
from people.models import Organisation, Person


class EventType(Term):
    class Meta(Term.Meta):
        verbose_name = _("event type")
        verbose_name_plural = _("event types")


class Role(Term):
    """What a person or organisation did in an event: organiser, victim, witness, speaker,
    acting unit, reporting outlet..."""

    class Meta(Term.Meta):
        verbose_name = _("participant role")
        verbose_name_plural = _("participant roles")


class RelationType(Term):
    inverse_name = models.CharField(
        max_length=100,
        help_text=_("The relation read from the other end: caused → was caused by."),
        verbose_name=_("inverse name"),
    )

    class Meta(Term.Meta):
        verbose_name = _("event relation type")
        verbose_name_plural = _("event relation types")


class Event(Record):
    title = models.CharField(max_length=300, verbose_name=_("title"))
    event_type = models.ForeignKey(
        EventType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("event type"),
    )
    date = EDTFField(verbose_name=_("date"))
    date_earliest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("date earliest")
    )
    date_text = models.CharField(
        _("date as written"),
        max_length=200,
        blank=True,
        help_text=_(
            "The date as the source or museum record gives it (“c.1819”, “date not known”); "
            "shown when it says more than the EDTF date."
        ),
    )
    date_latest = models.DateField(
        null=True, blank=True, editable=False, db_index=True, verbose_name=_("date latest")
    )
    places = models.ManyToManyField(
        Place, blank=True, related_name="events", verbose_name=_("places")
    )
    summary = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("One or two sentences, in neutral words."),
        verbose_name=_("summary"),
    )
    description = models.TextField(
        blank=True,
        help_text=_(
            "Markdown. Cite sources with [@source-slug] or [@source-slug, p. 4]. "
            "Attribute contested statements: “According to [@source-slug], …”."
        ),
        verbose_name=_("description"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
        help_text=_("The larger event this one is part of."),
        verbose_name=_("parent"),
    )
    media = models.ManyToManyField(
        MediaItem, blank=True, related_name="events", verbose_name=_("media")
    )
    people = models.ManyToManyField(
        Person, through="Participation", related_name="events", verbose_name=_("people")
    )

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
        verbose_name = _("event")
        verbose_name_plural = _("events")

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
                raise ValidationError({"parent": _("An event cannot be part of itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Participation(models.Model):
    """A person took part in an event in a role, according to a source."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="participations", verbose_name=_("person")
    )
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="participations", verbose_name=_("role")
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
        help_text=_("The source that says so."),
        verbose_name=_("source"),
    )
    locator = models.CharField(max_length=100, blank=True, verbose_name=_("locator"))
    quotation = models.TextField(blank=True, verbose_name=_("quotation"))
    note = models.TextField(blank=True, verbose_name=_("note"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="unique_role_per_person_per_event"
            )
        ]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    str_select_related = ("person", "role", "event")

    def __str__(self):
        return role_in(self.person, self.role, self.event)


class EventRelation(models.Model):
    """A typed relation between two events: caused, followed, responded to..."""

    from_event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="relations_out", verbose_name=_("from event")
    )
    to_event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="relations_in", verbose_name=_("to event")
    )
    relation_type = models.ForeignKey(
        RelationType, on_delete=models.PROTECT, verbose_name=_("relation type")
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_relations",
        verbose_name=_("source"),
    )
    note = models.TextField(blank=True, verbose_name=_("note"))

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
        verbose_name = _("event relation")
        verbose_name_plural = _("event relations")

    str_select_related = ("from_event", "relation_type", "to_event")

    def __str__(self):
        return f"{self.from_event} — {lower_first(self.relation_type)} — {self.to_event}"


class Involvement(models.Model):
    """An organisation took part in an event in a role (the unit that acted, the outlet that
    reported), according to a source."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="involvements", verbose_name=_("event")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="involvements",
        verbose_name=_("organisation"),
    )
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="involvements", verbose_name=_("role")
    )
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="involvements",
        help_text=_("The source that says so."),
        verbose_name=_("source"),
    )
    locator = models.CharField(max_length=100, blank=True, verbose_name=_("locator"))
    quotation = models.TextField(blank=True, verbose_name=_("quotation"))
    note = models.TextField(blank=True, verbose_name=_("note"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("organisation involved")
        verbose_name_plural = _("organisations involved")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"],
                name="unique_role_per_organisation_per_event",
            )
        ]

    str_select_related = ("organisation", "role", "event")

    def __str__(self):
        return role_in(self.organisation, self.role, self.event)


describe_many_to_many(Event.places, lambda row: place_of(row.place, row.event), ("place", "event"))
describe_many_to_many(
    Event.media, lambda row: media_of(row.mediaitem, row.event), ("mediaitem", "event")
)

reversion.register(Participation)
reversion.register(Involvement)
reversion.register(EventRelation)
reversion.register(
    Event, follow=(*RECORD_FOLLOW, "participations", "involvements", "relations_out")
)
