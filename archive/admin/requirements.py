"""What publishing needs, shown by the status field before saving (lifecycle's rule)."""

from django import forms
from django.utils.translation import gettext

from archive import lifecycle


def _sentence(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return gettext("%(some)s and %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}


def requirements_note(record) -> str:
    """“To publish: a credit line and a licence.”, and what is missing now, for a saved one."""
    model = type(record)
    needed = lifecycle.publishing_requirements(record)
    if not needed:
        return ""
    label = {name: str(model._meta.get_field(name).verbose_name) for name in needed}
    note = gettext("To publish: %(fields)s.") % {"fields": _sentence([label[n] for n in needed])}
    if record.pk:
        missing = [label.get(name, name) for name in record.publish_errors()]
        if missing:
            note += " " + gettext("Missing now: %(fields)s.") % {"fields": _sentence(missing)}
        else:
            note += " " + gettext("All there.")
    return note


class PublishingRequirementsFormMixin(forms.BaseForm):
    """Puts the requirements note in the status field's help text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        note = requirements_note(self.instance)
        if status is not None and note:
            status.help_text = " ".join(filter(None, [str(status.help_text or ""), note]))
