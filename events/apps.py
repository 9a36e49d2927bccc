from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from archive import registry

        registry.add_routes("events/", "events.urls")
        from events import search
        from events.descriptions import describe_event, describe_participations
        from events.models import Event
        from events.resources import EventResource

        registry.register(
            Event, key="event", label="Event", plural="Events", list_url_name="events:event_list",
            pages=("events:timeline",), order=10, search=search.EVENT, resource=EventResource,
            schema_type="Event", describe=describe_event,
        )  # fmt: skip
        registry.extend("person", describe=describe_participations)  # the events they were in

        from events import organisation_links

        organisation_links.register()  # organisations in events, on both kinds' pages
