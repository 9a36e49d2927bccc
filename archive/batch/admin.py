"""“Edit selected in a batch…” on every record kind's admin list.

The action sends the selection to the batch page as the changelist's own query string (its
filters and search) plus either the selected keys (one page at most) or “all that match”
(`select_across`): the selection stays a queryset, rebuilt from the changelist on every step.

Steps, each on the kind's `batch/` page: the operation, its value, the preview (nothing
written), the apply (one transaction, one revision; `archive.batch.run`), then the batch's
page with its report and “Undo this batch”, also linked from each record's History.
"""

import copy
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import translations
from archive.models import BatchEdit

from . import progress
from .forms import OperationForm, ValueForm, parse_operation
from .history import UndoPlan, batch_pks
from .operations import Action, batch_fields
from .run import Batch

PREVIEW_SALT = "archive.batch.preview"


def _previewed_at(signed: str):
    """The time of the preview the apply step confirms, as the preview page signed it: a
    forged time would let the batch overwrite edits made after the preview."""
    try:
        since = parse_datetime(signing.loads(signed, salt=PREVIEW_SALT, max_age=24 * 3600))
    except signing.BadSignature:
        since = None
    if since is None:
        raise PermissionDenied(gettext("Apply only what you previewed: preview the batch again."))
    return since


