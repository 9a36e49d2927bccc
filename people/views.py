"""Public pages of people: browse by letter, role and lifetime; a person with their events."""

from dataclasses import dataclass

from django.db.models import Prefetch

from archive.citetext import Footnote
from archive.models import MediaItem, Status
from archive.views import RecordCiteView, RecordDetailView, RecordListView
from people.filters import PersonFilter, initials
from people.models import Contribution, Person

# `events` builds on `people`, not the other way round: reach its participations through the
# reverse relation it defines on Person, without importing it.
Participation = Person.participations.rel.related_model


@dataclass
class Part:
    participation: "Participation"
    note: Footnote | None


class PersonListView(RecordListView):
    model = Person
    filterset_class = PersonFilter
    template_name = "people/person_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["initials"] = initials()
        return context


class PersonDetailView(RecordDetailView):
    model = Person
    template_name = "people/person_detail.html"
    select_related = ("birth_place", "death_place", "portrait__licence")

    def get_prefetches(self):
        return [
            *super().get_prefetches(),
            "names",
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(event__status=Status.PUBLISHED)
                .select_related("event__event_type", "role", "source")
                .order_by("event__date_earliest", "event__title", "order"),
            ),
            Prefetch("media", queryset=MediaItem.objects.published().select_related("licence")),
            Prefetch(
                "contributions",
                queryset=Contribution.objects.filter(source__status=Status.PUBLISHED)
                .select_related("source__kind", "role")
                .order_by("source__date_earliest", "source__title"),
            ),
        ]

    def build(self, context, notes):
        person = self.object
        context["parts"] = [
            Part(row, notes.cite(row.source, row.locator, row.quotation))
            for row in person.participations.all()
        ]
        portrait = person.portrait
        context["portrait"] = portrait if portrait is not None and portrait.is_published else None
        context["birth_place"] = _public(person.birth_place)
        context["death_place"] = _public(person.death_place)


def _public(record):
    return record if record is not None and record.is_published else None


class PersonCiteView(RecordCiteView):
    model = Person
