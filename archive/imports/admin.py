"""The admin side of imports: upload, preview every row, then confirm (or import valid rows).

`RecordImportExportMixin` goes before `RecordAdmin` in an admin's bases. The preview lists each
row as new, changed (with the changed columns), unchanged or an error naming row, column and
problem, and flags dates kept as written. A file with errors writes nothing, unless the curator
confirms "import only the valid rows".
"""

import reversion
from django import forms
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import XLSX
from import_export.forms import ConfirmImportForm

from archive import registry

from . import preview
from .codec import HELP as DELIMITER_HELP
from .files import StrictCSV

DATE_HELP = gettext_lazy(
    "Dates may be EDTF (1990-01-19, 1987~, 199X) or written as museums write them "
    "(“c.1819”, “c.1830–40”, “exhibited 1809?”): such text is kept as “date as written” and "
    "read into EDTF where it has one reading; anything else is kept as text only and flagged."
)


class ValidRowsConfirmForm(ConfirmImportForm):
    valid_rows_only = forms.BooleanField(required=False, widget=forms.HiddenInput())


class RecordImportExportMixin(ImportExportMixin):
    import_template_name = "admin/import_export/archive_import.html"
    confirm_form_class = ValidRowsConfirmForm
    formats = [StrictCSV, XLSX]
    from_encoding = "utf-8-sig"
    import_error_display = ("message",)

    def get_resource_classes(self, request):
        kind = registry.kind_for_model(self.model)
        richer = kind.import_resources() if kind else []  # other apps' resources, richest first
        return list(dict.fromkeys([*richer, *super().get_resource_classes(request)]))

    def get_import_context_data(self, **kwargs):
        context = super().get_import_context_data(**kwargs)
        context["delimiter_help"] = DELIMITER_HELP
        context["date_help"] = DATE_HELP
        return context

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        result = context.get("result")
        form = context.get("form")
        if result is not None:
            context["preview"] = preview.build(result)
        if (
            result is not None
            and form is not None
            and not result.has_errors()
            and result.has_validation_errors()
            and result.valid_rows()
        ):
            confirm_form = self.create_confirm_form(request, import_form=form)
            confirm_form.initial["valid_rows_only"] = True
            context["confirm_form"] = confirm_form
            context["valid_rows_only"] = True
        return response

    def process_dataset(self, dataset, form, request, **kwargs):
        valid_only = bool(form.cleaned_data.get("valid_rows_only"))
        with transaction.atomic(), reversion.create_revision(manage_manually=True):
            return super().process_dataset(
                dataset,
                form,
                request,
                use_transactions=True,
                rollback_on_validation_errors=not valid_only,
                **kwargs,
            )

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnicodeDecodeError):
            message = gettext(
                "The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again."
            )
        else:
            message = gettext("The file cannot be read: %(error)s") % {"error": e}
        form.add_error("import_file", message)
