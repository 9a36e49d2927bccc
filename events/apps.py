from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Events"

    def ready(self):
        from archive import registry
        from events.models import Event

        registry.register(
            Event, key="event", label="Event", plural="Events", list_url_name="events:event_list"
        )
