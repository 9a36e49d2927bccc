"""Import and export of archive records: sources, places and media metadata.

See `archive/imports/codec.py` for how multi-valued cells are written.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from import_export.fields import Field
from import_export.widgets import Widget

from archive.imports import codec
from archive.imports.fields import (
    ChildrenField,
    IdentifiersField,
    ManyToManyField,
    NamesField,
    lookup_field,
)
from archive.imports.lookups import Lookup
from archive.imports.resource import RecordResource
from archive.imports.sql import insert
from archive.models import Licence, MediaItem, Place, PlaceName, Source, SourceCreator, SourceKind
from archive.translations import with_languages


class CreatorsField(ChildrenField):
    """Credited creators of a source, in order: name|role."""

    parts = ("name", "role")

    def __init__(self, column="creators", **kwargs):
        super().__init__(column, **kwargs)

    def load(self, pks):
        found = defaultdict(list)
        rows = SourceCreator.objects.filter(source_id__in=pks).order_by("order", "pk")
        for source_id, name, role in rows.values_list("source_id", "name", "role"):
            found[source_id].append((name, role))
        return found

    def parse(self, cell):
        roles = {value for value, _ in SourceCreator.Role.choices}
        values = []
        for parts in codec.split(cell):
            if len(parts) > 2:
                raise ValueError(f"“{'|'.join(parts)}” has more than name|role.")
            name, role = (parts + [""])[:2]
            role = role or SourceCreator.Role.AUTHOR
            if role not in roles:
                raise ValueError(
                    f"Unknown creator role “{role}” (known: {', '.join(sorted(roles))})."
                )
            values.append((name, role))
        return values

    def replace(self, pending):
        if stored := self.stored(pending):
            SourceCreator.objects.filter(source_id__in=stored).delete()
        insert(
            SourceCreator,
            [
                SourceCreator(source_id=source.pk, name=name, role=role, order=order)
                for source, values in pending.items()
                for order, (name, role) in enumerate(values)
            ],
        )


class YesNoWidget(Widget):
    """A yes/no column: "yes" or "no" in exports; reads yes/no, true/false, 1/0 (any case),
    and a blank cell as no. Anything else is refused, never read as no."""

    YES = {"yes", "true", "1", "y"}
    NO = {"no", "false", "0", "n", ""}

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().lower()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(f"“{value}” is neither yes nor no.")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


SOURCE_FIELDS = with_languages(Source, [
    "slug", "title", "kind", "status", "creators", "creators_text", "creators_unknown",
    "container_title",
    "publisher", "publication_place", "date", "date_text", "volume", "issue", "pages", "url",
    "accessed", "repository", "call_number", "language", "doi", "isbn", "rights",
    "translated_title", "abstract",
    "transcript", "criticism_note", "identifiers",
])  # fmt: skip


class SourceResource(RecordResource):
    kind = lookup_field("kind", Lookup(SourceKind, by_name="name", label="source kind"))
    creators = CreatorsField()
    # The source names no creator (exports give no author): a state, never a name.
    creators_unknown = Field(
        attribute="creators_unknown", column_name="creators_unknown", widget=YesNoWidget()
    )
    identifiers = IdentifiersField()

    date_fields = (("date", "date_text"),)

    class Meta(RecordResource.Meta):
        model = Source
        fields = SOURCE_FIELDS
        import_order = export_order = SOURCE_FIELDS
        name = "Sources"

    def required_columns(self):
        return ["title", "kind"]


PLACE_FIELDS = with_languages(Place, [
    "slug", "name", "kind", "parent", "status", "latitude", "longitude", "description",
    "name_variants", "identifiers",
])  # fmt: skip


class PlaceResource(RecordResource):
    parent = lookup_field("parent", Lookup(Place, by_name="name", label="place"))
    name_variants = NamesField(PlaceName, "place")
    identifiers = IdentifiersField()

    class Meta(RecordResource.Meta):
        model = Place
        fields = PLACE_FIELDS
        import_order = export_order = PLACE_FIELDS
        name = "Places"
        use_bulk = False  # a row may name an earlier row as its parent

    def required_columns(self):
        return ["name"]

    def after_bulk_save(self, instances):
        # Later rows may name places made by earlier ones as their parent.
        for instance in instances:
            self.fields["parent"].widget.lookup.add(instance.pk, instance.slug)
        super().after_bulk_save(instances)


MEDIA_FIELDS = with_languages(MediaItem, [
    "slug", "title", "status", "caption", "alt_text", "creator", "credit_line", "licence",
    "date", "date_text", "source", "places", "identifiers",
])  # fmt: skip


class MediaItemResource(RecordResource):
    """Metadata of media items that exist: the file itself is uploaded, never imported."""

    licence = lookup_field("licence", Lookup(Licence, by_name="name", label="licence"))
    source = lookup_field("source", Lookup(Source, label="source"))
    places = ManyToManyField("places", Lookup(Place, by_name="name", label="place"))
    identifiers = IdentifiersField()

    date_fields = (("date", "date_text"),)

    class Meta(RecordResource.Meta):
        model = MediaItem
        fields = MEDIA_FIELDS
        import_order = export_order = MEDIA_FIELDS
        name = "Media item metadata"

    def required_columns(self):
        return ["slug"]

    def import_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            raise ValidationError(
                {
                    "slug": f"No media item “{row.get('slug') or ''}”: media items are made by "
                    "uploading their file; an import only updates their metadata."
                }
            )
        super().import_instance(instance, row, **kwargs)


class BulkPlaceResource(PlaceResource):
    """Places written in bulk, for files whose parents all exist before the file is read
    (the Tate import writes countries first, then the places in them)."""

    class Meta(PlaceResource.Meta):
        use_bulk = True
