"""The batch edit's forms: which operation (step 1), its value (step 2)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive.lifecycle import CATALOGUER_STATUSES, Status

from .operations import Action, BatchField, Operation


def operation_choices(fields: dict[str, BatchField]) -> list[tuple[str, str]]:
    """“status”, “set:licence”, “clear:licence”, “add:places”… as the select offers them."""
    choices = [(Action.STATUS.value, Action.STATUS.label)]
    for field in fields.values():
        for action in field.actions():
            label = gettext("%(action)s %(field)s") % {
                "action": Action(action).label,
                "field": field.label,
            }
            choices.append((f"{action}:{field.name}", label))
    return choices


class OperationForm(forms.Form):
    operation = forms.ChoiceField(label=_("What to do"))

    def __init__(self, fields, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["operation"].choices = operation_choices(fields)


def parse_operation(code: str, fields: dict[str, BatchField]) -> tuple[str, BatchField | None]:
    """(action, field) of an operation code from `operation_choices`; ValueError if unknown."""
    if code == Action.STATUS:
        return Action.STATUS, None
    action, _, name = code.partition(":")
    if name not in fields or action not in fields[name].actions():
        raise ValueError(code)
    return action, fields[name]


class ValueForm(forms.Form):
    """The value of the operation: the model admin's own form field for the model field (its
    widget, its choices, its autocomplete), or the statuses."""

    def __init__(self, action, field, model_admin, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.action, self.batch_field = action, field
        if action == Action.STATUS:
            from archive.admin.base import StatusChoiceField

            statuses = (
                Status if model_admin.has_publish_permission(request) else CATALOGUER_STATUSES
            )
            self.fields["value"] = StatusChoiceField(
                label=_("New status"), choices=[(s.value, s.label) for s in statuses]
            )
        elif action != Action.CLEAR:
            formfield = model_admin.formfield_for_dbfield(field.field, request)
            if not isinstance(formfield, forms.BooleanField):
                formfield.required = True  # “set to nothing” is Clear
            formfield.help_text = ""
            formfield.label = field.label.capitalize()
            self.fields["value"] = formfield

    def operation(self) -> Operation:
        value = self.cleaned_data.get("value")
        if self.batch_field is not None and self.batch_field.many:
            value = list(value)
        return Operation(self.action, self.batch_field, value)
