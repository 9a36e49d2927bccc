from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive import registry
from archive.admin import CitationInline, ClaimInline, IdentifierInline, RecordAdmin, TermAdmin
from archive.admin.base import COMPACT_TEXT, DecadeListFilter
from archive.admin.choosers import LargeAutocompleteMixin
from archive.admin.rowchoices import RowChoicesInlineMixin
from archive.imports.admin import RecordImportExportMixin
from archive.models import MediaItem
from events.models import (
    Event,
    EventRelation,
    EventType,
    Involvement,
    Participation,
    RelationType,
    Role,
)
from events.resources import EventResource
from people.models import Person


class ParticipationInline(LargeAutocompleteMixin, admin.TabularInline):
    model = Participation
    formfield_overrides = COMPACT_TEXT
    extra = 0
    autocomplete_fields = ["person", "source"]
    fields = ["person", "role", "source", "locator", "quotation", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "role", "source", "event")


class InvolvementInline(LargeAutocompleteMixin, admin.TabularInline):
    """Organisations in the event: the unit that acted, the outlet that reported..."""

    model = Involvement
    formfield_overrides = COMPACT_TEXT
    extra = 0
    autocomplete_fields = ["organisation", "source"]
    fields = ["organisation", "role", "source", "locator", "quotation", "note", "order"]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("organisation", "role", "source", "event")
        )


class EventRelationInline(LargeAutocompleteMixin, admin.TabularInline):
    model = EventRelation
    formfield_overrides = COMPACT_TEXT
    fk_name = "from_event"
    extra = 0
    autocomplete_fields = ["to_event", "source"]
    fields = ["relation_type", "to_event", "source", "note"]
    verbose_name = _("relation to another event")
    verbose_name_plural = _("relations to other events")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("from_event", "to_event", "relation_type", "source")
        )


@admin.register(Event)
class EventAdmin(RecordImportExportMixin, RecordAdmin):
    resource_classes = [EventResource]
    list_display = ["title", "date_display", "event_type", "parent", "status"]
    list_select_related = ["event_type", "parent"]
    list_filter = ["status", "event_type", DecadeListFilter]
    search_fields = ["title", "slug", "summary"]
    autocomplete_fields = ["places", "parent", "media"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [
        ParticipationInline, InvolvementInline, EventRelationInline, CitationInline, ClaimInline,
        IdentifierInline,
    ]  # fmt: skip
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "status",
                    "event_type",
                    ("date", "date_text"),
                    "places",
                    "parent",
                ]
            },
        ),
        (_("Text"), {"fields": ["summary", "description"]}),
        (_("Media"), {"fields": ["media"]}),
        (_("History"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("date"), ordering="date_earliest")
    def date_display(self, obj):
        return obj.date_display


@admin.register(EventType)
class EventTypeAdmin(TermAdmin):
    pass


@admin.register(Role)
class RoleAdmin(TermAdmin):
    pass


@admin.register(RelationType)
class RelationTypeAdmin(TermAdmin):
    list_display = ["name", "inverse_name", "slug", "order"]


class MediaEventsInline(RowChoicesInlineMixin, admin.TabularInline):
    """On a media item's form: the events it shows (the same rows as the event's "media")."""

    model = Event.media.through
    extra = 0
    autocomplete_fields = ["event"]
    verbose_name = _("event it shows")
    verbose_name_plural = _("events it shows")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


class PersonParticipationInline(RowChoicesInlineMixin, ParticipationInline):
    """On a person's form: the events they took part in, each role on a source's word."""

    fk_name = "person"
    autocomplete_fields = ["event", "role", "source"]
    fields = ["event", "role", "source", "locator", "quotation", "order"]
    verbose_name = _("part in an event")
    verbose_name_plural = _("parts in events")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


# `archive` and `people` own these forms and name no event: events add their rows here.
registry.add_admin_inline(MediaItem, MediaEventsInline)
registry.add_admin_inline(Person, PersonParticipationInline)
