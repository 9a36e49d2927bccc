"""Public pages of organisations: browse by type, place and years; an organisation with its
units, the sources it published and (through people's hooks) the events it took part in."""

from django.db.models import Prefetch

from archive.models import Place, Status
from archive.views import RecordCiteView, RecordDetailView, RecordListView
from people import hooks
from people.filters import OrganisationFilter
from people.models import Organisation, OrganisationName, Publication


class OrganisationListView(RecordListView):
    model = Organisation
    filterset_class = OrganisationFilter
    list_select_related = ("organisation_type",)
    list_prefetch_related = ("names",)
    template_name = "people/organisation_list.html"


class OrganisationDetailView(RecordDetailView):
    model = Organisation
    template_name = "people/organisation_detail.html"
    select_related = ("organisation_type", "parent")

    def get_prefetches(self):
        return [
            *super().get_prefetches(),
            Prefetch("names", queryset=OrganisationName.objects.select_related("source")),
            Prefetch("places", queryset=Place.objects.published(), to_attr="public_places"),
            Prefetch(
                "units",
                queryset=Organisation.objects.published().select_related("organisation_type"),
                to_attr="public_units",
            ),
            Prefetch(
                "publications",
                queryset=Publication.objects.filter(source__status=Status.PUBLISHED)
                .select_related("source__kind")
                .order_by("source__date_earliest", "source__title"),
                to_attr="public_publications",
            ),
            *(
                prefetch
                for section in hooks.sections(Organisation)
                for prefetch in section.prefetches()
            ),
        ]

    def build(self, context, notes):
        organisation = self.object
        parent = organisation.parent
        context["parent"] = parent if parent is not None and parent.is_published else None
        # Sections other apps add (events: "Events" with roles), in registration order.
        context["sections"] = []
        for section in hooks.sections(Organisation):
            context[section.context_name] = section.build(organisation, notes)
            context["sections"].append(section)


class OrganisationCiteView(RecordCiteView):
    model = Organisation
