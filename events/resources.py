"""Import and export of events with their places, media and participants.

Participants are person-slug|role-slug|source-slug|locator, in order (source and locator may be
left out), organisations organisation-slug|role-slug|source-slug|locator the same way; places
and media are slugs. See `archive/imports/codec.py` for the delimiters.
"""

from collections import defaultdict

from archive.imports import codec
from archive.imports.fields import ChildrenField, IdentifiersField, ManyToManyField, lookup_field
from archive.imports.lookups import Lookup
from archive.imports.resource import RecordResource
from archive.imports.sql import insert
from archive.models import MediaItem, Place, Source
from archive.translations import with_languages
from events.models import Event, EventType, Involvement, Participation, Role
from people.models import Organisation, Person


class ParticipantsField(ChildrenField):
    parts = ("person", "role", "source", "locator")

    def __init__(self, column="participants", **kwargs):
        super().__init__(column, **kwargs)
        self.people = Lookup(Person, label="person")
        self.roles = Lookup(Role, by_name="name", label="participant role")
        self.sources = Lookup(Source, label="source")

    def load(self, pks):
        found = defaultdict(list)
        rows = Participation.objects.filter(event_id__in=pks).order_by("order", "pk")
        for event_id, person, role, source, locator in rows.values_list(
            "event_id", "person__slug", "role__slug", "source__slug", "locator"
        ):
            found[event_id].append((person, role, source or "", locator))
        return found

    def parse(self, cell):
        values = []
        for parts in codec.split(cell):
            if len(parts) > 4:
                raise ValueError(f"“{'|'.join(parts)}” has more than person|role|source|locator.")
            person, role, source, locator = (parts + ["", "", ""])[:4]
            if not role:
                raise ValueError(f"“{person}” has no role (person|role).")
            self.people.pk(person)
            role = self.roles.slug(self.roles.pk(role))
            if source:
                self.sources.pk(source)
            values.append((person, role, source, locator))
        return values

    def replace(self, pending):
        if stored := self.stored(pending):
            Participation.objects.filter(event_id__in=stored).delete()
        insert(
            Participation,
            [
                Participation(
                    event_id=event.pk,
                    person_id=self.people.pk(person),
                    role_id=self.roles.pk(role),
                    source_id=self.sources.pk(source) if source else None,
                    locator=locator,
                    order=order,
                )
                for event, values in pending.items()
                for order, (person, role, source, locator) in enumerate(values)
            ],
        )


class OrganisationsField(ChildrenField):
    """The organisations in an event, in order: organisation-slug|role|source|locator."""

    parts = ("organisation", "role", "source", "locator")

    def __init__(self, column="organisations", **kwargs):
        super().__init__(column, **kwargs)
        self.organisations = Lookup(Organisation, label="organisation")
        self.roles = Lookup(Role, by_name="name", label="participant role")
        self.sources = Lookup(Source, label="source")

    def load(self, pks):
        found = defaultdict(list)
        rows = Involvement.objects.filter(event_id__in=pks).order_by("order", "pk")
        for event_id, organisation, role, source, locator in rows.values_list(
            "event_id", "organisation__slug", "role__slug", "source__slug", "locator"
        ):
            found[event_id].append((organisation, role, source or "", locator))
        return found

    def parse(self, cell):
        values = []
        for parts in codec.split(cell):
            if len(parts) > 4:
                raise ValueError(
                    f"“{'|'.join(parts)}” has more than organisation|role|source|locator."
                )
            organisation, role, source, locator = (parts + ["", "", ""])[:4]
            if not role:
                raise ValueError(f"“{organisation}” has no role (organisation|role).")
            self.organisations.pk(organisation)
            role = self.roles.slug(self.roles.pk(role))
            if source:
                self.sources.pk(source)
            values.append((organisation, role, source, locator))
        return values

    def replace(self, pending):
        if stored := self.stored(pending):
            Involvement.objects.filter(event_id__in=stored).delete()
        insert(
            Involvement,
            [
                Involvement(
                    event_id=event.pk,
                    organisation_id=self.organisations.pk(organisation),
                    role_id=self.roles.pk(role),
                    source_id=self.sources.pk(source) if source else None,
                    locator=locator,
                    order=order,
                )
                for event, values in pending.items()
                for order, (organisation, role, source, locator) in enumerate(values)
            ],
        )


EVENT_FIELDS = with_languages(Event, [
    "slug", "title", "status", "event_type", "date", "date_text", "places", "parent", "summary",
    "description", "media", "participants", "organisations", "identifiers",
])  # fmt: skip


class EventResource(RecordResource):
    event_type = lookup_field("event_type", Lookup(EventType, by_name="name", label="event type"))
    parent = lookup_field("parent", Lookup(Event, label="event"))
    places = ManyToManyField("places", Lookup(Place, by_name="name", label="place"))
    media = ManyToManyField("media", Lookup(MediaItem, label="media item"))
    participants = ParticipantsField()
    organisations = OrganisationsField()
    identifiers = IdentifiersField()

    date_fields = (("date", "date_text"),)

    class Meta(RecordResource.Meta):
        model = Event
        fields = EVENT_FIELDS
        import_order = export_order = EVENT_FIELDS
        name = "Events"
        use_bulk = False  # a row may name an earlier row as its parent

    def after_bulk_save(self, instances):
        for instance in instances:
            self.fields["parent"].widget.lookup.add(instance.pk, instance.slug)
        super().after_bulk_save(instances)

    def required_columns(self):
        return ["title"]
