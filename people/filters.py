"""Browse filters for people: initial letter, role in events, and lifetime."""

import django_filters as filters
from django.db.models.functions import Substr, Upper
from django.utils.translation import gettext_lazy as _

from archive.filters import YEAR_WIDGET, SortFilter, YearRangeForm, overlapping
from archive.models import Place
from archive.recordfilters import RecordFilter
from people import hooks
from people.models import Organisation, OrganisationType, Person


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
    """People by initial letter and lifetime; apps above `people` add more filters through
    `people.hooks.add_filter` (events add the role a person played), after the letter."""

    letter = filters.CharFilter(label=_("Initial letter"), method="filter_letter", max_length=1)
    lived_from = filters.NumberFilter(
        label=_("Alive from year"), method="filter_lifetime", min_value=1, max_value=9999,
        widget=YEAR_WIDGET,
    )  # fmt: skip
    lived_to = filters.NumberFilter(
        label=_("Alive to year"), method="filter_lifetime", min_value=1, max_value=9999,
        widget=YEAR_WIDGET,
    )  # fmt: skip
    sort = SortFilter(
        label=_("Sort by"),
        fields=(("sort_name", "name"), ("birth_date_earliest", "born")),
        field_labels={"sort_name": _("Name"), "birth_date_earliest": _("Year of birth")},
        empty_label=_("Name"),
    )

    class Meta:
        model = Person
        fields = ["letter"]
        form = YearRangeForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hooks.install_filters(self, Person, after="letter")

    def filter_letter(self, queryset, name, value):
        return queryset.filter(sort_name__istartswith=value)

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


class OrganisationFilter(filters.FilterSet):
    """Organisations by type, place and the years they existed; apps above `people` add more
    filters through `people.hooks.add_filter` (events add the role a body played)."""

    organisation_type = filters.ModelChoiceFilter(
        label=_("Type"),
        queryset=OrganisationType.objects.all(),
        to_field_name="slug",
        empty_label=_("Any type"),
    )
    place = RecordFilter(label=_("Place"), field_name="places", record_model=Place, distinct=True)
    year_from = filters.NumberFilter(
        label=_("Existed from year"), method="filter_existence", min_value=1, max_value=9999,
        widget=YEAR_WIDGET,
    )  # fmt: skip
    year_to = filters.NumberFilter(
        label=_("Existed to year"), method="filter_existence", min_value=1, max_value=9999,
        widget=YEAR_WIDGET,
    )  # fmt: skip
    sort = SortFilter(
        label=_("Sort by"),
        fields=(("sort_name", "name"), ("founded_earliest", "founded")),
        field_labels={"sort_name": _("Name"), "founded_earliest": _("Year founded")},
        empty_label=_("Name"),
    )

    class Meta:
        model = Organisation
        fields = ["organisation_type", "place"]
        form = YearRangeForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hooks.install_filters(self, Organisation, after="place")

    def filter_existence(self, queryset, name, value):
        return queryset  # both ends at once: see filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start = self.form.cleaned_data.get("year_from")
        end = self.form.cleaned_data.get("year_to")
        # A body exists from its earliest possible founding to its latest possible end; one
        # still in being (no end) stays open.
        return overlapping(
            queryset,
            "founded_earliest",
            "dissolved_latest",
            int(start) if start is not None else None,
            int(end) if end is not None else None,
        )
