"""Import and export of people, and of sources with the people who made them.

Multi-valued cells follow `archive/imports/codec.py`: name variants are
name|language|script|kind|source|locator, contributors are person-slug|role (in credited
order), identifiers scheme:value.
"""

from collections import defaultdict

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
from archive.models import MediaItem, Place
from archive.resources import SOURCE_FIELDS, SourceResource
from archive.translations import with_languages
from people.models import (
    Contribution,
    ContributionRole,
    Organisation,
    OrganisationName,
    OrganisationType,
    Person,
    PersonName,
)

PERSON_FIELDS = with_languages(Person, [
    "slug", "name", "sort_name", "status", "summary", "birth_date", "birth_date_text",
    "birth_place", "death_date", "death_date_text", "death_place", "biography", "portrait",
    "media", "name_variants", "identifiers",
])  # fmt: skip


class PersonResource(RecordResource):
    birth_place = lookup_field("birth_place", Lookup(Place, by_name="name", label="place"))
    death_place = lookup_field("death_place", Lookup(Place, by_name="name", label="place"))
    portrait = lookup_field("portrait", Lookup(MediaItem, label="media item"))
    media = ManyToManyField("media", Lookup(MediaItem, label="media item"))
    name_variants = NamesField(PersonName, "person")
    identifiers = IdentifiersField()

    date_fields = (("birth_date", "birth_date_text"), ("death_date", "death_date_text"))

    class Meta(RecordResource.Meta):
        model = Person
        fields = PERSON_FIELDS
        import_order = export_order = PERSON_FIELDS
        name = "People"

    def required_columns(self):
        return ["name"]


class ContributorsField(ChildrenField):
    """The people who made a source, in credited order: person-slug|role."""

    parts = ("person", "role")

    def __init__(self, column="contributors", **kwargs):
        super().__init__(column, **kwargs)
        self.people = Lookup(Person, label="person")
        self.roles = Lookup(ContributionRole, by_name="name", label="contribution role")

    def load(self, pks):
        found = defaultdict(list)
        rows = Contribution.objects.filter(source_id__in=pks).order_by("order", "pk")
        for source_id, person, role in rows.values_list("source_id", "person__slug", "role__slug"):
            found[source_id].append((person, role))
        return found

    def parse(self, cell):
        values = []
        for parts in codec.split(cell):
            if len(parts) > 2:
                raise ValueError(f"“{'|'.join(parts)}” has more than person|role.")
            person, role = (parts + ["artist"])[:2]
            self.people.pk(person)
            values.append((person, self.roles.slug(self.roles.pk(role or "artist"))))
        return list(dict.fromkeys(values))

    def replace(self, pending):
        if stored := self.stored(pending):
            Contribution.objects.filter(source_id__in=stored).delete()
        insert(
            Contribution,
            [
                Contribution(
                    source_id=source.pk,
                    person_id=self.people.pk(person),
                    role_id=self.roles.pk(role),
                    order=order,
                )
                for source, values in pending.items()
                for order, (person, role) in enumerate(values)
            ],
        )


SOURCE_WITH_CONTRIBUTORS_FIELDS = [*SOURCE_FIELDS[:5], "contributors", *SOURCE_FIELDS[5:]]


class SourceWithContributorsResource(SourceResource):
    """Sources with the people who made them (artworks and their artists, books and authors)."""

    contributors = ContributorsField()

    class Meta(SourceResource.Meta):
        fields = SOURCE_WITH_CONTRIBUTORS_FIELDS
        import_order = export_order = SOURCE_WITH_CONTRIBUTORS_FIELDS
        name = "Sources with contributors (people)"


ORGANISATION_FIELDS = with_languages(Organisation, [
    "slug", "name", "sort_name", "status", "organisation_type", "summary", "founded",
    "founded_text", "dissolved", "dissolved_text", "places", "parent", "description",
    "name_variants", "identifiers",
])  # fmt: skip


class OrganisationResource(RecordResource):
    organisation_type = lookup_field(
        "organisation_type", Lookup(OrganisationType, by_name="name", label="organisation type")
    )
    places = ManyToManyField("places", Lookup(Place, by_name="name", label="place"))
    parent = lookup_field("parent", Lookup(Organisation, label="organisation"))
    name_variants = NamesField(OrganisationName, "organisation")
    identifiers = IdentifiersField()

    date_fields = (("founded", "founded_text"), ("dissolved", "dissolved_text"))

    class Meta(RecordResource.Meta):
        model = Organisation
        fields = ORGANISATION_FIELDS
        import_order = export_order = ORGANISATION_FIELDS
        name = "Organisations"
        use_bulk = False  # a row may name an earlier row as its parent (a unit, its army)

    def required_columns(self):
        return ["name"]

    def prepare(self, instance):
        if not instance.sort_name:
            instance.sort_name = instance.name

    def after_bulk_save(self, instances):
        for instance in instances:
            self.fields["parent"].widget.lookup.add(instance.pk, instance.slug)
        super().after_bulk_save(instances)
