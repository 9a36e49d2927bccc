from operator import attrgetter

from django.apps import AppConfig
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = gettext_lazy("Events")

    def ready(self):
        from archive import registry

        registry.add_routes("events/", "events.urls")
        from archive.registry import LinkTo
        from events import person_links, search
        from events.descriptions import (
            describe_event,
            describe_participations,
            prepare_event,
            prepare_participations,
        )
        from events.filters import EventFilter
        from events.models import Event
        from events.resources import EventResource

        registry.register(
            Event, key="event", label=_("Event"), plural=_("Events"),
            list_url_name="events:event_list",
            summary=attrgetter("summary"),
            pages=("events:timeline",), order=10, search=search.EVENT, resource=EventResource,
            schema_type="Event", describe=describe_event, prepare_description=prepare_event,
            filterset=EventFilter,
            links_to=(LinkTo("places"), LinkTo("media")),
        )  # fmt: skip
        registry.extend(  # the events a person took part in
            "person", describe=describe_participations, prepare_description=prepare_participations
        )

        from events import organisation_links

        organisation_links.register()  # organisations in events, on both kinds' pages
        person_links.register()  # people in events: their pages, filters, merges; cited by
