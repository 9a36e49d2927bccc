from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive.dates import describe
from archive.imports.admin import RecordImportExportMixin
from archive.models import Citation, Claim, Place, PlaceName, Source, SourceCreator
from archive.numbers import plain
from archive.resources import PlaceResource, SourceResource

from .base import (
    NUMBERS,
    CitationInline,
    ClaimInline,
    DecadeListFilter,
    IdentifierInline,
    IndexedValuesListFilter,
    RecordAdmin,
)
from .citedby import cited_by_html
from .claims import ClaimForm, disagreements, states_something_new
from .languages import LanguagesAdminMixin
from .paging import EstimatedCountPaginator
from .searching import IndexedSearchMixin
from .source_filter import SourceTextFilter


class SourceCreatorInline(admin.TabularInline):
    model = SourceCreator
    extra = 0
    fields = ["name", "role", "order"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")  # for the row's sentence


def rows_citing(model):
    """How many rows of `model` cite each source, as a subquery per listed row: PostgreSQL
    computes it for the page's rows only (a join and GROUP BY counted every source's rows
    before sorting: 6.6 s for the list at 350,000 sources)."""
    rows = model._default_manager.filter(source=OuterRef("pk")).order_by().values("source")
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


@admin.register(Source)
class SourceAdmin(RecordImportExportMixin, RecordAdmin):
    resource_classes = [SourceResource]
    list_display = ["title", "kind", "date_display", "container_title", "cited_by", "status"]
    list_select_related = ["kind"]
    list_filter = ["status", "kind", DecadeListFilter, ("language", IndexedValuesListFilter)]
    search_fields = ["title", "slug", "container_title", "creators_text", "creators__name"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SourceCreatorInline, IdentifierInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status"]}),
        (
            _("Bibliographic record"),
            {
                "fields": [
                    "creators_text",
                    "creators_unknown",
                    "container_title",
                    "publisher",
                    "publication_place",
                    ("date", "date_text"),
                    "volume",
                    "issue",
                    "pages",
                    "language",
                    "doi",
                    "isbn",
                ]  # fmt: skip
            },
        ),
        (
            _("Where to find it"),
            {"fields": ["url", "accessed", "repository", "call_number", "rights", "licence"]},
        ),
        (_("Content"), {"fields": ["abstract", "transcript"]}),
        (_("Source criticism"), {"fields": ["criticism_note"]}),
        (_("Cited by"), {"fields": ["cited_by_records"]}),
        (_("History"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]
    readonly_fields = [*RecordAdmin.readonly_fields, "cited_by_records"]

    class Media:
        css = {"all": ["css/admin-cited-by.css"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(citation_count=rows_citing(Citation), claim_count=rows_citing(Claim))
        )

    @admin.display(description=_("date"), ordering="date_earliest")
    def date_display(self, obj):
        return describe(obj.date)

    @admin.display(description=_("what cites it"))
    def cited_by_records(self, obj):
        return cited_by_html(obj)

    @admin.display(description=_("cited by"))
    def cited_by(self, obj):
        url = reverse("admin:archive_citation_changelist") + f"?source__id__exact={obj.pk}"
        return format_html(
            gettext('<a href="{}">{} citations</a>, {} claims'),
            url,
            obj.citation_count,
            obj.claim_count,
        )


class PlaceNameInline(LanguagesAdminMixin, admin.TabularInline):
    model = PlaceName
    extra = 0
    fields = ["name", "language", "script", "kind", "source", "locator"]
    autocomplete_fields = ["source"]


@admin.register(Place)
class PlaceAdmin(RecordImportExportMixin, RecordAdmin):
    resource_classes = [PlaceResource]
    list_display = ["name", "kind", "parent", "latitude_display", "longitude_display", "status"]
    list_select_related = ["parent"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "slug", "names__name"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PlaceNameInline, IdentifierInline, CitationInline, ClaimInline]
    fields = [
        "name", "slug", "status", "kind", "parent", "latitude", "longitude", "description",
        "published_at", "created_at", "updated_at",
    ]  # fmt: skip

    @admin.display(description=_("latitude"), ordering="latitude")
    def latitude_display(self, obj):
        return plain(obj.latitude)

    @admin.display(description=_("longitude"), ordering="longitude")
    def longitude_display(self, obj):
        return plain(obj.longitude)


class RecordLinkAdmin(IndexedSearchMixin, admin.ModelAdmin):
    """Lists of citations and claims across the archive: what cites a source."""

    list_select_related = ["source", "content_type"]
    list_per_page = 100
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    formfield_overrides = NUMBERS
    autocomplete_fields = ["source"]
    search_fields = ["source__title", "locator", "quotation"]

    def get_queryset(self, request):
        # Each row's checkbox is labelled by its `__str__` ("… cites “…”"): its records load
        # with the page, one query per kind. (Its `str_select_related` are in
        # `list_select_related`; a select_related here would make the list skip those.)
        prefetch = getattr(self.model, "str_prefetch_related", ())
        return super().get_queryset(request).prefetch_related(*prefetch)

    @admin.display(description=_("record"))
    def record_link(self, obj):
        return f"{obj.content_type.name} #{obj.object_id}"

    def has_add_permission(self, request):
        return False  # added inline on the record they belong to


@admin.register(Citation)
class CitationAdmin(RecordLinkAdmin):
    list_display = ["source", "record_link", "locator", "quotation", "from_text"]
    list_filter = ["content_type", "from_text", ("source", SourceTextFilter)]
    fields = ["content_type", "object_id", "source", "locator", "quotation", "note", "order"]


@admin.register(Claim)
class ClaimAdmin(RecordLinkAdmin):
    form = ClaimForm
    list_display = ["attribute", "value", "source", "record_link", "locator"]
    list_select_related = ["source", "content_type", "attribute"]
    list_filter = ["attribute", "content_type", ("source", SourceTextFilter)]
    fields = [
        "content_type", "object_id", "attribute", "source", "value_number", "value_lower",
        "value_upper", "value_text", "value_date", "value_record", "reads_as", "locator",
        "quotation", "note", "order",
    ]  # fmt: skip
    readonly_fields = ["reads_as"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("value_record")

    @admin.display(description=_("value"))
    def value(self, obj):
        return obj.value_display

    @admin.display(description=_("reads as"))
    def reads_as(self, obj):
        return obj.value_display if obj.pk else ""

    def save_model(self, request, obj, form, change):
        new = not change or states_something_new(form)
        super().save_model(request, obj, form, change)
        for warning in disagreements([obj]) if new else ():
            messages.warning(request, warning)
