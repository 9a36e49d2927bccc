"""Public pages of people: browse by letter, role and lifetime; a person with their events.

`events` builds on `people`, not the other way round: what it adds to a person's page (the
events they took part in) and to the browse filters comes through `people.hooks`.
"""

from django.db.models import Prefetch

from archive.models import MediaItem, Status
from archive.views import RecordCiteView, RecordDetailView, RecordListView
from people import hooks
from people.filters import PersonFilter, initials
from people.models import Contribution, Person, PersonName


class PersonListView(RecordListView):
    model = Person
    filterset_class = PersonFilter
    template_name = "people/person_list.html"
    list_prefetch_related = ("names",)

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
            Prefetch("names", queryset=PersonName.objects.select_related("source")),
            *(prefetch for section in hooks.sections(Person) for prefetch in section.prefetches()),
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
        context["sections"] = hooks.sections(Person)  # each renders its own template
        for section in context["sections"]:
            context[section.context_name] = section.build(person, notes)
        portrait = person.portrait
        context["portrait"] = portrait if portrait is not None and portrait.is_published else None
        context["birth_place"] = _public(person.birth_place)
        context["death_place"] = _public(person.death_place)


def _public(record):
    return record if record is not None and record.is_published else None


class PersonCiteView(RecordCiteView):
    model = Person
