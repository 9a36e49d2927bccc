"""The one neutral description of an event (`archive.description`), and what events add to a
person's: the events they took part in, with their roles."""

from django.db.models import Prefetch

from archive.dates import describe as date_words
from archive.description import Description, Relation
from archive.descriptions import (
    base,
    cited_sources,
    described_rows,
    identifiers,
    link,
    linked,
    prefetched,
    published,
)
from archive.models import Place
from archive.translations import lookups
from events.models import Event, EventRelation, Participation, RelationType


def describe_event(event, request=None) -> Description:
    """An event (type and parent selected; places, participations with person and role, parts
    and relations with the other event and type prefetched)."""
    links = [
        link(Relation.PLACE, "place", place, request)
        for place in published(prefetched(event, "described_places", "places"))
    ]
    links += [
        link(Relation.PART_OF, "event", parent, request) for parent in published([event.parent])
    ]
    links += [
        link(Relation.HAS_PART, "event", part, request)
        for part in published(prefetched(event, "described_parts", "parts"))
    ]
    links += [
        link(Relation.PARTICIPANT, "person", row.person, request, role=row.role.slug)
        for row in prefetched(event, "described_participations", "participations")
        if row.person.is_published
    ]
    links += [
        link(Relation.RELATED, "event", row.to_event, request, role=row.relation_type.name)
        for row in prefetched(event, "described_relations_out", "relations_out")
        if row.to_event.is_published
    ]
    links += [
        link(
            Relation.RELATED, "event", row.from_event, request, role=row.relation_type.inverse_name
        )
        for row in prefetched(event, "described_relations_in", "relations_in")
        if row.from_event.is_published
    ]
    event_type = event.event_type
    return base(
        event,
        request,
        kind="event",
        kind_label="Event",
        type="event",
        genre=event_type.name if event_type else "",
        subjects=[event_type.name] if event_type else [],
        date=event.date,
        date_words=date_words(event.date),
        date_text=event.date_text,
        summary=event.summary,
        identifiers=identifiers(event),
        links=links + cited_sources(event, request),
    )


def describe_participations(person, request, description: Description) -> None:
    """A person's description gains the published events they took part in (the person page
    prefetches `participations` with their events and roles)."""
    description.links += [
        link(Relation.SUBJECT_OF, "event", row.event, request, role=row.role.slug)
        for row in prefetched(person, "described_participations", "participations")
        if row.event.is_published
    ]


def prepare_event(queryset):
    """What describing many events needs (the feed, harvesting): of a linked record, only what
    its link reads (`linked`), into lists."""
    participations = Participation.objects.select_related("person", "role").only(
        "event", "person__name", "person__slug", "person__status", "role__slug"
    )
    relations_out = EventRelation.objects.select_related("to_event", "relation_type").only(
        "from_event",
        *lookups("to_event", Event, "title", "slug", "status"),
        *lookups("relation_type", RelationType, "name"),
    )
    relations_in = EventRelation.objects.select_related("from_event", "relation_type").only(
        "to_event",
        *lookups("from_event", Event, "title", "slug", "status"),
        *lookups("relation_type", RelationType, "inverse_name"),
    )
    parent = queryset.select_related("event_type", "parent").defer("parent__description")
    return parent.prefetch_related(
        Prefetch("places", queryset=linked(Place, "name"), to_attr="described_places"),
        Prefetch("parts", queryset=linked(Event, "title", "parent"), to_attr="described_parts"),
        Prefetch("participations", queryset=participations, to_attr="described_participations"),
        Prefetch("relations_out", queryset=relations_out, to_attr="described_relations_out"),
        Prefetch("relations_in", queryset=relations_in, to_attr="described_relations_in"),
        *described_rows(),
    )


def prepare_participations(queryset):
    """What `describe_participations` reads for many people at once (the feed)."""
    rows = Participation.objects.select_related("event", "role").only(
        "person", *lookups("event", Event, "title", "slug", "status"), "role__slug"
    )
    return queryset.prefetch_related(
        Prefetch("participations", queryset=rows, to_attr="described_participations")
    )
