from archive.views import RecordDetailView, RecordListView
from events.models import Event


class EventListView(RecordListView):
    model = Event


class EventDetailView(RecordDetailView):
    model = Event
