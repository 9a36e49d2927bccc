"""Browse filters (django-filter) for the archive's own kinds, and the pieces every kind's
filters share: year ranges over uncertain dates, choices from published records only."""

import re

import django_filters as filters
from django import forms
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from archive import translations
from archive.dates import overlap_q
from archive.models import Licence, MediaItem, Place, Source, SourceKind

# A number as HTML allows it in an <input type="number"> value.
HTML_NUMBER = re.compile(r"-?(\d+(\.\d+)?|\.\d+)([eE][-+]?\d+)?")


class YearInput(forms.NumberInput):
    """A year box, valid HTML: no `size` (not allowed on a number input; the CSS sets the
    width), and a refused value that is not a number is not written back into it (HTML forbids
    it, and a browser would show the box empty anyway); the error message says what was wrong."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "min": 1, "max": 9999, **(attrs or {})})

    def format_value(self, value):
        value = super().format_value(value)
        return value if value is None or HTML_NUMBER.fullmatch(str(value)) else None


YEAR_WIDGET = YearInput()


def _descending(label) -> str:
    return _("%s (descending)") % label


class SortFilter(filters.OrderingFilter):
    """django-filter's sort box, in the page's language: its options' "… (descending)"
    labels stay lazy (django-filter formats them once, at import, in English), and a
    translated text sorts by what the visitor reads (their language, else the fallback:
    `translations.order_by`)."""

    def filter(self, qs, value):
        if value in (None, "", [], ()):
            return qs
        ordering = [self.get_ordering_value(param) for param in value]
        return qs.order_by(*(translations.order_by(qs.model, key) for key in ordering))

    def build_choices(self, fields, labels):
        choices = []
        for field, param in fields.items():
            label = labels.get(field, pretty_name(param))
            descending = labels.get(f"-{param}", lazy(_descending, str)(label))
            choices += [(param, label), (f"-{param}", descending)]
        return choices


def overlapping(queryset, earliest: str, latest: str, start: int | None, end: int | None):
    """Records whose uncertain date could fall in the years `start`–`end`: the one rule,
    `archive.dates.overlap_q` (an open end reaches; an undated record never matches)."""
    if start is None and end is None:
        return queryset
    return queryset.filter(overlap_q(earliest, latest, start, end))


class YearRangeForm(forms.Form):
    """Refuses a year range that ends before it starts."""

    ranges = (("year_from", "year_to"), ("lived_from", "lived_to"))

    def clean(self):
        data = super().clean()
        for first, last in self.ranges:
            start, end = data.get(first), data.get(last)
            if start is not None and end is not None and start > end:
                self.add_error(last, _("The end year is before the start year."))
        return data


class YearRangeMixin(filters.FilterSet):
    """`from` and `to` years over an EDTF field's bounds (`date_prefix`)."""

    date_prefix = "date"
    year_from = filters.NumberFilter(
        label=_("From year"), method="filter_years", min_value=1, max_value=9999, widget=YEAR_WIDGET
    )
    year_to = filters.NumberFilter(
        label=_("To year"), method="filter_years", min_value=1, max_value=9999, widget=YEAR_WIDGET
    )

    def filter_years(self, queryset, name, value):
        return queryset  # applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start, end = self.form.cleaned_data.get("year_from"), self.form.cleaned_data.get("year_to")
        return overlapping(
            queryset,
            f"{self.date_prefix}_earliest",
            f"{self.date_prefix}_latest",
            int(start) if start is not None else None,
            int(end) if end is not None else None,
        )


def distinct_choices(queryset, field: str) -> list[tuple[str, str]]:
    values = queryset.exclude(**{field: ""}).order_by(field).values_list(field, flat=True)
    return [(value, value) for value in values.distinct()]


class SourceFilter(YearRangeMixin):
    kind = filters.ModelChoiceFilter(
        label=_("Kind"),
        queryset=SourceKind.objects.all(),
        to_field_name="slug",
        empty_label=_("Any kind"),
    )
    language = filters.ChoiceFilter(label=_("Language"), choices=[], empty_label=_("Any language"))
    sort = SortFilter(
        label=_("Sort by"),
        fields=(("title", "title"), ("date_earliest", "date")),
        field_labels={"title": _("Title"), "date_earliest": _("Date")},
        empty_label=_("Title"),
    )

    class Meta:
        model = Source
        fields = ["kind", "language"]
        form = YearRangeForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = distinct_choices(
            Source.objects.published(), "language"
        )


class PlaceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(label=_("Kind"), choices=[], empty_label=_("Any kind"))
    sort = SortFilter(label=_("Sort by"), fields=(("name", "name"),), empty_label=_("Name"))

    class Meta:
        model = Place
        fields = ["kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["kind"].extra["choices"] = distinct_choices(Place.objects.published(), "kind")


class MediaFilter(YearRangeMixin):
    media_type = filters.ChoiceFilter(
        label=_("Type"), choices=MediaItem.MediaType.choices, empty_label=_("Any type")
    )
    licence = filters.ModelChoiceFilter(
        label=_("Licence"),
        queryset=Licence.objects.all(),
        to_field_name="slug",
        empty_label=_("Any licence"),
    )
    sort = SortFilter(
        label=_("Sort by"),
        fields=(("title", "title"), ("date_earliest", "date")),
        field_labels={"title": _("Title"), "date_earliest": _("Date")},
        empty_label=_("Title"),
    )

    class Meta:
        model = MediaItem
        fields = ["media_type", "licence"]
        form = YearRangeForm
