from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from archive import registry
from archive.admin import CitationInline, ClaimInline, IdentifierInline, RecordAdmin, TermAdmin
from archive.admin.base import DecadeListFilter
from archive.admin.choosers import LargeAutocompleteMixin
from archive.admin.languages import LanguagesAdminMixin
from archive.admin.rowchoices import RowChoicesInlineMixin
from archive.imports.admin import RecordImportExportMixin
from archive.models import MediaItem, Source
from people.admin_duplicates import DuplicatesAdminMixin
from people.models import (
    ContributionRole,
    Organisation,
    OrganisationName,
    OrganisationType,
    Person,
    PersonName,
    Publication,
)
from people.resources import OrganisationResource, PersonResource


class PersonNameInline(LanguagesAdminMixin, admin.TabularInline):
    model = PersonName
    extra = 0
    fields = ["name", "language", "script", "kind", "source", "locator"]
    autocomplete_fields = ["source"]


class BirthDecadeFilter(DecadeListFilter):
    title = _("born")
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
            _("Life"),
            {
                "fields": [
                    ("birth_date", "birth_date_text"),
                    "birth_place",
                    ("death_date", "death_date_text"),
                    "death_place",
                ]  # fmt: skip
            },
        ),
        (_("Biography"), {"fields": ["biography"]}),
        (_("Media"), {"fields": ["portrait", "media"]}),
        (_("History"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("lifetime"), ordering="birth_date_earliest")
    def lifetime_display(self, obj):
        return obj.lifetime


@admin.register(ContributionRole)
class ContributionRoleAdmin(TermAdmin):
    pass


class OrganisationNameInline(LanguagesAdminMixin, admin.TabularInline):
    model = OrganisationName
    extra = 0
    fields = ["name", "language", "script", "kind", "source", "locator"]
    autocomplete_fields = ["source"]


class FoundedDecadeFilter(DecadeListFilter):
    title = _("founded")
    parameter_name = "founded"
    date_field = "founded"


@admin.register(Organisation)
class OrganisationAdmin(RecordImportExportMixin, RecordAdmin):
    resource_classes = [OrganisationResource]
    list_display = ["name", "organisation_type", "existence_display", "parent", "status"]
    list_select_related = ["organisation_type", "parent"]
    list_filter = ["status", "organisation_type", FoundedDecadeFilter]
    search_fields = ["name", "sort_name", "slug", "names__name"]
    autocomplete_fields = ["places", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationNameInline, IdentifierInline, CitationInline, ClaimInline]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "status", "organisation_type", "summary"]}),
        (
            _("Existence"),
            {
                "fields": [
                    ("founded", "founded_text"),
                    ("dissolved", "dissolved_text"),
                    "places",
                    "parent",
                ]  # fmt: skip
            },
        ),
        (_("Description"), {"fields": ["description"]}),
        (_("History"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("existed"), ordering="founded_earliest")
    def existence_display(self, obj):
        return obj.existence


@admin.register(OrganisationType)
class OrganisationTypeAdmin(TermAdmin):
    pass


class PublicationInline(LargeAutocompleteMixin, admin.TabularInline):
    """On the source form: the organisations that published, broadcast or issued it."""

    model = Publication
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "order"]
    verbose_name = _("publishing organisation")
    verbose_name_plural = _("publishing organisations")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "source")


# `archive` registers the Source admin and knows nothing of organisations: people add their
# inline to it here (admin modules load in app order, archive's first).
_source_admin = admin.site.get_model_admin(Source)
if PublicationInline not in _source_admin.inlines:
    _source_admin.inlines = [*_source_admin.inlines, PublicationInline]


class MediaPeopleInline(RowChoicesInlineMixin, admin.TabularInline):
    """On a media item's form: the people it shows (the same rows as the person's "media")."""

    model = Person.media.through
    extra = 0
    autocomplete_fields = ["person"]
    verbose_name = _("person it shows")
    verbose_name_plural = _("people it shows")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


registry.add_admin_inline(MediaItem, MediaPeopleInline)  # archive's form names no person
