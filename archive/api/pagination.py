"""Cursor pagination sorted by the browse page's own `sort` choices.

The kind's FilterSet names its sort choices (`sort=title`, `sort=-date`); the cursor pages in
that order, with the primary key as the tie-break. A nullable sort field (an undated record) is
sorted through a non-null stand-in, so undated records are paged too (last, ascending).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import DateField, Value
from django.db.models.functions import Coalesce
from django_filters import OrderingFilter
from rest_framework.exceptions import NotFound
from rest_framework.pagination import CursorPagination

from archive import translations

SORT_PARAM = "sort"
SORT_KEY = "api_sort_key"  # the annotation the cursor's position is read from


def sort_choices(filterset_class) -> dict[str, str]:
    """The FilterSet's sort choices: {"title": "title", "date": "date_earliest", ...}."""
    if filterset_class is None:
        return {}
    for declared in filterset_class.base_filters.values():
        if isinstance(declared, OrderingFilter):
            return dict(declared.param_map)  # {param: model field}
    return {}


def sort_values(filterset_class) -> list[str]:
    """What `sort` accepts: each choice, ascending and descending."""
    return [value for param in sort_choices(filterset_class) for value in (param, f"-{param}")]


class KindCursorPagination(CursorPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = "pk"  # when the kind has no sort choices

    def get_ordering(self, request, queryset, view):
        return view.api_ordering

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValidationError, ValueError, TypeError) as error:
            # A hand-made cursor whose position is not a value of the sort field.
            raise NotFound(self.invalid_cursor_message) from error


def sorted_by(queryset, filterset_class, requested: str):
    """The queryset annotated with the sort key, and the ordering the cursor pages in."""
    choices = sort_choices(filterset_class)
    if not choices:
        return queryset, ("pk",)
    descending = requested.startswith("-")
    param = requested.removeprefix("-")
    field_name = choices.get(param) or next(iter(choices.values()))
    field = queryset.model._meta.get_field(field_name)
    key = translations.sort_key(queryset.model, field_name)  # the visible text, for a text
    if field.null and isinstance(field, DateField):
        key = Coalesce(field_name, Value(datetime.date.max), output_field=DateField())
    sign = "-" if descending else ""
    return queryset.annotate(**{SORT_KEY: key}), (f"{sign}{SORT_KEY}", f"{sign}pk")
