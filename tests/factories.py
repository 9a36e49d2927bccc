"""Plain functions that make records for tests; every argument has a sensible default."""

import itertools
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType

from archive.models import (
    Citation,
    Claim,
    ClaimAttribute,
    MediaItem,
    Place,
    Source,
    SourceKind,
    Status,
)
from events.models import Event, EventType, Involvement, Participation, Role
from people.models import (
    Organisation,
    OrganisationName,
    OrganisationType,
    Person,
    PersonName,
    Publication,
)

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def source(**kwargs) -> Source:
    n = _n()
    kwargs.setdefault("title", f"Source {n}")
    kwargs.setdefault("slug", f"source-{n}")
    kwargs.setdefault("status", Status.PUBLISHED)
    if "kind" not in kwargs:
        kwargs["kind"] = SourceKind.objects.get(slug="article")
    return Source.objects.create(**kwargs)


def place(**kwargs) -> Place:
    n = _n()
    kwargs.setdefault("name", f"Place {n}")
    kwargs.setdefault("slug", f"place-{n}")
    kwargs.setdefault("status", Status.PUBLISHED)
    return Place.objects.create(**kwargs)


def person(names=(), **kwargs) -> Person:
    n = _n()
    kwargs.setdefault("name", f"Person {n}")
    kwargs.setdefault("slug", f"person-{n}")
    kwargs.setdefault("status", Status.PUBLISHED)
    record = Person.objects.create(**kwargs)
    for name in names:
        PersonName.objects.create(person=record, name=name)
    return record


def event(**kwargs) -> Event:
    n = _n()
    kwargs.setdefault("title", f"Event {n}")
    kwargs.setdefault("slug", f"event-{n}")
    kwargs.setdefault("status", Status.PUBLISHED)
    if isinstance(kwargs.get("event_type"), str):
        kwargs["event_type"] = EventType.objects.get(slug=kwargs["event_type"])
    places = kwargs.pop("places", ())
    record = Event.objects.create(**kwargs)
    if places:
        record.places.set(places)
    return record


def participation(event, person, role="participant", **kwargs) -> Participation:
    return Participation.objects.create(
        event=event, person=person, role=Role.objects.get(slug=role), **kwargs
    )


def media_item(**kwargs) -> MediaItem:
    n = _n()
    kwargs.setdefault("title", f"Media {n}")
    kwargs.setdefault("slug", f"media-{n}")
    kwargs.setdefault("status", Status.PUBLISHED)
    kwargs.setdefault("media_type", MediaItem.MediaType.IMAGE)
    kwargs.setdefault("mime_type", "image/png")
    kwargs.setdefault("file", f"originals/test-{n}.png")
    return MediaItem.objects.create(**kwargs)


def citation(record, source, **kwargs) -> Citation:
    return Citation.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=source,
        **kwargs,
    )


def claim(record, source, attribute="killed", value=None, **kwargs) -> Claim:
    attribute = ClaimAttribute.objects.get(slug=attribute)
    if value is not None:
        if attribute.value_kind == ClaimAttribute.ValueKind.NUMBER:
            kwargs["value_number"] = Decimal(value)
        elif attribute.value_kind == ClaimAttribute.ValueKind.DATE:
            kwargs["value_date"] = value
        else:
            kwargs["value_text"] = value
    return Claim.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        source=source,
        attribute=attribute,
        **kwargs,
    )


def organisation(names=(), **kwargs):
    n = _n()
    kwargs.setdefault("name", f"Organisation {n}")
    kwargs.setdefault("slug", f"organisation-{n}")
    kwargs.setdefault("status", Status.PUBLISHED)
    if isinstance(kwargs.get("organisation_type"), str):
        kwargs["organisation_type"] = OrganisationType.objects.get(slug=kwargs["organisation_type"])
    places = kwargs.pop("places", ())
    record = Organisation.objects.create(**kwargs)
    if places:
        record.places.set(places)
    for name in names:
        OrganisationName.objects.create(organisation=record, name=name)
    return record


def involvement(event, organisation, role="acting-unit", **kwargs):
    return Involvement.objects.create(
        event=event, organisation=organisation, role=Role.objects.get(slug=role), **kwargs
    )


def publication(organisation, source, role="publisher", **kwargs):
    return Publication.objects.create(organisation=organisation, source=source, role=role, **kwargs)
