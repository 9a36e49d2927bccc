"""Public pages of the archive's own kinds: sources, places and media."""

from django.db.models import Prefetch

from archive.filters import MediaFilter, PlaceFilter, SourceFilter
from archive.models import MediaItem, Place, PlaceName, Source

from .citedby import cited_by, credits
from .linked import linked_groups, linked_prefetches
from .records import RecordCiteView, RecordDetailView, RecordListView


class SourceListView(RecordListView):
    model = Source
    filterset_class = SourceFilter
    list_select_related = ("kind",)
    template_name = "archive/source_list.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("creators")


class SourceDetailView(RecordDetailView):
    model = Source
    template_name = "archive/source_detail.html"
    select_related = ("kind",)

    def get_prefetches(self):
        return [*super().get_prefetches(), "creators", *linked_prefetches(Source)]

    def text_field(self):
        return ""

    def build(self, context, notes):
        context["cited_by"] = cited_by(self.object)
        context["credits"] = credits(self.object)
        context["linked"] = linked_groups(self.object)


class SourceCiteView(RecordCiteView):
    model = Source


class PlaceListView(RecordListView):
    model = Place
    filterset_class = PlaceFilter
    list_select_related = ("parent",)
    list_prefetch_related = ("names",)
    template_name = "archive/place_list.html"


class PlaceDetailView(RecordDetailView):
    model = Place
    template_name = "archive/place_detail.html"
    select_related = ("parent",)

    def get_prefetches(self):
        return [
            *super().get_prefetches(),
            Prefetch("names", queryset=PlaceName.objects.select_related("source")),
            Prefetch("children", queryset=Place.objects.published(), to_attr="public_children"),
            *linked_prefetches(Place),
        ]

    def build(self, context, notes):
        context["linked"] = linked_groups(self.object)


class PlaceCiteView(RecordCiteView):
    model = Place


class MediaListView(RecordListView):
    model = MediaItem
    filterset_class = MediaFilter
    list_select_related = ("licence",)
    template_name = "archive/media_list.html"


class MediaDetailView(RecordDetailView):
    model = MediaItem
    template_name = "archive/media_detail.html"
    select_related = ("licence", "source")

    def get_prefetches(self):
        return [
            *super().get_prefetches(),
            Prefetch("places", queryset=Place.objects.published(), to_attr="public_places"),
            *linked_prefetches(MediaItem),
        ]

    def text_field(self):
        return ""

    def build(self, context, notes):
        context["linked"] = linked_groups(self.object)


class MediaCiteView(RecordCiteView):
    model = MediaItem
