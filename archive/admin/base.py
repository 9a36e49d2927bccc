"""The admin every record kind shares: workflow, versions, citations, claims, identifiers."""

import reversion
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from archive.models import CATALOGUER_STATUSES, Citation, Claim, Identifier, Status


class CitationInline(GenericTabularInline):
    model = Citation
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

    def check_status_change(self, request, obj) -> None:
        """Refuse any publish or withdraw (also by restoring an old version) without permission."""
        if self.has_publish_permission(request, obj):
            return
        previous = None
        if obj.pk:
            previous = (
                type(obj)
                ._default_manager.filter(pk=obj.pk)
                .values_list("status", flat=True)
                .first()
            )
        changed = obj.status != (previous or Status.DRAFT)
        touches_public = obj.status not in CATALOGUER_STATUSES or (
            previous is not None and previous not in CATALOGUER_STATUSES
        )
        if changed and touches_public:
            raise PermissionDenied("Only curators may publish or withdraw records.")

    def save_model(self, request, obj, form, change):
        self.check_status_change(request, obj)
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
            for record in queryset.select_for_update():
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
