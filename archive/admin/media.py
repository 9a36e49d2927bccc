"""The media admin: upload (checked and sniffed at ingest), previews, file facts, fixity."""

import copy
import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from archive import lifecycle, registry
from archive.dates import describe
from archive.imports.admin import RecordImportExportMixin
from archive.media import fixity, private, storing
from archive.media.derivatives import ensure_derivatives
from archive.media.ingest import inspect_upload
from archive.media.specs import ACCEPTED, accepted_extensions
from archive.models import MediaItem
from archive.resources import MediaItemResource

from .base import CitationInline, ClaimInline, DecadeListFilter, IdentifierInline, RecordAdmin
from .kept_upload import KEPT, KeepUploadFormMixin
from .requirements import PublishingRequirementsFormMixin

log = logging.getLogger(__name__)


class _Link:
    """What the file widget shows as "Currently": the checked view, not the storage URL."""

    def __init__(self, url: str, label: str):
        self.url, self.label = url, label

    def __str__(self):
        return self.label


class ProtectedFileWidget(AdminFileWidget):
    def format_value(self, value):
        instance = getattr(value, "instance", None)
        if self.is_initial(value) and getattr(instance, "pk", None):
            if not getattr(instance.file, "_committed", True):
                # A new file waits (kept after a validation error): the facts are the new one's.
                return _Link(instance.original_url, "the file saved now, until you save")
            return _Link(instance.original_url, instance.original_filename or value.name)
        return super().format_value(value)


class MediaItemForm(KeepUploadFormMixin, PublishingRequirementsFormMixin, forms.ModelForm):
    class Meta:
        model = MediaItem
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what is shown)
        widgets = {
            "file": ProtectedFileWidget(
                attrs={
                    "accept": ",".join(
                        [*ACCEPTED, *(f".{extension}" for extension in accepted_extensions())]
                    )
                }
            )
        }

    def clean_file(self):
        # The upload door: a new file is inspected (type, size, checksum) before the model's
        # rules run, so that publishing an image knows it is one.
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            try:
                inspect_upload(self.instance, upload)
            except ValidationError as error:
                raise ValidationError(error.message_dict["file"]) from error
        return upload

    storage_failure = ""  # set by MediaItemAdmin.get_form when storing the file failed

    def clean(self):
        if self.storage_failure:
            self.add_error("file", self.storage_failure)
        # Publishing the original as it is is a curator's decision (the lifecycle's rule);
        # `may_publish` comes from RecordAdmin.get_form.
        cleaned = super().clean()
        proposed = copy.copy(self.instance)
        for name in MediaItem.publishing_fields:
            if name in cleaned:
                setattr(proposed, name, cleaned[name])
        found = lifecycle.publishing_refusals(
            proposed,
            self.instance if self.instance.pk else None,
            may_publish=getattr(self, "may_publish", True),
        )
        for name, messages_ in found.items():
            for message in messages_:
                self.add_error(name if name in self.fields else None, message)
        return cleaned


class MediaDateFilter(DecadeListFilter):
    date_field = "date"


TONES = {"ok": "#1b5e20", "bad": "#b71c1c", "muted": "#555"}


def _badge(text: str, tone: str):
    return format_html(
        '<strong class="media-badge media-badge-{}" style="color: {}">{}</strong>',
        tone, TONES[tone], text,
    )  # fmt: skip


FIXITY_TONES = {
    MediaItem.Fixity.OK: "ok",
    MediaItem.Fixity.UNCHECKED: "muted",
    MediaItem.Fixity.MISMATCH: "bad",
    MediaItem.Fixity.MISSING: "bad",
}


