"""Review before live in the admin: the door (`ReviewMixin`, which every RecordAdmin has) and
the curators' list of proposed changes (`ProposedChangeAdmin`). The rules are in
`archive/lifecycle.py` (`needs_review`) and `archive/proposals.py`."""

from dataclasses import dataclass, field

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import lifecycle, proposals, registry
from archive.models import ProposedChange
from archive.proposal_diff import diff


class _Discard(Exception):
    """Raised to roll the captured save back, carrying the view's response."""

    def __init__(self, response):
        self.response = response


@dataclass
class _Capture:
    base: list
    state: list | None = None
    files: list = field(default_factory=list)  # (storage, name) stored for the proposal


def _when(proposal) -> str:
    return f"{localtime(proposal.updated_at):%Y-%m-%d %H:%M}"


def proposal_url(proposal) -> str:
    return reverse("admin:archive_proposedchange_change", args=[proposal.pk])


class ReviewMixin:
    """A change to a published or withdrawn record by a user who may not publish its kind is
    validated and saved as usual, inside a transaction that is then rolled back: what the
    save would have stored becomes a `ProposedChange`, and nothing public changes (record,
    rows, search index, change log, versions; a new file goes under proposals.PENDING_DIR)."""

    def proposing(self, request) -> bool:
        """Whether this request's save is being captured as a proposal."""
        return getattr(request, "_proposal_capture", None) is not None

    def _needs_review(self, request, object_id) -> bool:
        if object_id is None:
            return False
        return lifecycle.needs_review(
            self.current_status(unquote(object_id)),
            may_publish=self.has_publish_permission(request),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Around reversion's own revision (VersionAdmin.change_view), so that it rolls back too.
        view = super().change_view
        if request.method == "POST" and self._needs_review(request, object_id):
            return self._propose(
                request, object_id, lambda: view(request, object_id, form_url, extra_context)
            )
        if request.method == "GET":
            self._announce_proposals(request, unquote(object_id))
        return view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Restoring a version of a published record is a change like any other.
        view = super().revision_view
        if request.method == "POST" and self._needs_review(request, object_id):
            return self._propose(
                request, object_id, lambda: view(request, object_id, version_id, extra_context)
            )
        return view(request, object_id, version_id, extra_context)

    def _propose(self, request, object_id, run):
        record = self.get_object(request, unquote(object_id))
        if record is None or not self.has_change_permission(request, record):
            return run()  # the admin's own answer: not found, or 403
        capture = request._proposal_capture = _Capture(base=proposals.record_state(record))
        try:
            with transaction.atomic():
                raise _Discard(run())
        except _Discard as discarded:
            response = discarded.response
        except BaseException:
            self._delete_files(capture)
            raise
        finally:
            del request._proposal_capture
        if capture.state is None:  # refused (the form with its errors): nothing to keep
            self._delete_files(capture)
            return response
        proposal = proposals.propose(record, request.user, capture.state, capture.base)
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                gettext(lifecycle.IN_REVIEW_MESSAGE),
                proposal_url(proposal),
                gettext("See what you proposed."),
            ),
        )
        opts = self.opts
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", record.pk)

    @staticmethod
    def _delete_files(capture) -> None:
        for storage, name in capture.files:
            storage.delete(name)

    def save_model(self, request, obj, form, change):
        capture = getattr(request, "_proposal_capture", None)
        if capture is not None:
            self._stash_new_files(obj, capture)
        super().save_model(request, obj, form, change)

    @staticmethod
    def _stash_new_files(obj, capture) -> None:
        """A new upload is stored under a pending name, never as the record's original."""
        for field_ in obj._meta.concrete_fields:
            if not isinstance(field_, models.FileField):
                continue
            file = getattr(obj, field_.attname)
            if file and not file._committed:
                name = field_.storage.save(proposals.pending_name(file.name), file.file)
                capture.files.append((field_.storage, name))
                setattr(obj, field_.attname, name)

    def response_change(self, request, obj):
        capture = getattr(request, "_proposal_capture", None)
        if capture is None:
            return super().response_change(request, obj)
        capture.state = proposals.record_state(obj)  # saved, inline rows and citations too
        return HttpResponseRedirect(request.path)  # discarded with the transaction

    def message_user(self, request, *args, **kwargs):
        if not self.proposing(request):  # "changed successfully" it was not
            super().message_user(request, *args, **kwargs)

    def _announce_proposals(self, request, pk) -> None:
        content_type = ContentType.objects.get_for_model(self.model)
        pending = ProposedChange.objects.pending().filter(content_type=content_type, object_id=pk)
        if self.has_publish_permission(request):
            found = list(pending.select_related("proposed_by").order_by("updated_at"))
            if found:
                by = gettext("by %(user)s (%(when)s)")
                links = format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    (
                        (proposal_url(p), by % {"user": p.proposed_by, "when": _when(p)})
                        for p in found
                    ),
                )
                messages.warning(
                    request,
                    format_html(
                        gettext("{n} proposed change(s) to this record wait for review: {links}"),
                        n=len(found),
                        links=links,
                    ),
                )
            return
        own = pending.filter(proposed_by=request.user).first()
        if own is not None:
            messages.info(
                request,
                format_html(
                    gettext(
                        "Your proposed change of {when} waits for a curator's review "
                        '(<a href="{url}">see it</a>). The form shows the published record; '
                        "saving again replaces your proposal with what you save."
                    ),
                    when=_when(own),
                    url=proposal_url(own),
                ),
            )


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [(kind.key, gettext(kind.label)) for kind in registry.kinds()]

    def queryset(self, request, queryset):
        kind = registry.get(self.value()) if self.value() else None
        if kind is None:
            return queryset
        return queryset.filter(content_type=ContentType.objects.get_for_model(kind.model))


