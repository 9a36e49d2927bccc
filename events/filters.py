"""Browse filters for events: type, years (uncertain dates overlap), place, person and role.
A place and a person are given by slug (`archive.recordfilters`)."""

import django_filters as filters

from archive.filters import OrderingFilter, YearRangeForm, YearRangeMixin
from archive.models import Place
from archive.recordfilters import RecordFilter
from events.models import Event, EventType, Role
from people.models import Person


class EventFilter(YearRangeMixin):
    event_type = filters.ModelChoiceFilter(
        label="Type", queryset=EventType.objects.all(), to_field_name="slug", empty_label="Any type"
    )
    # Records by slug in a text box, never a list of every place and person.
    place = RecordFilter(label="Place", field_name="places", record_model=Place)
    person = RecordFilter(label="Person", method="filter_participation", record_model=Person)
    role = filters.ModelChoiceFilter(
        label="Role",
        method="filter_participation",
        queryset=Role.objects.all(),
        to_field_name="slug",
        empty_label="Any role",
    )
    sort = OrderingFilter(
        label="Sort by",
        fields=(("date_earliest", "date"), ("title", "title")),
        field_labels={"date_earliest": "Date", "title": "Title"},
        empty_label="Date",
    )

    class Meta:
        model = Event
        fields = ["event_type", "place"]
        form = YearRangeForm

    def filter_participation(self, queryset, name, value: Person | Role):  # typed for the API
        return queryset  # person and role meet in one participation: see filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        person, role = data.get("person"), data.get("role")
        if person is not None or role is not None:
            match = {"participations__person__status": "published"}
            if person is not None:
                match["participations__person"] = person
            if role is not None:
                match["participations__role"] = role
            queryset = queryset.filter(**match)
        if person is not None or role is not None or data.get("place") is not None:
            queryset = queryset.distinct()
        return queryset
