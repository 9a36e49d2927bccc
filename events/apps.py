from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from archive import registry

        registry.add_routes("events/", "events.urls")
        from events.models import Event

        registry.register(
            Event, key="event", label="Event", plural="Events", list_url_name="events:event_list"
        )

        from events import search

        search.register()  # its records in the archive's search index

        from archive.imports import registry as imports
        from events.resources import EventResource

        imports.register_kind("event", EventResource)  # for manage.py import_records
