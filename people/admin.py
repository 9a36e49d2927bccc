from django.contrib import admin

from archive.admin import CitationInline, ClaimInline, IdentifierInline, RecordAdmin, TermAdmin
from archive.admin.base import DecadeListFilter
from archive.imports.admin import RecordImportExportMixin
from people.admin_duplicates import DuplicatesAdminMixin
from people.models import ContributionRole, Person, PersonName
from people.resources import PersonResource


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 0
    fields = ["name", "language", "script", "kind"]


class BirthDecadeFilter(DecadeListFilter):
    title = "born"
    parameter_name = "born"
    date_field = "birth_date"


@admin.register(Person)
class PersonAdmin(DuplicatesAdminMixin, RecordImportExportMixin, RecordAdmin):
    resource_classes = [PersonResource]
    list_display = ["name", "sort_name", "lifetime_display", "summary", "status"]
    list_filter = ["status", BirthDecadeFilter]
    search_fields = ["name", "sort_name", "slug", "names__name"]
    autocomplete_fields = ["birth_place", "death_place", "portrait", "media"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PersonNameInline, IdentifierInline, CitationInline, ClaimInline]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "status", "summary"]}),
        (
            "Life",
            {
                "fields": [
                    ("birth_date", "birth_date_text"),
                    "birth_place",
                    ("death_date", "death_date_text"),
                    "death_place",
                ]  # fmt: skip
            },
        ),
        ("Biography", {"fields": ["biography"]}),
        ("Media", {"fields": ["portrait", "media"]}),
        ("History", {"fields": ["published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description="lifetime", ordering="birth_date_earliest")
    def lifetime_display(self, obj):
        return obj.lifetime


@admin.register(ContributionRole)
class ContributionRoleAdmin(TermAdmin):
    pass
