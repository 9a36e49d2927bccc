from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People"

    def ready(self):
        from archive import registry
        from people.models import Person

        registry.register(
            Person, key="person", label="Person", plural="People",
            list_url_name="people:person_list",
        )  # fmt: skip
