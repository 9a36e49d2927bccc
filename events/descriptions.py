"""The one neutral description of an event (`archive.description`), and what events add to a
person's: the events they took part in, with their roles."""

from django.db.models import Prefetch

from archive.dates import describe as date_words
from archive.description import Description, Relation
from archive.descriptions import base, cited_sources, described_rows, identifiers, link, published
from events.models import EventRelation, Participation


def describe_event(event, request=None) -> Description:
    """An event (type and parent selected; places, participations with person and role, parts
    and relations with the other event and type prefetched)."""
    links = [
        link(Relation.PLACE, "place", place, request) for place in published(event.places.all())
    ]
    links += [
        link(Relation.PART_OF, "event", parent, request) for parent in published([event.parent])
    ]
    links += [
        link(Relation.HAS_PART, "event", part, request) for part in published(event.parts.all())
    ]
    links += [
        link(Relation.PARTICIPANT, "person", row.person, request, role=row.role.slug)
        for row in event.participations.all()
        if row.person.is_published
    ]
    links += [
        link(Relation.RELATED, "event", row.to_event, request, role=row.relation_type.name)
        for row in event.relations_out.all()
        if row.to_event.is_published
    ]
    links += [
        link(
            Relation.RELATED, "event", row.from_event, request, role=row.relation_type.inverse_name
        )
        for row in event.relations_in.all()
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
        for row in person.participations.all()
        if row.event.is_published
    ]


def prepare_event(queryset):
    """What describing many events needs (the feed, harvesting)."""
    return queryset.select_related("event_type", "parent").prefetch_related(
        "places",
        "parts",
        Prefetch("participations", queryset=Participation.objects.select_related("person", "role")),
        Prefetch(
            "relations_out",
            queryset=EventRelation.objects.select_related("to_event", "relation_type"),
        ),
        Prefetch(
            "relations_in",
            queryset=EventRelation.objects.select_related("from_event", "relation_type"),
        ),
        *described_rows(),
    )


def prepare_participations(queryset):
    """What `describe_participations` reads for many people at once (the feed)."""
    rows = Participation.objects.select_related("event", "role")
    return queryset.prefetch_related(Prefetch("participations", queryset=rows))
