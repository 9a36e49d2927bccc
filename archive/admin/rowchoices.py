"""Inline rows whose autocomplete inputs show their chosen record without a query per row,
and whose inputs are named for assistive technology by their column.

Django's autocomplete widget looks up its selected option with a query for each row: an inline
of 50 rows costs 50 queries per autocomplete column. The rows' own queryset already selects
the related records (`get_queryset().select_related(...)`), so `RowChoicesInlineMixin` hands
each row's widget the record it already holds.
"""

from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet


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
        # A table row shows no label beside its inputs: name each by its column, for readers.
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            label = "delete" if name == "DELETE" else str(field.label or name)
            widget.attrs.setdefault("aria-label", label)

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
    """For an inline whose `get_queryset` selects its autocomplete fields' records."""

    formset = RowChoicesFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KnownChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