@admin.register(MediaItem)
class MediaItemAdmin(RecordImportExportMixin, RecordAdmin):
    resource_classes = [MediaItemResource]
    form = MediaItemForm
    list_display = [
        "thumbnail_small", "title", "media_type", "dimensions", "size_display", "fixity_badge",
        "licence", "status",
    ]  # fmt: skip
    list_display_links = ["thumbnail_small", "title"]
    list_select_related = ["licence"]
    list_filter = ["status", "media_type", "fixity", "licence", MediaDateFilter]
    search_fields = ["title", "slug", "caption", "credit_line", "creator", "sha256"]
    autocomplete_fields = ["source", "places"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [IdentifierInline, CitationInline, ClaimInline]
    actions = [*RecordAdmin.actions, "make_derivatives", "verify_fixity"]
    readonly_fields = [
        *RecordAdmin.readonly_fields, "preview", "original_filename", "media_type", "mime_type",
        "size_display", "dimensions", "sha256", "identical_files", "fixity_display",
        "derivative_list", "exif_display", "linked_records", "public_copy",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "file", KEPT, "preview"]}),
        (
            _("Description and rights"),
            {
                "fields": [
                    "caption",
                    "alt_text",
                    "creator",
                    ("date", "date_text"),
                    "credit_line",
                    "licence",
                ]  # fmt: skip
            },
        ),
        (
            _("What it shows and where it comes from"),
            {"fields": ["source", "places", "linked_records"]},
        ),
        (
            _("What visitors get of the original"),
            {"fields": ["publish_original_as_is", "public_copy"]},
        ),
        (
            _("File (read from the content at upload)"),
            {
                "fields": [
                    "original_filename",
                    ("media_type", "mime_type"),
                    ("size_display", "dimensions"),
                    "sha256",
                    "identical_files",
                    "fixity_display",
                    "derivative_list",
                    "exif_display",
                ]  # fmt: skip
            },
        ),
        (_("History"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            fields.extend(MediaItem.publishing_fields)  # curators decide (lifecycle)
        return fields

    def refuse_version(self, request, version, previous_status):
        # Restoring a version must not publish an original as it is behind the rule's back.
        found = super().refuse_version(request, version, previous_status)
        if found:
            return found
        record = version._object_version.object
        stored = MediaItem.objects.filter(pk=record.pk).first()
        found = lifecycle.publishing_refusals(
            record, stored, may_publish=self.has_publish_permission(request)
        )
        for message in lifecycle.messages_of(found):
            messages.error(
                request,
                gettext("This version cannot be restored: %(reason)s") % {"reason": message},
            )
        return found or None

    # Saving: derivatives made at once; an identical file already in the archive is flagged.

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The whole save (row, inlines, revision, original, derivatives) is all or nothing: a
        # failure rolls the rows back and deletes the files. A storage error (disk full...)
        # then shows the form again, with the error on the file and nothing saved.
        try:
            with storing.all_or_nothing():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as error:
            if request.method != "POST" or hasattr(request, "_media_storage_failure"):
                raise
            log.error("An upload could not be stored (%s); nothing was saved.", error)
            request._media_storage_failure = storing.failure_message(error)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        failure = getattr(request, "_media_storage_failure", "")
        if failure:  # the second pass after a failed save: the same form, refused in words
            form = type(form.__name__, (form,), {"storage_failure": failure})
        return form

    def save_model(self, request, obj, form, change):
        if self.proposing(request):  # a proposal: no derivatives of a file not yet approved
            return super().save_model(request, obj, form, change)
        new_upload = "file" in form.changed_data
        with storing.all_or_nothing():
            storing.store_upload(obj.file)
            super().save_model(request, obj, form, change)
            ensure_derivatives(obj)
        if new_upload:
            self.warn_about_duplicates(request, obj)
        if obj.is_image and obj.publish_original_as_is and (found := self.carried(obj)):
            self.message_user(request, self.as_is_warning(found), messages.WARNING)

    def warn_about_duplicates(self, request, obj) -> None:
        twins = list(obj.identical_items().order_by("pk")[:10])
        if twins:
            links = format_html_join(
                ", ", '<a href="{}">{}</a>', ((self._change_url(t), t.title) for t in twins)
            )
            self.message_user(
                request,
                format_html(
                    gettext(
                        "This file is identical, byte for byte, to {}. If it was uploaded by "
                        "mistake, delete this item; if both records are meant, nothing needs "
                        "doing."
                    ),
                    links,
                ),
                messages.WARNING,
            )

    @staticmethod
    def _change_url(obj) -> str:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])

    # Actions.

    @admin.action(description=_("Make derivatives again for selected"), permissions=["change"])
    def make_derivatives(self, request, queryset):
        made = sum(ensure_derivatives(item, force=True) for item in queryset.images())
        self.message_user(
            request,
            ngettext("Derivatives made for %d image.", "Derivatives made for %d images.", made)
            % made,
            messages.SUCCESS,
        )

    @admin.action(description=_("Verify fixity of selected"), permissions=["change"])
    def verify_fixity(self, request, queryset):
        results = [fixity.check(item) for item in queryset]
        bad = [r for r in results if r.state != MediaItem.Fixity.OK]
        for result in bad:
            self.message_user(request, f"{result.item}: {result.problem}", messages.ERROR)
        self.message_user(
            request,
            gettext("%(good)d of %(all)d verified.")
            % {"good": len(results) - len(bad), "all": len(results)},
            messages.SUCCESS if not bad else messages.WARNING,
        )

    # Columns and read-only fields.

    @admin.display(description="")
    def thumbnail_small(self, obj):
        thumb = obj.thumbnail
        if thumb is None:
            return _badge(obj.get_media_type_display() or gettext("file"), "muted")
        scale = min(1, 80 / max(thumb.width, thumb.height))
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" class="media-thumb">',
            thumb.jpg_url, round(thumb.width * scale), round(thumb.height * scale),
        )  # fmt: skip

    @staticmethod
    def unsaved_file(obj) -> bool:
        """A new file in the form that is not stored yet (kept after a validation error)."""
        return bool(obj.file) and not getattr(obj.file, "_committed", True)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if not obj.pk or self.unsaved_file(obj):
            return gettext("Shown after the file is uploaded.")
        return render_to_string("admin/archive/mediaitem/preview.html", {"item": obj})

    @admin.display(description=_("size"), ordering="size")
    def size_display(self, obj):
        return filesizeformat(obj.size) if obj.size is not None else "—"

    @admin.display(description=_("width × height"))
    def dimensions(self, obj):
        if not (obj.width and obj.height):
            return "—"
        return gettext("%(width)d × %(height)d px") % {"width": obj.width, "height": obj.height}

    @admin.display(description=_("fixity"), ordering="fixity")
    def fixity_badge(self, obj):
        return _badge(obj.get_fixity_display(), FIXITY_TONES.get(obj.fixity, "muted"))

    @admin.display(description=_("fixity"))
    def fixity_display(self, obj):
        checked = obj.fixity_checked_at
        when = ""
        if checked:
            when = gettext(" (last checked %(when)s UTC)") % {"when": f"{checked:%Y-%m-%d %H:%M}"}
        return format_html("{}{}", self.fixity_badge(obj), when)

    @admin.display(description=_("identical files"))
    def identical_files(self, obj):
        twins = list(obj.identical_items().order_by("pk")[:10])
        if not twins:
            return gettext("None: no other item has these bytes.")
        return format_html_join(
            ", ", '<a href="{}">{}</a>', ((self._change_url(t), t.title) for t in twins)
        )

    @admin.display(description=_("derivatives"))
    def derivative_list(self, obj):
        rows = list(obj.derivatives.all()) if obj.pk else []
        if not rows:
            if not obj.is_image:
                return gettext("None (only images have derivatives).")
            return gettext("Not made yet.")
        return format_html_join(
            ", ",
            '<a href="{}">{}.{}</a> {} × {} ({})',
            (
                (obj.derivative_url(d.name, d.format), d.name, d.format, d.width, d.height,
                 filesizeformat(d.size))
                for d in rows
            ),
        )  # fmt: skip

    @admin.display(description=_("EXIF"))
    def exif_display(self, obj):
        if not obj.exif:
            return gettext("None.")
        return render_to_string(
            "admin/archive/mediaitem/exif.html", {"exif": obj.exif, "item": obj}
        )

    # What visitors get of the original.

    @staticmethod
    def carried(obj) -> list[str]:
        """What the original carries that its public copy leaves out (read when it was made)."""
        copy_ = getattr(obj, "public_original", None)
        if copy_ is not None and copy_.original_sha256 == obj.sha256:
            return copy_.removed
        with obj.file.storage.open(obj.file.name, "rb") as original:
            return private.carried(original)

    @staticmethod
    def as_is_warning(found: list[str]) -> str:
        return gettext(
            "This file carries %(what)s; visitors will be able to download them, because its "
            "original is published as it is."
        ) % {"what": private.sentence(found)}

    @admin.display(description=_("public copy"))
    def public_copy(self, obj):
        if not obj.pk or self.unsaved_file(obj):
            return gettext("Shown after the file is uploaded.")
        if not obj.is_image:
            return gettext(
                "Visitors get this file as uploaded: metadata inside audio, video and PDF files "
                "is not removed, so check the file before publishing it."
            )
        try:
            found = self.carried(obj)
        except OSError:
            # A lost or unreadable file (the fixity check reports it too): say so, not a 500.
            return gettext(
                "The stored file cannot be read, so what it carries is unknown: run the fixity "
                "check (manage.py check_fixity) and upload the file again."
            )
        if obj.publish_original_as_is:
            if not found:
                return gettext("The file carries no private metadata; visitors get it as uploaded.")
            return format_html(
                '<strong class="media-warning" style="color: {}">{}</strong>',
                TONES["bad"], self.as_is_warning(found),
            )  # fmt: skip
        if not found:
            return gettext(
                "The file carries no private metadata: visitors get the same image. Staff get "
                "the file as uploaded."
            )
        return gettext(
            "Visitors who open the original get a copy without %(what)s (pixels, colour "
            "profile and orientation unchanged); the derivatives carry no metadata at all. "
            "Staff get the file as uploaded. If you publish the original as it is, visitors "
            "will be able to download all of it."
        ) % {"what": private.sentence(found)}

    @admin.display(description=_("shown in"))
    def linked_records(self, obj):
        """Records that link to this item (through the relations their kinds declare in the
        registry): edit those links on the record's page."""
        if not obj.pk:
            return "—"
        links = []
        for kind, link in registry.links_to(MediaItem):  # relations other kinds declare
            field = kind.model._meta.get_field(link.field)
            for record in kind.model._default_manager.filter(**{link.field: obj})[:50]:
                try:
                    url = self._change_url(record)
                except NoReverseMatch:
                    continue
                links.append((url, record, kind.model._meta.verbose_name, field.verbose_name))
        if not links:
            return gettext("No event or person links to this item yet (add it from their pages).")
        return format_html_join(
            mark_safe("<br>"), gettext('<a href="{}">{}</a> ({}, as {})'), links
        )

    @admin.display(description=_("date"), ordering="date_earliest")
    def date_display(self, obj):
        return describe(obj.date)