@admin.register(ProposedChange)
class ProposedChangeAdmin(admin.ModelAdmin):
    """Curators review proposed changes here; a cataloguer sees their own."""

    list_display = ["object_repr", "kind", "proposed_by", "updated_at", "status", "reviewed_by"]
    list_select_related = ["proposed_by", "reviewed_by", "content_type"]
    list_filter = ["status", KindFilter]
    list_per_page = 50
    show_full_result_count = False
    review_template = "admin/archive/proposedchange/review.html"

    @admin.display(description=_("kind"), ordering="content_type")
    def kind(self, obj):
        return obj.content_type.name

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        reviewed = [
            ContentType.objects.get_for_model(kind.model)
            for kind in registry.kinds()
            if lifecycle.may_publish(request.user, kind.model)
        ]
        return queryset.filter(
            models.Q(content_type__in=reviewed) | models.Q(proposed_by=request.user)
        )

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False  # made by editing a published record

    def has_change_permission(self, request, obj=None):
        return False  # decided, not edited

    def has_delete_permission(self, request, obj=None):
        return False  # the record of a decision stays

    def get_urls(self):
        view, name = self.admin_site.admin_view, "archive_proposedchange"
        urls = [
            path("<int:pk>/approve/", view(self.approve_view), name=f"{name}_approve"),
            path("<int:pk>/reject/", view(self.reject_view), name=f"{name}_reject"),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        record = proposals.current_record(proposal)
        current = proposals.record_state(record) if record is not None else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Proposed change to “%(record)s”") % {"record": proposal.object_repr},
            "proposal": proposal,
            "record": record,
            "record_url": self._record_url(proposal),
            "diff": diff(current, proposal.proposed, proposal.model, proposal.object_id),
            "stale": proposal.is_pending and proposals.is_stale(proposal, record),
            "may_review": proposal.is_pending and proposals.may_review(request.user, proposal),
        }
        return TemplateResponse(request, self.review_template, context)

    @staticmethod
    def _record_url(proposal) -> str:
        opts = proposal.model._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[proposal.object_id]
        )

    def _decide(self, request, pk, decide, done: str):
        proposal = get_object_or_404(ProposedChange, pk=pk)
        if not proposals.may_review(request.user, proposal):
            raise PermissionDenied(gettext("Only curators approve or reject proposed changes."))
        try:
            decide(proposal, request.user, request.POST.get("comment", "").strip())
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("admin:archive_proposedchange_change", proposal.pk)
        messages.success(request, done % {"record": proposal.object_repr})
        return redirect("admin:archive_proposedchange_changelist")

    def approve_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:archive_proposedchange_change", pk)
        return self._decide(
            request, pk, proposals.approve, gettext("The change to “%(record)s” is live.")
        )

    def reject_view(self, request, pk):
        if request.method != "POST":
            return redirect("admin:archive_proposedchange_change", pk)
        return self._decide(
            request, pk, proposals.reject, gettext("The change to “%(record)s” was rejected.")
        )
