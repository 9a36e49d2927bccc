"""The claim form, on a record (the inline) and on its own (ClaimAdmin).

Each attribute says what kind of value its claims give (`ClaimAttribute.value_kind`): the form
labels each input with the kind it is for, `Claim.clean` refuses a value of the wrong kind in
plain words and requires the one that applies, and `static/js/claim-kinds.js` hides the inputs
that do not apply when the attribute changes (without JavaScript all are shown, labelled). A
value that disagrees with another source's claim is saved, with a warning: disagreement is
information, not an error.
"""

from django import forms
from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import claimvalues
from archive.models import Claim, ClaimAttribute

from .rowchoices import RowChoicesFormSetMixin

NUMBER, TEXT, DATE, RECORD = (
    ClaimAttribute.ValueKind.NUMBER,
    ClaimAttribute.ValueKind.TEXT,
    ClaimAttribute.ValueKind.DATE,
    ClaimAttribute.ValueKind.RECORD,
)
# Each value input: the kind it belongs to, its label and its help.
VALUE_INPUTS = {
    "value_number": (NUMBER, _("number"), _("Number attributes: the figure the source gives.")),
    "value_lower": (NUMBER, _("at least"), _("Number attributes: the least the source allows.")),
    "value_upper": (NUMBER, _("up to"), _("Number attributes: the most the source allows.")),
    "value_text": (TEXT, _("text"), _("Text attributes: the value in the source's words.")),
    "value_date": (
        DATE,
        _("date"),
        _("Date attributes: an EDTF date, such as 1990-01-20 or 1987~."),
    ),
    "value_record": (RECORD, _("record"), ""),
}
# A change to these makes a claim say something new: check it against the other sources.
STATEMENT_FIELDS = {"attribute", "source", *VALUE_INPUTS}


class AttributeSelect(forms.Select):
    """Each option carries its attribute's value kind (for the script) and its definition."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        attribute = getattr(value, "instance", None)
        if attribute is not None:
            option["attrs"]["data-value-kind"] = attribute.value_kind
            if attribute.description:
                option["attrs"]["title"] = attribute.description
        return option


class ClaimForm(forms.ModelForm):
    value_record = forms.CharField(required=False, max_length=300)

    class Meta:
        model = Claim
        fields = [
            "attribute", "source", "value_number", "value_lower", "value_upper", "value_text",
            "value_date", "locator", "quotation", "note", "order",
        ]  # fmt: skip
        # The record value is the generic relation, entered as a kind:slug reference (the
        # declared field); excluding the relation lets forms list that field by its name.
        exclude = ["value_record"]  # noqa: DJ006
        widgets = {"attribute": AttributeSelect(attrs={"data-claim-attribute": ""})}

    class Media:
        js = ["js/claim-kinds.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value_record"].help_text = claimvalues.reference_help()
        if self.instance.value_record_id is not None and self.instance.value_record:
            self.initial["value_record"] = claimvalues.reference(self.instance.value_record)
        for name, (kind, label, help_text) in VALUE_INPUTS.items():
            field = self.fields.get(name)
            if field is None:
                continue
            field.label = label
            field.help_text = help_text or field.help_text
            field.widget.attrs["data-claim-value"] = kind
        if "attribute" in self.fields:
            self.fields["attribute"].help_text = gettext(
                "Its kind of value decides which input applies; see Claim attributes."
            )

    def clean_value_record(self):
        text = self.cleaned_data.get("value_record", "").strip()
        if not text:
            return None
        try:
            return claimvalues.resolve(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self):
        cleaned = super().clean()
        if "value_record" in self.fields and "value_record" not in self.errors:
            self.instance.value_record = cleaned.get("value_record")
        # An untouched old row does not block saving the record it belongs to.
        self.instance.check_value_kinds = self.instance._state.adding or self.has_changed()
        return cleaned


def states_something_new(form) -> bool:
    return not form.instance._state.adding and bool(STATEMENT_FIELDS & set(form.changed_data))


def disagreements(claims) -> list[str]:
    """A warning for each value another source gives for a claim just saved (one query per
    claim saved); a pair saved together is reported once."""
    found, seen = [], set()
    for claim in claims:
        by_value: dict[str, list[str]] = {}
        for other in Claim.objects.disagreeing_with(claim):
            pair = frozenset((claim.pk, other.pk))
            if pair in seen:
                continue
            seen.add(pair)
            by_value.setdefault(other.value_display, []).append(f"“{other.source}”")
        for value, sources in by_value.items():
            found.append(
                gettext(
                    "Another source gives %(value)s for “%(attribute)s” (this claim: "
                    "%(this)s): %(sources)s. Both are kept."
                )
                % {
                    "value": value,
                    "attribute": claim.attribute,
                    "this": claim.value_display,
                    "sources": "; ".join(sources),
                }
            )
    return found


class ClaimFormSet(RowChoicesFormSetMixin, BaseGenericInlineFormSet):
    """Saves as usual, then lists in `warnings` the disagreements its new values make
    (`RecordAdmin.save_formset` shows them)."""

    # One list of attributes for every row, not a query per row: RowChoicesFormSetMixin.

    def save(self, commit=True):
        changed = [form.instance for form in self.forms if self._states_new(form)]
        saved = super().save(commit)
        self.warnings = disagreements(claim for claim in changed if claim.pk) if commit else []
        return saved

    def _states_new(self, form) -> bool:
        if not form.has_changed() or (self.can_delete and self._should_delete_form(form)):
            return False
        return form.instance._state.adding or states_something_new(form)
