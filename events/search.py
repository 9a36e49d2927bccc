"""How events appear in the archive's search index (registered in EventsConfig.ready)."""

from django.db.models import Prefetch

from archive import search, translations
from archive.models import Place
from archive.registry import SearchSpec
from archive.search.documents import plain_text, published_pks
from people.models import Person, PersonName
from people.search import person_names

from .models import Event, EventType, Participation


def event_document(event: Event) -> search.Entry:
    people = [p.person for p in event.participations.all() if p.person.is_published]
    places = [place for place in event.places.all() if place.is_published]
    return search.Entry(
        title=event.title,
        names=[name for person in people for name in person_names(person)],
        text=[
            event.summary,
            plain_text(event.description),
            event.event_type.name if event.event_type else "",
            ", ".join(place.name for place in places),
            event.date_text,
        ],  # fmt: skip
        date=event.date,
        earliest=event.date_earliest,
        latest=event.date_latest,
        date_display=event.date_text if not event.date else "",
        facets={"place": published_pks(places), "person": published_pks(dict.fromkeys(people))},
    )


EVENT = SearchSpec(
    document=event_document,
    depends_on={
        Participation: lambda participation: [participation.event_id],
        Event.places.through: None,
        Person: lambda person: person.events.values_list("pk", flat=True),
        Place: lambda place: place.events.values_list("pk", flat=True),
        EventType: lambda event_type: event_type.events.values_list("pk", flat=True),
    },
    prepare=lambda qs: qs.select_related("event_type").prefetch_related(
        Prefetch(
            "places", Place.objects.only("pk", "status", *translations.columns(Place, "name"))
        ),
        # Only what an entry shows of each person: a biography in three languages, loaded
        # for every participation, was most of the time building an event's entry.
        Prefetch(
            "participations",
            Participation.objects.select_related("person")
            .only("event_id", "person__status", "person__name")
            .prefetch_related(
                Prefetch("person__names", PersonName.objects.only("person_id", "name"))
            ),
        ),
    ),
)
