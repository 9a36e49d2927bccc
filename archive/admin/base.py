"""The admin every record kind shares: workflow, versions, citations, claims, identifiers."""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.forms import Textarea
from django.shortcuts import get_object_or_404
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from archive.models import CATALOGUER_STATUSES, Citation, Claim, Identifier, Status

# Quotations and notes are short: a small box keeps inline rows on one screen.
COMPACT_TEXT = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 36})}}


class CitationInline(GenericTabularInline):
    model = Citation
    formfield_overrides = COMPACT_TEXT
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "quotation", "note", "order", "from_text"]
    readonly_fields = ["from_text"]
    classes = ["collapse"]
    verbose_name_plural = "citations (rows from [@markers] in the text are kept in step with it)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


class ClaimInline(GenericTabularInline):
    model = Claim
    formfield_overrides = COMPACT_TEXT
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        "attribute", "source", "value_number", "value_lower", "value_upper", "value_text",
        "value_date", "locator", "quotation",
    ]  # fmt: skip
    verbose_name_plural = "claims (one row per source per value; disagreements stand side by side)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "attribute")


class IdentifierInline(GenericTabularInline):
    model = Identifier
    extra = 0
    fields = ["scheme", "value"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("scheme")


class DecadeListFilter(admin.SimpleListFilter):
    """Filter by the decade an EDTF date may fall in (its earliest/latest bounds overlap)."""

    title = "date"
    parameter_name = "decade"
    date_field = "date"

    def lookups(self, request, model_admin):
        earliest = f"{self.date_field}_earliest"
        years = model_admin.model._default_manager.exclude(**{f"{earliest}__isnull": True}).dates(
            earliest, "year"
        )
        decades = sorted({value.year // 10 * 10 for value in years})
        return [(str(decade), f"{decade}s") for decade in decades]

    def queryset(self, request, queryset):
        value = self.value()
        if not value or not value.isdigit():
            return queryset
        start = int(value)
        return queryset.filter(
            **{
                f"{self.date_field}_earliest__year__lte": start + 9,
                f"{self.date_field}_latest__year__gte": start,
            }
        )


class RecordAdmin(VersionAdmin):
    """Workflow (draft → review → published, withdrawn) with the rule enforced on the server:
    only users with the model's publish permission publish or withdraw."""

    list_per_page = 50
    show_full_result_count = False
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
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [(s.value, s.label) for s in CATALOGUER_STATUSES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def refuse_status_change(self, request, new, previous) -> None:
        """Refuse, without the publish permission, any change that publishes or withdraws."""
        if self.has_publish_permission(request):
            return
        changed = new != (previous or Status.DRAFT)
        touches_public = new not in CATALOGUER_STATUSES or (
            previous is not None and previous not in CATALOGUER_STATUSES
        )
        if changed and touches_public:
            raise PermissionDenied("Only curators may publish or withdraw records.")

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
        self.refuse_status_change(
            request, version.field_dict.get("status"), self.current_status(version.object_id)
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        self.refuse_status_change(request, version.field_dict.get("status"), None)
        return super().recover_view(request, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        self.refuse_status_change(request, obj.status, self.current_status(obj.pk))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Inline edits may have removed a citation that a marker still needs.
        if form.instance.cited_text_fields:
            form.instance.sync_citations()

    def _set_status(self, request, queryset, status, verb):
        changed = 0
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(f"Marked {status} from the list.")
            for record in queryset.select_related(None).select_for_update():
                if status == Status.PUBLISHED and (errors := record.publish_errors()):
                    self.message_user(
                        request,
                        f"“{record}” was not published: {' '.join(errors.values())}",
                        messages.ERROR,
                    )
                    continue
                if record.status != status:
                    record.status = status
                    record.save(update_fields=["status", "updated_at"])
                    changed += 1
        self.message_user(
            request,
            ngettext("%(n)d record %(verb)s.", "%(n)d records %(verb)s.", changed)
            % {"n": changed, "verb": verb},
            messages.SUCCESS,
        )

    @admin.action(description="Send selected to review", permissions=["change"])
    def mark_review(self, request, queryset):
        if not self.has_publish_permission(request):
            queryset = queryset.filter(status__in=CATALOGUER_STATUSES)
        self._set_status(request, queryset, Status.REVIEW, "sent to review")

    @admin.action(description="Return selected to draft", permissions=["change"])
    def mark_draft(self, request, queryset):
        if not self.has_publish_permission(request):
            queryset = queryset.filter(status__in=CATALOGUER_STATUSES)
        self._set_status(request, queryset, Status.DRAFT, "returned to draft")

    @admin.action(description="Publish selected", permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED, "published")

    @admin.action(description="Withdraw selected", permissions=["publish"])
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Status.WITHDRAWN, "withdrawn")