class BatchEditMixin:
    """For `RecordAdmin`: the batch action, pages and History links."""

    object_history_template = "admin/batch/object_history.html"

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("batch/", wrap(self.batch_view), name=f"{name}_batch"),
            path("batch/<int:pk>/", wrap(self.batch_done_view), name=f"{name}_batch_done"),
            path("batch/<int:pk>/undo/", wrap(self.batch_undo_view), name=f"{name}_batch_undo"),
            path(
                "batch/<int:pk>/progress/",
                wrap(self.batch_progress_view),
                name=f"{name}_batch_progress",
            ),
            *super().get_urls(),
        ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.actions is not None and self.has_change_permission(request):
            action = type(self).batch_edit
            actions["batch_edit"] = (action, "batch_edit", action.short_description)
        return actions

    @admin.action(description=_("Edit selected in a batch…"))
    def batch_edit(self, request, queryset):
        query = {"_changelist_filters": request.GET.urlencode()}
        if request.POST.get("select_across") == "1":
            query["select_across"] = "1"
        else:
            query["ids"] = ",".join(request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        return redirect(f"{self._batch_url('batch')}?{urlencode(query)}")

    def _batch_url(self, view: str, *args) -> str:
        opts = self.opts
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_{view}",
            args=args,
            current_app=self.admin_site.name,
        )

    # --- the selection ---------------------------------------------------------------------
    def batch_selection(self, request):
        """The changelist's queryset for its query string, narrowed to the selected keys
        unless all that match were selected."""
        changelist_request = copy.copy(request)
        changelist_request.GET = QueryDict(request.GET.get("_changelist_filters", ""))
        changelist = self.get_changelist_instance(changelist_request)
        queryset = changelist.get_queryset(changelist_request)
        if request.GET.get("select_across") != "1":
            keys = [key for key in request.GET.get("ids", "").split(",") if key.strip()]
            try:
                keys = [self.opts.pk.to_python(key) for key in keys]
            except ValidationError as error:  # a forged key is no selection
                raise PermissionDenied(gettext("Not a selection.")) from error
            queryset = queryset.filter(pk__in=keys)
        return queryset

    # --- the steps -------------------------------------------------------------------------
    def batch_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        queryset = self.batch_selection(request)
        fields = batch_fields(self, request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Edit %(records)s in a batch")
            % {"records": self.opts.verbose_name_plural},
            "selection_count": queryset.count(),
            "changelist_url": self._changelist_url(request),
            "query": request.GET,
        }
        code = request.POST.get("operation") or request.GET.get("operation")
        try:
            action, field = parse_operation(code or "", fields)
        except ValueError:
            context["form"] = OperationForm(fields, initial={"operation": code})
            return TemplateResponse(request, "admin/batch/choose.html", context)
        data = request.POST if request.method == "POST" else None
        form = ValueForm(action, field, self, request, data)
        context.update(form=form, operation_code=code, media=self.media + form.media)
        context["operation_label"] = dict(OperationForm(fields).fields["operation"].choices)[code]
        if request.method != "POST" or not form.is_valid():
            return TemplateResponse(request, "admin/batch/value.html", context)
        operation = form.operation()
        may_publish = self.has_publish_permission(request)
        count = context["selection_count"]
        with translation.override(translations.default_language()):
            description = operation.describe(count, self._plural(count))  # stored: English
        if "apply" in request.POST:
            since = _previewed_at(request.POST.get("previewed_at", ""))
            batch = progress.start(
                self.model,
                operation,
                pks=Batch(operation, queryset).pks(),
                user=request.user,
                description=description,
                since=since,
                operation={"operation": code, "value": request.POST.getlist("value")},
            )
            return self._advance(request, batch, operation)
        run = Batch(operation, queryset, user=request.user, may_publish=may_publish)
        previewed_at = timezone.now()  # before reading: an edit during the preview is later
        context.update(
            report=run.preview(),
            description=operation.describe(count, self._plural(count)),
            previewed_at=signing.dumps(previewed_at.isoformat(), salt=PREVIEW_SALT),
        )
        return TemplateResponse(request, "admin/batch/preview.html", context)

    def _after_run(self, request, batch, report, what: str):
        if batch is None:
            self.message_user(
                request,
                gettext(
                    "%(what)s: nothing was changed (%(unchanged)d unchanged, %(refused)d refused)."
                )
                % {"what": what, "unchanged": report.unchanged, "refused": report.refused},
                messages.WARNING,
            )
            return redirect(self._changelist_url(request))
        self.message_user(
            request,
            format_html(
                gettext(
                    '{}: {} changed, {} unchanged, {} refused, in {} s. <a href="{}">Report and '
                    "undo</a>"
                ),
                what,
                report.changed,
                report.unchanged,
                report.refused,
                report.seconds,
                self._batch_url("batch_done", batch.pk),
            ),  # fmt: skip
            messages.SUCCESS,
        )
        return redirect(self._batch_url("batch_done", batch.pk))

    def _changelist_url(self, request) -> str:
        opts = self.opts
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        filters = request.GET.get("_changelist_filters", "")
        return f"{url}?{filters}" if filters else url

    def _plural(self, count: int) -> str:
        opts = self.opts
        return str(opts.verbose_name if count == 1 else opts.verbose_name_plural)

    def _batch_of_this_kind(self, pk):
        content_type = ContentType.objects.get_for_model(self.model)
        return get_object_or_404(
            BatchEdit.objects.select_related("user", "undoes", "revision"),
            pk=pk,
            content_type=content_type,
        )

    def batch_done_view(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        batch = self._batch_of_this_kind(pk)
        if batch.running:
            return redirect(self._batch_url("batch_progress", batch.pk))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(batch),
            "batch": batch,
            "undone_by": BatchEdit.objects.filter(undoes=batch).first(),
            "changelist_url": self._changelist_url(request),
        }
        return TemplateResponse(request, "admin/batch/done.html", context)

    def batch_undo_view(self, request, pk):
        if not self.has_change_permission(request):
            raise PermissionDenied
        batch = self._batch_of_this_kind(pk)
        if request.method != "POST":
            return redirect(self._batch_url("batch_done", batch.pk))
        if BatchEdit.objects.filter(undoes=batch).exists():
            self.message_user(request, gettext("This batch was undone already."), messages.ERROR)
            return redirect(self._batch_url("batch_done", batch.pk))
        if batch.running:
            self.message_user(
                request, gettext("This batch is still being applied."), messages.ERROR
            )
            return redirect(self._batch_url("batch_done", batch.pk))
        plan = UndoPlan(batch)
        undoing = progress.start(
            self.model,
            plan,
            pks=batch_pks(batch),
            user=request.user,
            description=f"undo “{batch.description}”",
            since=batch.applied_at,
            undoes=batch,
        )
        return self._advance(request, undoing, plan)

    # --- a run in steps ----------------------------------------------------------------------
    def _plan_of(self, request, batch):
        """What a running batch applies: the undo of its batch, or its confirmed operation."""
        if batch.undoes_id is not None:
            return UndoPlan(batch.undoes)
        code = batch.operation.get("operation", "")
        action, field = parse_operation(code, batch_fields(self, request))
        data = QueryDict(mutable=True)
        data.setlist("value", batch.operation.get("value", []))
        form = ValueForm(action, field, self, request, data)
        return form.operation() if form.is_valid() else None

    def _advance(self, request, batch, plan):
        """Apply the next chunks for a few seconds; the progress page until it is done."""
        batch = progress.advance(
            batch, plan, user=request.user, may_publish=self.has_publish_permission(request)
        )
        what = gettext("Undo") if batch.undoes_id is not None else gettext("Batch edit")
        if batch.running:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": str(batch),
                "batch": batch,
                "done": batch.position,
                "total": len(batch.selection),
                "percent": batch.position * 100 // max(len(batch.selection), 1),
                "progress_url": self._batch_url("batch_progress", batch.pk),
                "changelist_url": self._changelist_url(request),
            }
            return TemplateResponse(request, "admin/batch/progress.html", context)
        report = progress.report_of(batch)
        if batch.revision_id is None:  # nothing changed: nothing to remember nor undo
            batch.delete()
            return self._after_run(request, None, report, what)
        return self._after_run(request, batch, report, what)

    def batch_progress_view(self, request, pk):
        """Go on with a running batch (the progress page reloads itself here)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        batch = self._batch_of_this_kind(pk)
        if not batch.running:
            return redirect(self._batch_url("batch_done", batch.pk))
        if batch.user_id != request.user.pk:
            raise PermissionDenied(gettext("Only who started a batch goes on with it."))
        try:
            plan = self._plan_of(request, batch)
        except ValueError:  # the operation is no longer offered to this user
            plan = None
        if plan is None:  # its value was deleted meanwhile, say: stop where it is
            batch = progress.stop(batch)
            self.message_user(
                request,
                gettext(
                    "The batch stopped after %(done)d of %(all)d records: its value is no longer "
                    "valid. What it changed can be undone."
                )
                % {"done": batch.position, "all": len(batch.selection)},
                messages.ERROR,
            )
            if batch.revision_id is None:
                batch.delete()
                return redirect(self._changelist_url(request))
            return redirect(self._batch_url("batch_done", batch.pk))
        return self._advance(request, batch, plan)

    def history_view(self, request, object_id, extra_context=None):
        # The batches that changed this record, each with its report and undo.
        content_type = ContentType.objects.get_for_model(self.model)
        batches = BatchEdit.objects.filter(
            content_type=content_type, revision__version__object_id=str(object_id)
        ).distinct()
        context = {
            "batch_edits": [(b, self._batch_url("batch_done", b.pk)) for b in batches[:50]],
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)


__all__ = ["Action", "BatchEditMixin"]
