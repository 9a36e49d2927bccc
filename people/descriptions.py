"""The one neutral description of a person (`archive.description`), and what people add to a
source's: the people credited on it (its artist, its author) as its creators.

Events add the events a person took part in (`events.descriptions`): people name no event.
"""

from dataclasses import replace

from django.db.models import Prefetch

from archive.dates import describe as date_words
from archive.description import Agent, Description, Relation
from archive.descriptions import (
    absolute,
    agent,
    base,
    cited_sources,
    described_rows,
    identifiers,
    link,
    plain_text,
    prefetched,
    published,
)
from people.source_links import CONTRIBUTIONS_ATTR, contributions, credited_rows


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
        alternate_names=[name.name for name in prefetched(person, "described_names", "names")],
        identifiers=identifiers(person),
        links=links + cited_sources(person, request),
    )


def prepare_person(queryset):
    """What describing many people needs (the feed); events add their participations."""
    names = Prefetch("names", to_attr="described_names")
    places = queryset.select_related("birth_place", "death_place")
    places = places.defer("birth_place__description", "death_place__description")
    return places.prefetch_related(names, *described_rows())


# A contribution role (its slug) → the neutral creator role of `archive.description`, which
# each format maps to its own (an artist is CSL's and RIS's author, schema.org's creator). A
# role that does not say the person made the work (after, circle of, formerly attributed to)
# makes no creator: the page's credits still say it in words.
CREATOR_ROLES = {
    "author": "author",
    "artist": "artist",
    "and-studio": "artist",
    "and-assistants": "artist",
    "and-a-pupil": "artist",
    "and-other-artists": "artist",
    "with": "creator",
    "editor": "editor",
    "translator": "translator",
    "photographer": "photographer",
    "director": "director",
    "interviewer": "interviewer",
    "interviewee": "interviewee",
    "stylist": "contributor",
    "attributed-to": "contributor",
}


def credited_agent(row, request) -> Agent:
    """A published person credited on a source, named as the source would print them: split
    from the sort name ("Aliyev, Heydar") when it splits, with their page in the archive."""
    person = row.person
    named = agent(person.sort_name or person.name, CREATOR_ROLES[row.role.slug])
    return replace(named, name=person.name, url=absolute(request, person.get_absolute_url()))


def describe_contributions(source, request, description: Description) -> None:
    """A source's creators gain the published people credited with making it. A person the
    catalogued creators already name ("Aliyev, Heydar") keeps that place and gains a link."""
    for row in contributions(source):
        if row.role.slug not in CREATOR_ROLES or not row.person.is_published:
            continue  # a draft person is never named: drafts never leak
        credited = credited_agent(row, request)
        names = {row.person.name, row.person.sort_name}
        same = [i for i, c in enumerate(description.creators) if c.name in names]
        if same:
            description.creators[same[0]] = replace(description.creators[same[0]], url=credited.url)
            continue
        description.creators.append(credited)
        description.creators_unknown = False
        description.creators_note = ""


def prepare_contributions(queryset):
    """What `describe_contributions` reads for many sources at once (the feed, harvesting)."""
    rows = Prefetch("contributions", credited_rows(), to_attr=CONTRIBUTIONS_ATTR)
    return queryset.prefetch_related(rows)
