"""Resource fields for import files: look-ups by slug, and multi-valued cells of child rows."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from import_export.fields import Field
from import_export.widgets import Widget

from archive.models import Source

from . import codec
from .lookups import Lookup
from .sql import insert


class LookupWidget(Widget):
    """A foreign key written as the related row's slug (or, for some, its name)."""

    def __init__(self, lookup: Lookup, *, required: bool = False):
        super().__init__()
        self.lookup = lookup
        self.required = required

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value).strip()
        if not text:
            if self.required:
                raise ValueError(gettext("A %(kind)s is required.") % {"kind": self.lookup.label})
            return None
        return self.lookup.pk(text)

    def render(self, value, obj=None, **kwargs):
        return self.lookup.slug(value)


class TextWidget(Widget):
    """Plain text: strip spaces, keep everything else; never None."""

    def __init__(self, **kwargs):
        kwargs.pop("allow_blank", None)
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


def lookup_field(column: str, lookup: Lookup, *, required=False) -> Field:
    return Field(
        attribute=f"{column}_id",
        column_name=column,
        widget=LookupWidget(lookup, required=required),
    )


def text_field(column: str) -> Field:
    return Field(attribute=column, column_name=column, widget=TextWidget())


class ChildrenField(Field):
    """A cell holding child rows (name variants, identifiers, participants...).

    Importing parks the parsed values on the instance; the resource writes them in bulk after
    the batch is saved. Exporting reads values the resource prefetched for the whole file.
    Subclasses define `parts` (for the help text), `load`, `parse` and `replace`.
    """

    parts: tuple[str, ...] = ()

    def __init__(self, column: str, **kwargs):
        super().__init__(attribute=column, column_name=column, widget=TextWidget(), **kwargs)
        self.resource = None  # set by the resource

    # --- reading what exists -------------------------------------------------------------
    def load(self, pks: list[int]) -> dict[int, list[tuple]]:
        raise NotImplementedError

    # --- reading a cell --------------------------------------------------------------------
    def parse(self, cell) -> list[tuple]:
        """Values of a cell, or ValueError naming the bad value."""
        raise NotImplementedError

    # --- writing ---------------------------------------------------------------------------
    def replace(self, pending: dict) -> None:
        """`pending` maps saved instances to their new values: make the rows say exactly that."""
        raise NotImplementedError

    @staticmethod
    def stored(pending: dict) -> list:
        """Primary keys of the records in `pending` that existed before this import (a new
        record has no child rows to delete)."""
        return [i.pk for i in pending if getattr(i, "_import_original", None) is not None]

    def pending_key(self) -> str:
        return f"_import_{self.column_name}"

    def save(self, instance, row, is_m2m=False, **kwargs):
        values = self.parse(row.get(self.column_name))
        instance.__dict__[self.pending_key()] = values

    def values_of(self, instance) -> list[tuple]:
        pending = instance.__dict__.get(self.pending_key())
        if pending is not None:
            return pending
        if instance.pk is None:
            return []
        return self.resource.children_cache(self).get(instance.pk, [])

    def export(self, instance, **kwargs):
        return codec.join(self.values_of(instance))

    def get_value(self, instance):
        return self.export(instance)


class GenericChildrenMixin:
    """Children linked through content_type/object_id (identifiers)."""

    def content_type(self):
        return ContentType.objects.get_for_model(self.resource._meta.model)


class IdentifiersField(GenericChildrenMixin, ChildrenField):
    parts = ("scheme:value",)

    def __init__(self, column="identifiers", **kwargs):
        super().__init__(column, **kwargs)
        self.schemes: dict[str, object] | None = None

    def _schemes(self):
        from archive.models import IdentifierScheme

        if self.schemes is None:
            self.schemes = {s.slug: s for s in IdentifierScheme.objects.all()}
        return self.schemes

    def load(self, pks):
        from archive.models import Identifier

        found = defaultdict(list)
        rows = (
            Identifier.objects.filter(content_type=self.content_type(), object_id__in=pks)
            .order_by("scheme__order", "scheme__slug", "value")
            .values_list("object_id", "scheme__slug", "value")
        )
        for object_id, scheme, value in rows:
            found[object_id].append((f"{scheme}:{value}",))
        return found

    def parse(self, cell):
        values = []
        for parts in codec.split(cell):
            text = parts[0]
            scheme, sep, value = text.partition(":")
            if not sep or not value.strip():
                raise ValueError(
                    gettext("“%(text)s” is not scheme:value (wikidata:Q151580).") % {"text": text}
                )
            if scheme.strip() not in self._schemes():
                known = ", ".join(sorted(self._schemes()))
                raise ValueError(
                    gettext("Unknown identifier scheme “%(scheme)s” (known: %(known)s).")
                    % {"scheme": scheme, "known": known}
                )
            values.append((f"{scheme.strip()}:{value.strip()}",))
        return sorted(
            dict.fromkeys(values),
            key=lambda v: (self._schemes()[v[0].split(":")[0]].order, v[0]),
        )

    def replace(self, pending):
        from archive.models import Identifier

        content_type = self.content_type()
        if stored := self.stored(pending):
            Identifier.objects.filter(content_type=content_type, object_id__in=stored).delete()
        rows = []
        for instance, values in pending.items():
            for (text,) in values:
                scheme, _, value = text.partition(":")
                rows.append(
                    Identifier(
                        content_type=content_type,
                        object_id=instance.pk,
                        scheme=self._schemes()[scheme],
                        value=value,
                    )
                )
        insert(Identifier, rows)


