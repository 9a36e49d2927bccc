"""The public site's views. Each kind's pages share `RecordDetailView` (published only, staff
preview, old slugs redirect), `RecordListView` (django-filter browse) and `RecordCiteView`."""

from .kinds import (
    MediaCiteView,
    MediaDetailView,
    MediaListView,
    PlaceCiteView,
    PlaceDetailView,
    PlaceListView,
    SourceCiteView,
    SourceDetailView,
    SourceListView,
)
from .notes import Notes
from .pages import HomeView, RobotsView, server_error
from .records import RecordCiteView, RecordDetailView, RecordListView, record_prefetches

__all__ = [
    "HomeView",
    "MediaCiteView",
    "MediaDetailView",
    "MediaListView",
    "Notes",
    "PlaceCiteView",
    "PlaceDetailView",
    "PlaceListView",
    "RecordCiteView",
    "RecordDetailView",
    "RecordListView",
    "RobotsView",
    "SourceCiteView",
    "SourceDetailView",
    "SourceListView",
    "record_prefetches",
    "server_error",
]
