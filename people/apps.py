from operator import attrgetter

from django.apps import AppConfig
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = gettext_lazy("People")

    def ready(self):
        from archive import registry

        registry.add_routes("people/", "people.urls")
        from archive.registry import LinkTo
        from people import search
        from people.descriptions import (
            describe_contributions,
            describe_person,
            prepare_contributions,
            prepare_person,
        )
        from people.filters import PersonFilter
        from people.models import Person, PersonName
        from people.resources import PersonResource, SourceWithContributorsResource
        from people.source_links import CONTRIBUTION_CREDIT

        registry.register(
            Person, key="person", label=_("Person"), plural=_("People"),
            summary=attrgetter("summary"),
            list_url_name="people:person_list", order=20, facet=True, search=search.PERSON,
            resource=PersonResource, schema_type="Person", describe=describe_person,
            prepare_description=prepare_person, filterset=PersonFilter,
            links_to=(LinkTo("birth_place"), LinkTo("death_place"), LinkTo("portrait"),
                      LinkTo("media")),
        )  # fmt: skip
        # Sources name the people credited on them, in search and in imports.
        registry.extend(
            "source", search=search.SOURCE_CREDITS, resource=SourceWithContributorsResource,
            evidence=CONTRIBUTION_CREDIT,
        )  # fmt: skip
        # ...and the people whose name variants they give.
        registry.extend("source", evidence=registry.name_evidence(PersonName, "person"))
        # ...and in their description: the artist of an artwork is its creator in every export.
        registry.extend(
            "source", describe=describe_contributions, prepare_description=prepare_contributions
        )

        from people import organisation_kind

        organisation_kind.register()  # corporate bodies: a kind of their own, beside persons
