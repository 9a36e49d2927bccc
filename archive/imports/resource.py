"""The base every record import shares: match on slug, preview, bulk writes, versions.

Rows are matched on ``slug`` (the existing rows of a file, or of a batch, are read in one
query). A row whose fields all equal the record's is reported unchanged and not written; a
changed row lists the columns that change. Rows are written in batches (`write_batch`): new ones
inserted in bulk (COPY on PostgreSQL), changed ones updated in bulk in only the columns that
changed, their child rows (name variants, identifiers, participants...) replaced only where
they differ, every written record versioned in one reversion revision for the whole import,
and the published ones (re)indexed for search. The admin reaches this through
django-import-export's bulk hooks; the command line through `bulk.BatchImporter`.
"""

import copy

from django.core import validators
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from import_export import resources
from import_export.instance_loaders import CachedInstanceLoader

from archive import lifecycle, translations
from archive.changes import log_bulk_writes
from archive.dates import EDTFField
from archive.lifecycle import Status

from . import codec, languages
from .bulk import index_for_search
from .dates import is_edtf, to_edtf
from .fields import ChildrenField, TextWidget
from .revisions import ImportRevision
from .sql import insert

MAX_CELL_CHARS = 100_000
WRITE_BATCH = 2000  # rows per INSERT / UPDATE statement


