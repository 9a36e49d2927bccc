"""A list filter by source that does not list the sources.

`RelatedOnlyFieldListFilter` renders one link per cited source: at 26,690 cited sources the
citations list weighed 3–4 MB and asked for every one of them. This filter is a text box: a
source's slug or number (`?source=`), and it keeps the links the source admin's "cited by"
column makes (`?source__id__exact=<id>`). The chosen source is read by its key, one row.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_last_value_from_parameters
from django.utils.translation import gettext

from archive.models import Source

PAGE_PARAMETER = "p"


class SourceTextFilter(admin.FieldListFilter):
    template = "admin/archive/source_filter.html"

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.id_parameter = f"{field_path}__id__exact"
        self.text_parameter = field_path
        self.id_value = get_last_value_from_parameters(params, self.id_parameter)
        self.text_value = get_last_value_from_parameters(params, self.text_parameter) or ""
        self.text_value = self.text_value.strip()
        super().__init__(field, request, params, model, model_admin, field_path)
        self.used_parameters = {}  # the lookups are made here, not from the query string
        self.chosen = self._find()

    def expected_parameters(self):
        return [self.id_parameter, self.text_parameter]

    def _find(self):
        """The source asked for, or None; an id that is not a number is a bad lookup."""
        manager = Source._default_manager
        if self.id_value:
            if not str(self.id_value).isdigit():
                raise IncorrectLookupParameters(
                    gettext("No source number “%(id)s”.") % {"id": self.id_value}
                )
            return manager.filter(pk=self.id_value).first()
        if self.text_value:
            if self.text_value.isdigit():
                return manager.filter(pk=self.text_value).first()
            return manager.filter(slug=self.text_value).first()
        return None

    @property
    def is_active(self) -> bool:
        return bool(self.id_value or self.text_value)

    def queryset(self, request, queryset):
        if not self.is_active:
            return queryset
        if self.chosen is None:
            return queryset.none()  # asked for a source that is not there: nothing cites it
        return queryset.filter(**{self.id_parameter: self.chosen.pk})

    def get_facet_counts(self, pk_attname, filtered_qs):
        return {}  # a count per source is what this filter exists to avoid

    def choices(self, changelist):
        mine = {*self.expected_parameters(), PAGE_PARAMETER}
        kept = [
            (name, value)
            for name, values in changelist.params.items()
            if name not in mine
            for value in (values if isinstance(values, list) else [values])
        ]
        yield {
            "kept": kept,
            "value": self.text_value or (str(self.chosen.slug) if self.chosen else ""),
            "chosen": self.chosen,
            "missing": self.is_active and self.chosen is None,
            "asked": self.text_value or self.id_value,
            "clear_query_string": changelist.get_query_string(remove=mine),
            "selected": not self.is_active,
        }
