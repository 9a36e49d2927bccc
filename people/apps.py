from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People"

    def ready(self):
        from archive import registry

        registry.add_routes("people/", "people.urls")
        from people.models import Person

        registry.register(
            Person, key="person", label="Person", plural="People",
            list_url_name="people:person_list",
        )  # fmt: skip

        from people import search

        search.register()  # its records in the archive's search index

        from archive.imports import registry as imports
        from archive.models import Source
        from people.resources import SourceWithContributorsResource

        imports.register(Source, SourceWithContributorsResource)  # sources with their makers
        from people.resources import PersonResource

        imports.register_kind("person", PersonResource)
        imports.register_kind("source", SourceWithContributorsResource)
