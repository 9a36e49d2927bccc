"""The admin every record kind shares: workflow, versions, citations, claims, identifiers."""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.db import connections, models, transaction
from django.forms import Textarea
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from archive import dates, lifecycle, registry
from archive.batch.admin import BatchEditMixin
from archive.models import CATALOGUER_STATUSES, Citation, Claim, Identifier, Status
from archive.numbers import PLAIN_NUMBERS

from .choosers import LargeAutocompleteMixin
from .claims import ClaimForm, ClaimFormSet
from .compare import CompareVersionsMixin
from .concurrency import StaleSaveMixin
from .deletion import SentenceDeletionMixin
from .languages import LanguagesAdminMixin
from .paging import EstimatedCountPaginator
from .review import ReviewMixin
from .rowchoices import RowChoicesInlineMixin
from .searching import IndexedSearchMixin

# Every admin form shows a decimal as 147 or 12.5, never 147.0000.
NUMBERS = {models.DecimalField: PLAIN_NUMBERS}

# Quotations and notes are short: a small box keeps inline rows on one screen.
COMPACT_TEXT = {**NUMBERS, models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 36})}}


class CitationInline(GenericTabularInline):
    model = Citation
    formfield_overrides = COMPACT_TEXT
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "quotation", "note", "order", "from_text"]
    readonly_fields = ["from_text"]
    classes = ["collapse"]
    verbose_name_plural = _("citations (rows from [@markers] in the text are kept in step with it)")

    def get_queryset(self, request):
        # The row's sentence names its source and its record.
        return super().get_queryset(request).select_related("source").prefetch_related("record")


