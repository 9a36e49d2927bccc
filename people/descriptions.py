"""The one neutral description of a person (`archive.description`).

Events add the events a person took part in (`events.descriptions`): people name no event.
"""

from archive.dates import describe as date_words
from archive.description import Description, Relation
from archive.descriptions import (
    base,
    cited_sources,
    described_rows,
    identifiers,
    link,
    plain_text,
    published,
)


def describe_person(person, request=None) -> Description:
    """A person (names prefetched, birth and death places selected)."""
    links = [
        link(Relation.BIRTH_PLACE, "place", place, request)
        for place in published([person.birth_place])
    ]
    links += [
        link(Relation.DEATH_PLACE, "place", place, request)
        for place in published([person.death_place])
    ]
    lifetime = " – ".join(
        filter(None, [date_words(person.birth_date), date_words(person.death_date)])
    )
    return base(
        person,
        request,
        kind="person",
        kind_label="Person",
        type="person",
        summary=person.summary or plain_text(person.biography),
        birth_date=person.birth_date,
        death_date=person.death_date,
        date_words=person.lifetime or lifetime,
        alternate_names=[name.name for name in person.names.all()],
        identifiers=identifiers(person),
        links=links + cited_sources(person, request),
    )


def prepare_person(queryset):
    """What describing many people needs (the feed); events add their participations."""
    return queryset.select_related("birth_place", "death_place").prefetch_related(
        "names", *described_rows()
    )
