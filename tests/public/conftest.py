import pytest
from django.contrib.contenttypes.models import ContentType

from archive.models import Identifier, IdentifierScheme, Licence, Status
from events.models import EventRelation, RelationType
from people.models import PersonName
from tests import factories

NON_PUBLISHED = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]


@pytest.fixture
def disagreement(demo):
    from .data import add_disagreement

    return add_disagreement()


def image(**kwargs):
    kwargs.setdefault("width", 800)
    kwargs.setdefault("height", 600)
    kwargs.setdefault("alt_text", "A test picture")
    kwargs.setdefault("credit_line", "Test credit")
    kwargs.setdefault("licence", Licence.objects.get(slug="cc0"))
    return factories.media_item(**kwargs)


def identify(record, value):
    Identifier.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        scheme=IdentifierScheme.objects.get(slug="wikidata"),
        value=value,
    )


def rich_event(n: int):
    """An event with n of everything a page shows: people, places, sources cited in the text and
    by hand, claims, parts, relations both ways, media and identifiers."""
    sources = [factories.source() for _ in range(n)]
    text = " ".join(f"Sentence {i} [@{s.slug}, p. {i}]." for i, s in enumerate(sources))
    event = factories.event(description=text, date="1990-01-19/1990-01-20")
    event.places.set([factories.place() for _ in range(n)])
    relation = RelationType.objects.get(slug="led-to")
    for i, source in enumerate(sources):
        factories.participation(event, factories.person(), role="witness", source=source)
        factories.claim(event, source, "killed", 100 + i, locator=f"p. {i}")
        factories.citation(event, source, locator=f"f. {i}", quotation="words")
        factories.event(parent=event)
        EventRelation.objects.create(
            from_event=event, to_event=factories.event(), relation_type=relation, source=source
        )
        EventRelation.objects.create(
            from_event=factories.event(), to_event=event, relation_type=relation, source=source
        )
        identify(event, f"Q{i}")
    event.media.set([image() for _ in range(n)])
    return event


def rich_person(n: int):
    person = factories.person(birth_place=factories.place(), portrait=image())
    sources = [factories.source() for _ in range(n)]
    person.biography = " ".join(f"Fact {i} [@{s.slug}]." for i, s in enumerate(sources))
    person.save()
    for i, source in enumerate(sources):
        factories.participation(factories.event(), person, role="speaker", source=source)
        PersonName.objects.create(person=person, name=f"Name {i}", language="az")
        factories.claim(person, source, "role", f"Office {i}")
        identify(person, f"Q{i}")
    person.media.set([image() for _ in range(n)])
    return person


def cited_source(n: int):
    """A source cited, claimed from and relied on by n records of several kinds."""
    source = factories.source()
    for i in range(n):
        event = factories.event()
        factories.citation(event, source, locator=f"p. {i}", quotation="q")
        factories.claim(event, source, "killed", i)
        factories.citation(factories.person(), source)
        factories.citation(factories.place(), source)
        factories.participation(event, factories.person(), source=source)
        image(source=source)
    return source


def rich_place(n: int):
    place = factories.place(parent=factories.place())
    for _ in range(n):
        factories.event(places=[place])
        factories.person(birth_place=place)
        factories.place(parent=place)
        image().places.add(place)
    return place


def rich_media(n: int):
    item = image(source=factories.source())
    for _ in range(n):
        factories.event().media.add(item)
        factories.person().media.add(item)
        item.places.add(factories.place())
    return item
