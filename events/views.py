"""Public pages of events: browse, detail (participants, relations, facts) and the timeline."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.views.generic import TemplateView

from archive.citetext import Footnote
from archive.models import MediaItem, Place, Status
from archive.views import RecordCiteView, RecordDetailView, RecordListView
from events import timeline
from events.filters import EventFilter
from events.models import Event, EventRelation, Involvement, Participation

PUBLISHED = Status.PUBLISHED


@dataclass
class Participant:
    participation: Participation
    note: Footnote | None


@dataclass
class Involved:
    involvement: Involvement
    note: Footnote | None


@dataclass
class Related:
    label: str
    event: Event
    note: Footnote | None


class EventListView(RecordListView):
    model = Event
    filterset_class = EventFilter
    list_select_related = ("event_type",)
    template_name = "events/event_list.html"

    def get_queryset(self):
        places = Prefetch("places", queryset=Place.objects.published())
        return super().get_queryset().prefetch_related(places)


class EventDetailView(RecordDetailView):
    model = Event
    template_name = "events/event_detail.html"
    select_related = ("event_type", "parent")

    def get_prefetches(self):
        return [
            *super().get_prefetches(),
            Prefetch("places", queryset=Place.objects.published().prefetch_related("names")),
            Prefetch(
                "participations",
                queryset=Participation.objects.filter(person__status=PUBLISHED)
                .select_related("person", "role", "source__kind")
                .prefetch_related("person__names"),  # named in the page's language
            ),
            Prefetch(
                "involvements",
                queryset=Involvement.objects.filter(organisation__status=PUBLISHED)
                .select_related("organisation", "role", "source__kind")
                .prefetch_related("organisation__names"),
            ),
            Prefetch("parts", queryset=Event.objects.published()),
            Prefetch(
                "relations_out",
                queryset=EventRelation.objects.filter(to_event__status=PUBLISHED).select_related(
                    "to_event", "relation_type", "source__kind"
                ),
            ),
            Prefetch(
                "relations_in",
                queryset=EventRelation.objects.filter(from_event__status=PUBLISHED).select_related(
                    "from_event", "relation_type", "source__kind"
                ),
            ),
            Prefetch("media", queryset=MediaItem.objects.published().select_related("licence")),
        ]

    def build(self, context, notes):
        event = self.object
        parent = event.parent
        context["parent"] = parent if parent is not None and parent.is_published else None
        context["participants"] = [
            Participant(row, notes.cite(row.source, row.locator, row.quotation))
            for row in event.participations.all()
        ]
        context["organisations"] = [
            Involved(row, notes.cite(row.source, row.locator, row.quotation))
            for row in event.involvements.all()
        ]
        related = [
            Related(row.relation_type.name, row.to_event, notes.cite(row.source))
            for row in event.relations_out.all()
        ]
        related += [
            Related(row.relation_type.inverse_name, row.from_event, notes.cite(row.source))
            for row in event.relations_in.all()
        ]
        context["related"] = related


class EventCiteView(RecordCiteView):
    model = Event


class TimelineView(TemplateView):
    """Published events one period at a time (a decade, or a year of a dense decade, paged
    past PAGE_SIZE), with counts per decade and per year of the period's decade."""

    template_name = "events/timeline.html"

    def get(self, request, *args, **kwargs):
        form = timeline.NarrowForm(request.GET)
        events, narrowing = form.narrow(Event.objects.published())
        context = {"form": form, "narrowing": f"&{narrowing}" if narrowing else ""}
        try:
            asked = timeline.period_from(request.GET)
        except timeline.BadPeriod as error:
            found = timeline.build(events, None)
            context.update(timeline=found, refusal=str(error))
            return self.render_to_response(self.get_context_data(**context), status=404)
        found = timeline.build(events, asked)
        if found.redirect is not None:
            query = "&".join(part for part in (found.redirect.query, narrowing) if part)
            return redirect(f"{request.path}?{query}")
        context["timeline"] = found
        if found.period is not None:
            listed = timeline.events_in(events.select_related("event_type"), found.period)
            page = Paginator(listed, timeline.PAGE_SIZE).get_page(request.GET.get("page"))
            context.update(page_obj=page, groups=timeline.grouped(page.object_list, found.period))
        return self.render_to_response(self.get_context_data(**context))
