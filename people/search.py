"""How people appear in the archive's search index (registered in PeopleConfig.ready)."""

from django.db.models import Prefetch, Q

from archive import search
from archive.models import Place, Source
from archive.registry import SearchExtension, SearchSpec
from archive.search.documents import plain_text, published_pks

from .models import Contribution, Person, PersonName, lifetime_words


def person_names(person: Person) -> list[str]:
    """Every name of a person (prefetch `names`), for the entries that mention them."""
    return [person.name] + [name.name for name in person.names.all()]


def person_document(person: Person) -> search.Entry:
    return search.Entry(
        title=person.name,
        names=[person.name, person.sort_name] + [name.name for name in person.names.all()],
        text=[
            person.summary,
            plain_text(person.biography),
            person.lifetime,
            person.birth_date_text,
            person.death_date_text,
        ],  # fmt: skip
        earliest=person.birth_date_earliest or person.birth_date_latest,
        latest=person.death_date_latest or person.death_date_earliest,
        date_span=(person.birth_date, person.death_date),
        facets={
            "place": published_pks([person.birth_place, person.death_place]),
            "person": [person.pk],
        },
    )


PERSON = SearchSpec(
    document=person_document,
    depends_on={
        PersonName: lambda name: [name.person_id],
        Place: lambda place: Person.objects.filter(
            Q(birth_place=place) | Q(death_place=place)
        ).values_list("pk", flat=True),
    },
    prepare=lambda qs: qs.select_related("birth_place", "death_place").prefetch_related("names"),
    date_words=lifetime_words,
)


def _credited(source: Source) -> list[Person]:
    """The published people credited on a source (its artist, author...)."""
    return [c.person for c in source.contributions.all() if c.person.is_published]


# A source's entry names the people credited on it: find an artwork by its artist.
SOURCE_CREDITS = SearchExtension(
    names=lambda source: [name for person in _credited(source) for name in person_names(person)],
    facets=lambda source: {"person": [person.pk for person in _credited(source)]},
    depends_on={
        Contribution: lambda contribution: [contribution.source_id],
        Person: lambda person: person.contributions.values_list("source_id", flat=True),
    },
    prepare=lambda qs: qs.prefetch_related(
        Prefetch(
            "contributions",
            # Only what an entry shows of each person (not their biography in three languages).
            Contribution.objects.select_related("person")
            .only("source_id", "person__status", "person__name")
            .prefetch_related(
                Prefetch("person__names", PersonName.objects.only("person_id", "name"))
            ),
        )
    ),
)