class PrefetchingInstanceLoader(CachedInstanceLoader):
    """All existing records of the file in one query, and their child rows in one per field."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        resource.prefetch_children([i.pk for i in self.all_instances.values()])
        if dataset is not None and "slug" in (dataset.headers or []):
            new = {str(slug or "").strip() for slug in dataset["slug"]} - set(self.all_instances)
            resource.prefetch_slug_holders(new)


class RecordResource(resources.ModelResource):
    # (EDTF field, "as written" field) pairs
    date_fields: tuple[tuple[str, str], ...] = ()

    class Meta:
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        use_bulk = True
        batch_size = 1000
        instance_loader_class = PrefetchingInstanceLoader
        clean_model_instances = True
        store_instance = False
        use_transactions = True

    def __init__(self, html_diff: bool = True, **kwargs):
        super().__init__(**kwargs)
        if not html_diff:  # the command line shows no diff: skip building it for each row
            self._meta = copy.copy(self._meta)
            self._meta.skip_html_diff = True
        self._children: dict[str, dict] = {}
        self._import_fields = None
        self._columns: dict[str, str] = {}
        self._original = None
        self._row = {}
        self.user = None
        self.may_publish = True
        self.revision = None
        self._slugs_in_file: dict[str, int] = {}
        self._new_slugs: set[str] = set()
        self._slug_holders: dict[str, str] = {}  # slugs of new rows other records hold
        model = self._meta.model
        for field in self.fields.values():
            if isinstance(field, ChildrenField):
                field.resource = self
            # `title` is the English column whatever language is active (not modeltranslation's
            # field, which reads and writes the active language's).
            if field.attribute and translations.is_translated(model, field.attribute):
                field.attribute = translations.column(model, field.attribute)

    # --- fields -------------------------------------------------------------------------
    @classmethod
    def widget_from_django_field(cls, f, default=TextWidget):
        if f.get_internal_type() in ("CharField", "TextField", "SlugField", "URLField"):
            return TextWidget
        return super().widget_from_django_field(f, default)

    def get_import_fields(self):
        # import-export recomputes the ordered list on every call, several times a row.
        if self._import_fields is None:
            self._import_fields = super().get_import_fields()
            self._columns = {f.attribute: f.column_name for f in self._import_fields}
        return self._import_fields

    def column_of(self, attribute: str) -> str:
        """The file's column for a model attribute (“kind”, not “kind_id”)."""
        self.get_import_fields()
        return self._columns.get(attribute, attribute)

    def children_fields(self) -> list[ChildrenField]:
        return [f for f in self.get_import_fields() if isinstance(f, ChildrenField)]

    def children_cache(self, field: ChildrenField) -> dict:
        return self._children.setdefault(field.column_name, {})

    def prefetch_children(self, pks: list) -> None:
        for field in self.children_fields():
            self._children[field.column_name] = dict(field.load(pks)) if pks else {}

    def prefetch_slug_holders(self, slugs) -> None:
        """The lifecycle's refusals for new rows' slugs that other records hold as an old
        slug: one look-up for a file or a batch."""
        self._slug_holders.update(lifecycle.slug_holders(self._meta.model, slugs, current=False))

    def before_export(self, queryset, **kwargs):
        """Child rows for the whole export in one query per multi-valued column."""
        if hasattr(queryset, "values_list"):
            pks = list(queryset.values_list("pk", flat=True))
        else:
            pks = [obj.pk for obj in queryset]
        self.prefetch_children(pks)

    @classmethod
    def help_text(cls) -> str:
        return codec.HELP

    # --- the import as a whole ----------------------------------------------------------
    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user")
        if self.user is not None:
            opts = self._meta.model._meta
            self.may_publish = self.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")
        self.revision = kwargs.get("revision") or ImportRevision(
            self.user, f"Imported from {kwargs.get('file_name') or 'a file'}."
        )

    def _check_import_id_fields(self, headers):
        """Without a slug column every row is new; then the required columns must be there."""
        headers = [h for h in (headers or []) if h is not None]
        languages.check_headers(self._meta.model, headers)
        headers += languages.default_columns(self._meta.model, headers).values()
        known = {f.column_name for f in self.get_import_fields()}
        if "slug" not in headers and not any(h in known for h in headers):
            raise ValidationError(
                gettext("No known column in this file. Columns are: %(columns)s.")
                % {"columns": ", ".join(sorted(known))}
            )
        missing = [c for c in self.required_columns() if c not in headers]
        if missing and "slug" not in headers:
            raise ValidationError(
                gettext("Missing column(s): %(columns)s.") % {"columns": ", ".join(missing)}
            )

    def required_columns(self) -> list[str]:
        return []

    # --- one row ------------------------------------------------------------------------
    def before_import_row(self, row, **kwargs):
        self._row = {
            "notes": [], "readings": [], "changed": [], "number": kwargs.get("row_number")
        }  # fmt: skip
        for column, value in row.items():
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise ValidationError(
                    {column: gettext("The cell holds %(size)s characters; the limit is %(limit)s.")
                     % {"size": f"{len(value):,}", "limit": f"{MAX_CELL_CHARS:,}"}}
                )  # fmt: skip

    def after_init_instance(self, instance, new, row, **kwargs):
        instance._import_status = None if new else instance.status

    def import_instance(self, instance, row, **kwargs):
        # Errors name the column, not the model attribute (“kind”, not “kind_id”).
        errors = languages.read_default_columns(self._meta.model, row)
        for field in self.get_import_fields():
            if field.column_name not in row or field.readonly:
                continue
            try:
                field.save(instance, row)
            except ValueError as e:
                errors[field.column_name] = ValidationError(str(e), code="invalid")
        # Blank cells the kind fills by default are filled before the row is compared with
        # the stored record, as saving would fill them (a blank sort name is the name).
        lifecycle.fill_defaults(instance)
        self._import_dates(instance, row, errors)
        self._check_status(instance, row, errors)
        self._check_slug(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def _import_dates(self, instance, row, errors) -> None:
        for date_field, text_field in self.date_fields:
            if date_field in errors or text_field in errors:
                continue
            value = (getattr(instance, date_field) or "").strip()
            written = (getattr(instance, text_field) or "").strip()
            original = self._original
            if (
                value
                and date_field not in row
                and text_field in row
                and original is not None
                and written != (getattr(original, text_field) or "").strip()
            ):
                # The date as written changed and the file has no EDTF column: read it anew.
                value = ""
                setattr(instance, date_field, "")
            if value:
                if is_edtf(value):
                    continue
                result = to_edtf(value)
                setattr(instance, text_field, written or value)
            elif written and text_field in row:
                result = to_edtf(written)
            else:
                continue
            setattr(instance, date_field, result.edtf)
            if result.flagged:
                self._row["notes"].append(
                    f"{date_field}: “{result.text}” — {result.note}"
                    + (f" (EDTF {result.edtf})" if result.edtf else "")
                )
            elif result.edtf and result.edtf != result.text:
                self._row["readings"].append(
                    gettext("%(field)s: “%(text)s” read as %(edtf)s")
                    % {"field": date_field, "text": result.text, "edtf": result.edtf}
                )

    def _check_status(self, instance, row, errors) -> None:
        if "status" in errors:
            return
        before = instance._import_status
        if not instance.status or (before is None and "status" not in row and not self.may_publish):
            instance.status = before or Status.DRAFT  # a blank cell keeps what is, or draft
        found = lifecycle.status_refusals(instance.status, before, may_publish=self.may_publish)
        if found:
            errors["status"] = ValidationError(found)

    def _check_slug(self, instance, row, errors) -> None:
        slug = instance.slug
        if not slug:
            return
        if refusal := lifecycle.slug_refusal(slug):
            errors["slug"] = ValidationError(refusal)
            return
        number = self._row["number"]
        first = self._slugs_in_file.setdefault(slug, number)
        if first != number:
            # Rows are numbered as in a spreadsheet: the heading is row 1.
            row_name = gettext("row %(number)d") % {"number": first + 1}
            errors["slug"] = ValidationError(lifecycle.slug_taken(slug, row_name))
        elif instance.pk is None and slug in self._slug_holders:
            errors["slug"] = ValidationError(self._slug_holders[slug])

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Model.clean_fields() and clean(), without what costs a query or the EDTF parser.

        Foreign keys were resolved from look-ups of existing rows (checking them again would
        cost a query per row; required ones must still be there); EDTF dates were read and
        checked by _import_dates; slugs by _check_slug. Plain text columns are checked by
        length and NUL bytes inline; any that fails, and every other kind of column, goes
        through the field's own clean(), so the messages are Django's own."""
        errors = dict(import_validation_errors or {})
        model = type(instance)
        # A changed row of a published record by a cataloguer: the change needs review, which
        # only the admin form offers (archive/proposals.py).
        stored = getattr(instance, "_import_status", None)
        if found := lifecycle.review_refusal(instance, stored, may_publish=self.may_publish):
            errors.setdefault("__all__", ValidationError(found))
        # The lifecycle's rules first (required fields, status, what publishing demands), in
        # its words; then what each field checks itself.
        columns = {f.name: self.column_of(f.name) for f in model._meta.fields}
        failed = set(errors) | {name for name, column in columns.items() if column in errors}
        refused = lifecycle.field_refusals(instance, exclude=failed | {"status", "slug"})
        for name, messages in lifecycle.record_refusals(instance).items():
            refused.setdefault(name, messages)
        for name, messages in refused.items():
            errors.setdefault(self.column_of(name), ValidationError(messages))
        for field, plain in self._checked_fields(model):
            column = self.column_of(field.name)
            if field.is_relation:
                if not field.null and getattr(instance, field.attname) is None:
                    message = lifecycle.required_message(model, field)
                    errors.setdefault(column, ValidationError(message))
                continue
            if field.name in errors or column in errors:
                continue
            raw = getattr(instance, field.attname)
            if field.blank and raw in field.empty_values:
                continue
            fits = plain is True or (plain and isinstance(raw, str) and len(raw) <= plain)
            if fits and isinstance(raw, str) and "\x00" not in raw:
                continue
            try:
                setattr(instance, field.attname, field.clean(raw, instance))
            except ValidationError as e:
                errors[column] = e.error_list
        if "__all__" not in errors and self._needs_clean(instance):
            try:
                instance.clean()
            except ValidationError as e:
                for key, value in e.update_error_dict({}).items():
                    errors.setdefault(self.column_of(key), value)
        if errors:
            raise ValidationError(errors)

    _checked_cache: dict = {}

    @classmethod
    def _checked_fields(cls, model) -> list[tuple]:
        """(field, plain) for the fields validate_instance checks: `plain` is the max length
        (or True) of text fields with no other check, False for fields to clean()."""
        if model not in cls._checked_cache:
            fields = []
            for field in model._meta.concrete_fields:
                if field.primary_key or getattr(field, "generated", False):
                    continue
                if not field.is_relation and (
                    field.name in ("slug", "status")  # the lifecycle's (_check_status/_slug)
                    or not field.editable
                    or isinstance(field, EDTFField)
                ):
                    continue
                fields.append((field, cls._plain(field)))
            cls._checked_cache[model] = fields
        return cls._checked_cache[model]

    @staticmethod
    def _plain(field):
        if type(field) not in (models.CharField, models.TextField) or field.choices:
            return False
        allowed = (validators.MaxLengthValidator, validators.ProhibitNullCharactersValidator)
        if not all(type(v) in allowed for v in field.validators):
            return False
        return field.max_length or True

    @staticmethod
    def _needs_clean(instance) -> bool:
        """Record.clean() checks citation markers; skip it (and its query) without any."""
        from archive.models import Record

        if type(instance).clean is not Record.clean:
            return True
        return any("[@" in text for text in instance.cited_texts())

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors:
            return False
        if instance.pk is None:
            return False  # new: the preview lists changed columns of updated rows only
        original = self._original if original is None else original
        changed = []
        for field in self.get_import_fields():
            if field.column_name not in row or field.column_name == "slug":
                continue
            if not self._same(field, original, instance):
                changed.append(field.column_name)
        self._row["changed"] = changed
        return instance.pk is not None and not changed

    def _same(self, field, original, instance) -> bool:
        """Equal values (40.4093 is the stored 40.409300), or equal as exported."""
        if not isinstance(field, ChildrenField) and field.attribute:
            missing = object()
            before = getattr(original, field.attribute, missing)
            if before is not missing and before == getattr(instance, field.attribute, missing):
                return True
        return self._export(field, original) == self._export(field, instance)

    def _export(self, field, instance) -> str:
        value = field.export(instance)
        return "" if value is None else str(value)

    def after_import_row(self, row, row_result, **kwargs):
        row_result.number = self._row.get("number")
        row_result.notes = self._row.get("notes", [])
        row_result.readings = self._row.get("readings", [])
        row_result.changed_fields = self._row.get("changed", [])

    # --- writing ------------------------------------------------------------------------
    def before_save_instance(self, instance, row, **kwargs):
        # A new row without a slug gets one when it is written (`assign_slugs`): a batch's
        # rows then need one query for all, and the slugs later rows of the batch give.
        lifecycle.prepare(instance, slug=False)
        if instance.cited_text_fields and any("[@" in t for t in instance.cited_texts()):
            instance.update_citation_keys()  # a marker naming an old slug: the current one
        instance.updated_at = timezone.now()
        self.prepare(instance)

    def prepare(self, instance) -> None:
        """What the model's save() would do that bulk writes skip."""

    def assign_slugs(self, instances: list) -> None:
        """Slugs for new rows without one, from their names (“heydar-aliyev”, “-2” when taken):
        one query for the batch, and one per 200 names already taken."""
        need = [i for i in instances if not i.slug]
        if not need:
            return
        model = self._meta.model
        bases = {id(i): lifecycle.slug_base(str(i), model) for i in need}
        manager = self._meta.model._default_manager
        taken = set(manager.filter(slug__in=set(bases.values())).values_list("slug", flat=True))
        mine = self._new_slugs | set(self._slugs_in_file)
        clashing = sorted({b for b in bases.values() if b in taken or b in mine})
        for start in range(0, len(clashing), 200):
            numbered = models.Q()
            for base in clashing[start : start + 200]:
                numbered |= models.Q(slug__startswith=f"{base}-")
            taken |= set(manager.filter(numbered).values_list("slug", flat=True))
        for instance in need:
            base = bases[id(instance)]
            slug, n = base, 2
            while slug in taken or slug in mine:
                slug, n = f"{base}-{n}", n + 1
            mine.add(slug)
            self._new_slugs.add(slug)
            instance.slug = slug

    def _writes(self, using_transactions, dry_run) -> bool:
        return using_transactions or not dry_run

    # The admin's path (import-export) collects rows and calls these two per batch.
    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        instances = list(self.create_instances)
        self.create_instances.clear()
        if instances and self._writes(using_transactions, dry_run):
            try:
                with transaction.atomic():
                    self.write_batch(instances, [])
            except (DatabaseError, ValueError) as e:
                self.handle_import_error(result, e, raise_errors)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        instances = list(self.update_instances)
        self.update_instances.clear()
        if instances and self._writes(using_transactions, dry_run):
            try:
                with transaction.atomic():
                    self.write_batch([], instances)
            except (DatabaseError, ValueError) as e:
                self.handle_import_error(result, e, raise_errors)

    def write_batch(self, creates: list, updates: list) -> None:
        """Write a batch of checked rows: new ones in bulk, updated ones with only the
        columns that changed; then their child rows, versions and search entries."""
        manager = self._meta.model._default_manager
        self.assign_slugs(creates)
        if creates:
            insert(self._meta.model, creates, batch_size=WRITE_BATCH)
        if updates:
            self.revision.before_update([i._import_original for i in updates])
            fields = self._changed_columns(updates)
            if fields:
                manager.bulk_update(updates, fields, batch_size=WRITE_BATCH)
        self.after_bulk_save(creates + updates)
        index_for_search(self._meta.model, creates + updates)
        log_bulk_writes(self._meta.model, creates + updates)  # no signals: log them here

    def _changed_columns(self, instances: list) -> list[str]:
        fields = [
            f
            for f in self._meta.model._meta.concrete_fields
            if not f.primary_key and f.name != "created_at"
        ]
        return [
            f.name
            for f in fields
            if any(
                getattr(i, f.attname) != getattr(i._import_original, f.attname) for i in instances
            )
        ]

    def save_instance(self, instance, is_create, row, **kwargs):
        if not is_create:
            instance._import_original = self._original
        super().save_instance(instance, is_create, row, **kwargs)

    def do_instance_save(self, instance, is_create):
        """Row by row, for kinds whose rows may name an earlier row (a place's parent).
        Model.save() sends the signals that keep the search index in step."""
        if not is_create:
            self.revision.before_update([instance._import_original])
        self.assign_slugs([instance])
        with transaction.atomic():
            instance.save(force_insert=is_create)
            self.after_bulk_save([instance])

    def get_or_init_instance(self, instance_loader, row):
        instance, new = super().get_or_init_instance(instance_loader, row)
        self._original = None if new else copy.copy(instance)
        return instance, new

    def after_bulk_save(self, instances: list) -> None:
        """Child rows (only those that differ from what is stored), citations, versions."""
        for field in self.children_fields():
            key = field.pending_key()
            cache = self.children_cache(field)
            pending = {}
            for instance in instances:
                if key not in instance.__dict__:
                    continue
                values = instance.__dict__[key]
                stored = [] if getattr(instance, "_import_original", None) is None else None
                if stored is None:
                    stored = cache.get(instance.pk, [])
                if list(values) != list(stored):
                    pending[instance] = values
            if pending:
                field.replace(pending)
            for instance in instances:
                if key in instance.__dict__:
                    cache[instance.pk] = instance.__dict__[key]
        for instance in instances:
            if instance.cited_text_fields and any("[@" in text for text in instance.cited_texts()):
                instance.sync_citations()
            instance._loaded_slug = instance.slug
        self.revision.add(instances)
