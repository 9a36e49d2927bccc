"""No lost work: a save based on an outdated version of a record is refused.

The change form carries the `updated_at` of the record as it was when the form was opened (every
save of a record, from any door, moves it). If someone else saved in between, the form comes back
with the user's own values still in it, a list of the fields where the saved record and the form
differ, a link to compare what the other save changed (inline rows included), and a checkbox to
save one's values over theirs. Other doors (batch edits) compare the same token: `token(record)`.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

BASED_ON, SEEN, OVERWRITE = "based_on", "conflict_seen", "overwrite_theirs"
CONCURRENCY_FIELDS = (BASED_ON, SEEN, OVERWRITE)
SHORT = 160  # characters of a value shown in the conflict list


def token(record) -> str:
    """The version token of a record: when it was last saved."""
    return record.updated_at.isoformat() if record.updated_at else ""


def stored_token(model, pk) -> str:
    stored = model._default_manager.filter(pk=pk).values_list("updated_at", flat=True).first()
    return stored.isoformat() if stored else ""


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= SHORT else f"{text[: SHORT - 1]}…"


def _stored_display(record, name) -> str:
    model_field = record._meta.get_field(name)
    if model_field.many_to_many:
        return ", ".join(str(row) for row in getattr(record, name).all()) or "—"
    if model_field.choices:
        return str(getattr(record, f"get_{name}_display")()) or "—"
    value = getattr(record, name)
    return str(value) if value not in (None, "") else "—"


def _your_display(form, name) -> str:
    if name not in form.cleaned_data:
        return str(form.data.get(form.add_prefix(name), "")) or "—"
    value = form.cleaned_data[name]
    field = form.fields[name]
    if hasattr(value, "all"):
        return ", ".join(str(row) for row in value) or "—"
    if getattr(field, "choices", None) and not hasattr(value, "pk"):
        return str(dict(field.choices).get(value, value)) or "—"
    return str(value) if value not in (None, "") else "—"


class StaleSaveFormMixin(forms.Form):
    """The form's side: the token it was based on, and the refusal when it is outdated."""

    based_on = forms.CharField(required=False, widget=forms.HiddenInput)
    conflict_seen = forms.CharField(required=False, widget=forms.HiddenInput)
    overwrite_theirs = forms.BooleanField(
        required=False,
        label=_("Save my values over theirs"),
        help_text=_("Only after reading the list above: their changes to these fields are lost."),
        widget=forms.HiddenInput,
    )
    admin_site_name = "admin"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pk = self.instance.pk
        # Read from the database: a restore form's instance is the old version, not the row.
        self.fields[BASED_ON].initial = stored_token(type(self.instance), pk) if pk else ""
        self.conflict = None

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk or not self.is_bound:
            return cleaned
        current = stored_token(type(self.instance), self.instance.pk)
        based_on = cleaned.get(BASED_ON) or ""
        if not based_on or based_on == current:
            return cleaned
        if cleaned.get(OVERWRITE) and cleaned.get(SEEN) == current:
            return cleaned  # they read the list of differences and chose to overwrite
        self._refuse(based_on, current)
        return cleaned

    def _refuse(self, based_on: str, current: str) -> None:
        stored = type(self.instance)._default_manager.get(pk=self.instance.pk)
        differences = self.differences(stored)
        self.conflict = differences
        # Re-rendered with the user's values; the checkbox now shows, bound to what was seen.
        self.data = self.data.copy()
        self.data[self.add_prefix(SEEN)] = current
        self.data.pop(self.add_prefix(OVERWRITE), None)
        self.fields[OVERWRITE].widget = forms.CheckboxInput()
        rows = format_html_join(
            "",
            gettext("<li>{}: saved now “{}”, yours “{}”</li>"),
            ((label, _short(theirs), _short(yours)) for label, theirs, yours in differences),
        )
        who = self._last_saver(stored)
        compare = self._compare_link(stored, based_on)
        if not differences:
            rows = format_html(
                "<li>{}</li>", gettext("No field of this form differs from the saved record.")
            )
        message = format_html(
            gettext(
                "Someone else saved this record after you opened it{}. Nothing of yours was "
                "saved; your values are still in the form below. Where the saved record and "
                "your form differ:<ul>{}</ul>{}To keep their changes, reload the page and make "
                "your edits again; to keep yours, tick “Save my values over theirs” and save."
            ),
            who,
            rows,
            compare,
        )
        self.add_error(None, ValidationError(message, code="stale"))

    def differences(self, stored) -> list[tuple[str, str, str]]:
        """Fields whose value in this form differs from the stored record's (label, theirs,
        yours), the same test as Django's `changed_data`, against the row as it is now."""
        model_fields = {f.name for f in stored._meta.get_fields()}
        names = [n for n in self.fields if n in model_fields and n not in CONCURRENCY_FIELDS]
        initial = model_to_dict(stored, fields=names)
        found = []
        for name in names:
            field = self.fields[name]
            if field.disabled:
                continue
            bound = self[name]
            if field.has_changed(initial.get(name), bound.data):
                label = str(field.label or name)
                found.append((label, _stored_display(stored, name), _your_display(self, name)))
        return found

    @staticmethod
    def _last_saver(stored) -> str:
        latest = (
            Version.objects.get_for_object(stored)
            .select_related("revision__user")
            .order_by("-revision__date_created", "-pk")
            .first()
        )
        user = latest.revision.user if latest else None
        return f" ({user.get_username()})" if user else ""

    def _compare_link(self, stored, based_on: str):
        """A link to compare the version the form was based on with the latest one (which
        shows what they changed, inline rows included)."""
        versions = Version.objects.get_for_object(stored).select_related("revision")
        # A revision's date is taken before its save, so the form's version is the last one
        # started no later than the token.
        base = versions.filter(revision__date_created__lte=based_on).order_by(
            "-revision__date_created", "-pk"
        )
        base, latest = base.first(), versions.order_by("-revision__date_created", "-pk").first()
        if not base or not latest or base.pk == latest.pk:
            return ""
        opts = stored._meta
        try:
            url = reverse(
                f"{self.admin_site_name}:{opts.app_label}_{opts.model_name}_compare",
                args=[quote(stored.pk)],
            )
        except NoReverseMatch:
            return ""
        return format_html(
            gettext(
                '<p><a href="{}?old={}&amp;new={}" target="_blank">See everything they changed '
                "(opens the comparison in a new tab)</a></p>"
            ),
            url,
            base.pk,
            latest.pk,
        )


class StaleSaveMixin:
    """For a ModelAdmin of records (with `updated_at`): the form carries its token."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.pop("form", self.form)
        if not issubclass(base, StaleSaveFormMixin):
            base = type(base.__name__, (StaleSaveFormMixin, base), {})
        base.admin_site_name = self.admin_site.name
        return super().get_form(request, obj, change, form=base, **kwargs)

    def get_fieldsets(self, request, obj=None):
        # The token and the checkbox go first, where the refusal shows (hidden until then).
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or not fieldsets:
            return fieldsets
        trimmed = [
            (name, {**options, "fields": _without(options["fields"])})
            for name, options in fieldsets
        ]
        name, options = trimmed[0]
        trimmed[0] = (name, {**options, "fields": [*CONCURRENCY_FIELDS, *options["fields"]]})
        return trimmed


def _without(fields) -> list:
    return [item for item in fields if item not in CONCURRENCY_FIELDS]
