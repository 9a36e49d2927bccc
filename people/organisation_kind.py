"""Organisations as a record kind: registered once, from `PeopleConfig.ready()`, with
everything `archive` reads about a kind (routes, description, search, import resource), and
what they add to sources (their publisher)."""

from operator import attrgetter

from django.utils.translation import gettext_noop as _

from archive import registry


def register() -> None:
    from people.filters import OrganisationFilter
    from people.models import Organisation, OrganisationName
    from people.organisation_description import (
        describe_organisation,
        describe_publishers,
        prepare_organisation,
        prepare_publishers,
    )
    from people.organisation_search import ORGANISATION
    from people.resources import OrganisationResource

    registry.add_routes("organisations/", "people.organisation_urls")
    registry.register(
        Organisation,
        key="organisation",
        summary=attrgetter("summary"),
        label=_("Organisation"),
        plural=_("Organisations"),
        list_url_name="organisations:organisation_list",
        order=30,
        facet=True,
        describe=describe_organisation,
        prepare_description=prepare_organisation,
        filterset=OrganisationFilter,
        schema_type="Organization",
        search=ORGANISATION,
        resource=OrganisationResource,
        links_to=(registry.LinkTo("places"),),  # a place's page lists the bodies based there
    )
    # A source's description names the organisation that published it.
    registry.extend("source", describe=describe_publishers, prepare_description=prepare_publishers)
    from people.source_links import PUBLICATION_CREDIT

    registry.extend("source", evidence=PUBLICATION_CREDIT)  # its page credits the publisher
    registry.extend("source", evidence=registry.name_evidence(OrganisationName, "organisation"))
