"""Browse filters for people: initial letter, role in events, and lifetime."""

import django_filters as filters
from django.db.models.functions import Substr, Upper

from archive.filters import YEAR_WIDGET, YearRangeForm, overlapping
from people.models import Person

# The roles vocabulary belongs to `events`, which builds on `people`: reached through the
# participations relation that `events` defines on Person, not by importing it.
Role = Person.participations.rel.related_model._meta.get_field("role").related_model


def initials() -> list[str]:
    """The first letters of published people's sort names, in order (one query)."""
    letters = (
        Person.objects.published()
        .annotate(initial=Upper(Substr("sort_name", 1, 1)))
        .order_by("initial")
        .values_list("initial", flat=True)
        .distinct()
    )
    return [letter for letter in letters if letter]


class PersonFilter(filters.FilterSet):
    letter = filters.CharFilter(label="Initial letter", method="filter_letter", max_length=1)
    role = filters.ModelChoiceFilter(
        label="Role in an event",
        queryset=Role.objects.all(),
        to_field_name="slug",
        empty_label="Any role",
        method="filter_role",
    )
    lived_from = filters.NumberFilter(
        label="Alive from year", method="filter_lifetime", min_value=1, max_value=9999,
        widget=YEAR_WIDGET,
    )  # fmt: skip
    lived_to = filters.NumberFilter(
        label="Alive to year", method="filter_lifetime", min_value=1, max_value=9999,
        widget=YEAR_WIDGET,
    )  # fmt: skip
    sort = filters.OrderingFilter(
        label="Sort by",
        fields=(("sort_name", "name"), ("birth_date_earliest", "born")),
        field_labels={"sort_name": "Name", "birth_date_earliest": "Year of birth"},
        empty_label="Name",
    )

    class Meta:
        model = Person
        fields = ["letter", "role"]
        form = YearRangeForm

    def filter_letter(self, queryset, name, value):
        return queryset.filter(sort_name__istartswith=value)

    def filter_role(self, queryset, name, value):
        return queryset.filter(
            participations__role=value, participations__event__status="published"
        ).distinct()

    def filter_lifetime(self, queryset, name, value):
        return queryset  # both ends at once: see filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start = self.form.cleaned_data.get("lived_from")
        end = self.form.cleaned_data.get("lived_to")
        if start is None and end is None:
            return queryset
        # A life spans from the earliest possible birth to the latest possible death; an
        # unknown end leaves it open, but one of the two must be known to match at all.
        return overlapping(
            queryset,
            "birth_date_earliest",
            "death_date_latest",
            int(start) if start is not None else None,
            int(end) if end is not None else None,
        )