class ClaimInline(RowChoicesInlineMixin, GenericTabularInline):
    """Each row offers the inputs of its attribute's kind of value (archive/admin/claims.py)."""

    model = Claim
    form = ClaimForm
    formset = ClaimFormSet
    formfield_overrides = COMPACT_TEXT
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        "attribute", "source", "value_number", "value_lower", "value_upper", "value_text",
        "value_date", "value_record", "reads_as", "locator", "quotation",
    ]  # fmt: skip
    readonly_fields = ["reads_as"]
    verbose_name_plural = _(
        "claims (one row per source per value; disagreements stand side by side)"
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("source", "attribute")
        return queryset.prefetch_related("value_record")

    @admin.display(description=_("reads as"))
    def reads_as(self, obj):
        return obj.value_display if obj.pk else ""


class IdentifierInline(GenericTabularInline):
    model = Identifier
    extra = 0
    fields = ["scheme", "value"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("scheme")


# The decade of a date column's smallest value at or after a bound, per database.
_FIRST_DECADE_FROM = {
    "postgresql": (
        "SELECT EXTRACT(YEAR FROM MIN({col}))::integer / 10 * 10 FROM {table} "
        "WHERE {col} >= {bound}",
        "make_date({decade} + 10, 1, 1)",
    ),
    "sqlite": (
        "SELECT CAST(strftime('%Y', MIN({col})) AS INTEGER) / 10 * 10 FROM {table} "
        "WHERE {col} >= {bound}",
        "printf('%04d-01-01', {decade} + 10)",
    ),
}


def decades_present(connection, table: str, column: str) -> list[int]:
    """The decades in which `column` (an indexed date) has a value, in order: a loose index
    scan that jumps from each decade's first date to the next decade's (one index probe a
    decade), where `SELECT DISTINCT` would read every row of the table."""
    first, next_bound = _FIRST_DECADE_FROM[connection.vendor]
    quote = connection.ops.quote_name
    step = first.format(
        col=quote(column), table=quote(table), bound=next_bound.format(decade="found.decade")
    )
    start = first.format(col=quote(column), table=quote(table), bound="'0001-01-01'")
    sql = (
        f"WITH RECURSIVE found(decade) AS ({start} UNION ALL "
        f"SELECT ({step}) FROM found WHERE found.decade IS NOT NULL) "
        "SELECT decade FROM found WHERE decade IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


def distinct_values(connection, table: str, column: str) -> list:
    """The values of an indexed `column`, in order: a loose index scan (one index probe a
    value) where `SELECT DISTINCT` reads every row."""
    quote = connection.ops.quote_name
    col, table = quote(column), quote(table)
    sql = (
        f"WITH RECURSIVE found(value) AS (SELECT MIN({col}) FROM {table} UNION ALL "
        f"SELECT (SELECT MIN({col}) FROM {table} WHERE {col} > found.value) FROM found "
        "WHERE found.value IS NOT NULL) SELECT value FROM found WHERE value IS NOT NULL"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


class IndexedValuesListFilter(admin.AllValuesFieldListFilter):
    """Django's filter by each value a column holds, found by `distinct_values` (the column
    must be indexed) instead of a DISTINCT over the whole table on every list page."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        database = connections[model._default_manager.db]
        self.lookup_choices = distinct_values(database, model._meta.db_table, field.column)


class DecadeListFilter(admin.SimpleListFilter):
    """Filter by the decade an EDTF date may fall in (its earliest/latest bounds overlap)."""

    title = _("date")
    parameter_name = "decade"
    date_field = "date"

    def lookups(self, request, model_admin):
        model = model_admin.model
        column = model._meta.get_field(f"{self.date_field}_earliest").column
        database = connections[model._default_manager.db]
        decades = decades_present(database, model._meta.db_table, column)
        return [(str(decade), gettext("%(decade)ds") % {"decade": decade}) for decade in decades]

    def queryset(self, request, queryset):
        value = self.value()
        if not value or not value.isdigit():
            return queryset
        start = int(value)
        # The one overlap rule: an open end that reaches the decade counts, as when browsing.
        return queryset.filter(
            dates.overlap_q(
                f"{self.date_field}_earliest", f"{self.date_field}_latest", start, start + 9
            )
        )


class StatusChoiceField(forms.TypedChoiceField):
    """Offers the statuses the user may set, and refuses any other value in the lifecycle's
    words (an unknown status, or one only curators set: `LifecycleFormMixin.clean`)."""

    default_error_messages = {"invalid_choice": _(lifecycle.UNKNOWN_STATUS)}

    def valid_value(self, value):
        return str(value) in Status.values


class LifecycleFormMixin:
    """The record form's side of the lifecycle: its messages for required fields and the
    status rule for the form's user (`may_publish`, set by `RecordAdmin.get_form`)."""

    may_publish = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_status = self.instance.status if self.instance.pk else None
        model = self._meta.model
        for field in lifecycle.required_fields(model):
            if field.name in self.fields:
                message = lifecycle.required_message(model, field)
                self.fields[field.name].error_messages["required"] = message

    def clean(self):
        cleaned = super().clean()
        if "status" in self.fields and cleaned.get("status"):
            found = lifecycle.status_refusals(
                cleaned["status"], self.previous_status, may_publish=self.may_publish
            )
            for message in found:
                self.add_error("status", message)
        return cleaned


class RecordAdmin(
    IndexedSearchMixin,
    LanguagesAdminMixin,
    BatchEditMixin,
    ReviewMixin,
    CompareVersionsMixin,
    StaleSaveMixin,
    SentenceDeletionMixin,
    LargeAutocompleteMixin,
    VersionAdmin,
):
    """Workflow (draft → review → published, withdrawn) with the rule enforced on the server:
    only users with the model's publish permission publish or withdraw; their changes to a
    published or withdrawn record wait for review (`ReviewMixin`)."""

    list_per_page = 50
    show_full_result_count = False
    paginator = EstimatedCountPaginator  # "about N" on large PostgreSQL lists
    formfield_overrides = NUMBERS
    readonly_fields = ["published_at", "created_at", "updated_at"]
    actions = ["mark_review", "mark_draft", "publish", "withdraw"]
    history_latest_first = True

    def has_publish_permission(self, request, obj=None) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if (
            obj
            and obj.status not in CATALOGUER_STATUSES
            and not self.has_publish_permission(request, obj)
        ):
            fields.append("status")
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            kwargs["choices_form_class"] = StatusChoiceField
            if not self.has_publish_permission(request):
                kwargs["choices"] = [(s.value, s.label) for s in CATALOGUER_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        may_publish = self.has_publish_permission(request)
        return type(form.__name__, (LifecycleFormMixin, form), {"may_publish": may_publish})

    def refuse_status_change(self, request, new, previous) -> None:
        """Refuse a status the user may not set (lifecycle.status_refusals) with a 403."""
        found = lifecycle.status_refusals(
            new, previous, may_publish=self.has_publish_permission(request)
        )
        if found:
            raise PermissionDenied(" ".join(found))

    def refuse_version(self, request, version, previous_status):
        """The lifecycle's verdict on restoring `version`: a status the user may not set is a
        403; any other refusal a message and a redirect (None when it may be restored)."""
        record = version._object_version.object
        if record.status in Status.values:  # an unknown one is refused below, in words
            self.refuse_status_change(request, record.status, previous_status)
        found = lifecycle.refusals(
            record,
            may_publish=self.has_publish_permission(request),
            previous_status=previous_status,
        )
        if not found:
            return None
        for message in lifecycle.messages_of(found):
            messages.error(
                request,
                gettext("This version cannot be restored: %(reason)s") % {"reason": message},
            )
        return found

    def current_status(self, pk):
        if pk is None:
            return None
        rows = self.model._default_manager.filter(pk=pk).values_list("status", flat=True)
        return rows.first()

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring an old version must not publish or withdraw behind the rule's back.
        version = get_object_or_404(
            Version.objects.get_for_object_reference(self.model, unquote(object_id)), pk=version_id
        )
        if self.refuse_version(request, version, self.current_status(version.object_id)):
            opts = self.opts
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_history", object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        if self.refuse_version(request, version, None):
            opts = self.opts
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_recoverlist")
        return super().recover_view(request, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        # The form said so already; this holds for any other way in.
        self.refuse_status_change(request, obj.status, self.current_status(obj.pk))
        super().save_model(request, obj, form, change)

    def get_inlines(self, request, obj):
        # Other apps' inlines on this kind's form (registry.add_admin_inline): media → events.
        return [*super().get_inlines(request, obj), *registry.admin_inlines(self.model)]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        for warning in getattr(formset, "warnings", ()):  # saved, and worth knowing
            messages.warning(request, warning)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inline edits may have removed a citation that a marker still needs.
        if form.instance.cited_text_fields:
            form.instance.sync_citations()

    def _set_status(self, request, queryset, status, refused, done):
        """Set `status` on each selected record the lifecycle allows; `refused` and `done`
        are the action's own sentences (whole, so each language words them its way)."""
        changed = 0
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(f"Marked {status} from the list.")  # the log stays English
            may_publish = self.has_publish_permission(request)
            # The list's queryset may be annotated (counts: GROUP BY), which PostgreSQL does
            # not lock: lock the same rows by key.
            rows = self.model._default_manager.filter(pk__in=queryset.values("pk"))
            for record in rows.select_for_update():
                previous, record.status = record.status, status
                found = lifecycle.refusals(
                    record, may_publish=may_publish, previous_status=previous
                )
                if found:
                    self.message_user(
                        request,
                        refused
                        % {"record": record, "reasons": " ".join(lifecycle.messages_of(found))},
                        messages.ERROR,
                    )
                    continue
                record.status = previous
                if record.status != status:
                    record.status = status
                    record.save(update_fields=["status", "updated_at"])
                    changed += 1
        self.message_user(
            request,
            done % {"n": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Send selected to review"), permissions=["change"])
    def mark_review(self, request, queryset):
        if not self.has_publish_permission(request):
            queryset = queryset.filter(status__in=CATALOGUER_STATUSES)
        self._set_status(
            request,
            queryset,
            Status.REVIEW,
            _("“%(record)s” was not sent to review: %(reasons)s"),
            ngettext_lazy("%(n)d record sent to review.", "%(n)d records sent to review.", "n"),
        )

    @admin.action(description=_("Return selected to draft"), permissions=["change"])
    def mark_draft(self, request, queryset):
        if not self.has_publish_permission(request):
            queryset = queryset.filter(status__in=CATALOGUER_STATUSES)
        self._set_status(
            request,
            queryset,
            Status.DRAFT,
            _("“%(record)s” was not returned to draft: %(reasons)s"),
            ngettext_lazy(
                "%(n)d record returned to draft.", "%(n)d records returned to draft.", "n"
            ),
        )

    @admin.action(description=_("Publish selected"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Status.PUBLISHED,
            _("“%(record)s” was not published: %(reasons)s"),
            ngettext_lazy("%(n)d record published.", "%(n)d records published.", "n"),
        )

    @admin.action(description=_("Withdraw selected"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Status.WITHDRAWN,
            _("“%(record)s” was not withdrawn: %(reasons)s"),
            ngettext_lazy("%(n)d record withdrawn.", "%(n)d records withdrawn.", "n"),
        )
