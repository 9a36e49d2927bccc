"""Inline rows whose autocomplete inputs show their chosen record without a query per row,
and whose inputs are named for assistive technology by their column.

Django's autocomplete widget looks up its selected option with a query for each row: an inline
of 50 rows costs 50 queries per autocomplete column. The rows' own queryset selects the related
records (`RowChoicesInlineMixin.get_queryset`), so the formset hands each row's widget the
record it already holds.
"""

from django.contrib.admin.widgets import AutocompleteSelect
from django.forms import Select
from django.forms.models import BaseInlineFormSet, ModelChoiceField


class KnownChoiceAutocompleteSelect(AutocompleteSelect):
    known: dict | None = None  # {str(pk): label}, set per row by the formset

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if not self.known or not selected or not selected <= set(self.known):
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required:
            default[1].append(self.create_option(name, "", "", False, 0))
        for key in sorted(selected):
            index = len(default[1])
            default[1].append(self.create_option(name, key, self.known[key], selected, index))
        return [default]


class RowChoicesFormSetMixin:
    def add_fields(self, form, index):
        super().add_fields(form, index)
        self._share_plain_choices(form)
        # A table row shows no label beside its inputs: name each by its column, for readers.
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            label = "delete" if name == "DELETE" else str(field.label or name)
            widget.attrs.setdefault("aria-label", label)

    def _share_plain_choices(self, form):
        # A plain select (a vocabulary, see choosers.py) reads its choices with a query per
        # row; every row offers the same ones, so the first row's are read once and shared.
        shared = self.__dict__.setdefault("_plain_choices", {})
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            shown = isinstance(widget, Select) and not isinstance(widget, AutocompleteSelect)
            if not isinstance(field, ModelChoiceField) or not shown:
                continue  # the row's hidden id, the autocompletes: none reads every choice
            if name not in shared:
                shared[name] = list(field.choices)
            field.choices = shared[name]

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        instance = form.instance
        if instance.pk is None:
            return form
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin wrapper
            if not isinstance(widget, KnownChoiceAutocompleteSelect):
                continue
            model_field = instance._meta.get_field(name)
            if model_field.is_cached(instance) and getattr(instance, name) is not None:
                related = getattr(instance, name)
                widget.known = {str(related.pk): field.label_from_instance(related)}
        return form


class RowChoicesFormSet(RowChoicesFormSetMixin, BaseInlineFormSet):
    pass


class RowChoicesInlineMixin:
    """An inline whose rows load, in their one query, the records their autocomplete inputs
    show and those their sentence `__str__` (the row header) reads: `str_select_related`."""

    formset = RowChoicesFormSet

    def get_queryset(self, request):
        model = self.model
        autocomplete = [
            name
            for name in self.get_autocomplete_fields(request)
            if model._meta.get_field(name).many_to_one
        ]
        sentence = getattr(model, "str_select_related", ())
        related = dict.fromkeys([*autocomplete, *sentence])  # in order, once each
        return super().get_queryset(request).select_related(*related)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