class NamesField(ChildrenField):
    """Name variants: name|language|script|kind|source|locator (the source that gives the
    name, by slug, and where in it; both optional)."""

    parts = ("name", "language", "script", "kind", "source", "locator")

    def __init__(self, model, fk: str, column="name_variants", **kwargs):
        super().__init__(column, **kwargs)
        self.model = model
        self.fk = fk

    def load(self, pks):
        found = defaultdict(list)
        rows = self.model._default_manager.filter(**{f"{self.fk}_id__in": pks}).values_list(
            f"{self.fk}_id", "name", "language", "script", "kind", "source__slug", "locator"
        )
        for owner, *parts in sorted(
            rows, key=lambda r: (r[0], r[2], r[1], r[3], r[4], r[5] or "", r[6])
        ):
            parts[4] = parts[4] or ""
            found[owner].append(tuple(parts))
        return found

    def parse(self, cell):
        kinds = {value for value, _ in self.model.Kind.choices}
        values = []
        for parts in codec.split(cell):
            if len(parts) > 6:
                raise ValueError(
                    gettext("“%(value)s” has more than name|language|script|kind|source|locator.")
                    % {"value": "|".join(parts)}
                )
            name, language, script, kind, source, locator = (parts + [""] * 6)[:6]
            kind = kind or self.model.Kind.NATIVE
            if not name:
                raise ValueError(gettext("A name variant without a name."))
            if kind not in kinds:
                raise ValueError(
                    gettext("Unknown name kind “%(kind)s” (known: %(known)s).")
                    % {"kind": kind, "known": ", ".join(sorted(kinds))}
                )
            if len(script) not in (0, 4):
                raise ValueError(
                    gettext("Script “%(script)s” is not an ISO 15924 code such as Latn.")
                    % {"script": script}
                )
            if locator and not source:
                raise ValueError(
                    gettext("“%(name)s” has a locator (%(locator)s) but no source.")
                    % {"name": name, "locator": locator}
                )
            values.append((name, language, script, kind, source, locator))
        wanted = {value[4] for value in values if value[4]}
        if wanted:
            known = set(Source.objects.filter(slug__in=wanted).values_list("slug", flat=True))
            if unknown := sorted(wanted - known):
                raise ValueError(
                    gettext("No source has the slug “%(slug)s”.") % {"slug": unknown[0]}
                )
        return sorted(dict.fromkeys(values), key=lambda v: (v[1], v[0], v[2], v[3], v[4], v[5]))

    def replace(self, pending):
        if stored := self.stored(pending):
            self.model._default_manager.filter(**{f"{self.fk}_id__in": stored}).delete()
        slugs = {value[4] for values in pending.values() for value in values if value[4]}
        sources = dict(Source.objects.filter(slug__in=slugs).values_list("slug", "pk"))
        rows = [
            self.model(
                **{f"{self.fk}_id": instance.pk},
                name=name,
                language=language,
                script=script,
                kind=kind,
                source_id=sources.get(source),
                locator=locator,
            )
            for instance, values in pending.items()
            for name, language, script, kind, source, locator in values
        ]
        insert(self.model, rows)


class ManyToManyField(ChildrenField):
    """A many-to-many relation written as the related rows' slugs."""

    parts = ("slug",)

    def __init__(self, column: str, lookup: Lookup, **kwargs):
        super().__init__(column, **kwargs)
        self.lookup = lookup

    def _through(self):
        field = self.resource._meta.model._meta.get_field(self.column_name)
        through = field.remote_field.through
        return through, field.m2m_field_name(), field.m2m_reverse_field_name()

    def load(self, pks):
        through, own, other = self._through()
        found = defaultdict(list)
        rows = through.objects.filter(**{f"{own}_id__in": pks}).values_list(
            f"{own}_id", f"{other}_id"
        )
        for owner, related in rows:
            found[owner].append((self.lookup.slug(related),))
        return {owner: sorted(values) for owner, values in found.items()}

    def parse(self, cell):
        values = []
        for parts in codec.split(cell):
            self.lookup.pk(parts[0])  # raises for an unknown one
            values.append((self.lookup.slug(self.lookup.pk(parts[0])),))
        return sorted(dict.fromkeys(values))

    def replace(self, pending):
        through, own, other = self._through()
        if stored := self.stored(pending):
            through.objects.filter(**{f"{own}_id__in": stored}).delete()
        rows = [
            through(**{f"{own}_id": instance.pk, f"{other}_id": self.lookup.pk(slug)})
            for instance, values in pending.items()
            for (slug,) in values
        ]
        insert(through, rows)
