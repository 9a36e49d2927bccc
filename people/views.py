from archive.views import RecordDetailView, RecordListView
from people.models import Person


class PersonListView(RecordListView):
    model = Person


class PersonDetailView(RecordDetailView):
    model = Person
