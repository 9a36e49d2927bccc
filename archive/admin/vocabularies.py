from django.contrib import admin

from archive.models import ClaimAttribute, IdentifierScheme, Licence, SourceKind

from .languages import LanguagesAdminMixin
from .searching import IndexedSearchMixin


class TermAdmin(IndexedSearchMixin, LanguagesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(SourceKind)
class SourceKindAdmin(TermAdmin):
    list_display = ["name", "slug", "csl_type", "bibtex_type", "ris_type", "is_opinion", "order"]


@admin.register(ClaimAttribute)
class ClaimAttributeAdmin(TermAdmin):
    list_display = ["name", "slug", "value_kind", "unit", "order"]
    list_filter = ["value_kind"]


@admin.register(Licence)
class LicenceAdmin(TermAdmin):
    list_display = ["name", "slug", "uri", "order"]


@admin.register(IdentifierScheme)
class IdentifierSchemeAdmin(TermAdmin):
    list_display = ["name", "slug", "url_template", "order"]
