"""The defects issue 10 found, each refused or fixed the same way at every door."""

import pytest
import tablib
from django.urls import reverse
from reversion.models import Version

from archive import registry
from archive.imports.run import import_dataset
from archive.lifecycle import Status
from people.models import Person
from people.resources import PersonResource
from tests import factories
from tests.catalogue.admin_forms import form_data

pytestmark = pytest.mark.django_db


def _people(text: str) -> tablib.Dataset:
    return tablib.Dataset().load(text, format="csv")


def test_an_imported_row_with_an_empty_name_is_refused_as_the_form_refuses_it(curator_client):
    # Before: the import's fast path skipped blank checks and made a published nameless person.
    summary = import_dataset(PersonResource, _people("slug,name,status\nnameless,,published\n"))
    assert summary.errors == ["row 2, column name: This person needs a display name."]
    assert not Person.objects.exists()
    url = reverse("admin:people_person_add")
    data = {**form_data(curator_client.get(url)), "name": "", "slug": "nameless"}
    assert "This person needs a display name." in curator_client.post(url, data).content.decode()
    assert not Person.objects.exists()


def test_a_reimport_with_blank_sort_names_changes_nothing_and_writes_no_revision():
    # Before: every row was rewritten (Person.save filled sort_name; the import compared "").
    text = "slug,name,sort_name,summary\na,Anna Ahmadova,,\nb,Bahram Bagirzade,,Poet\n"
    assert import_dataset(PersonResource, _people(text)).created == 2
    assert Person.objects.get(slug="a").sort_name == "Anna Ahmadova"
    versions = Version.objects.count()
    summary = import_dataset(PersonResource, _people(text))
    assert (summary.unchanged, summary.updated, summary.created) == (2, 0, 0)
    assert Version.objects.count() == versions
    # A curated sort name is a value: a blank cell then means the default, a change.
    Person.objects.filter(slug="a").update(sort_name="Ahmadova, Anna")
    assert import_dataset(PersonResource, _people(text)).updated == 1


def _export(kind) -> tablib.Dataset:
    resource = kind.import_resources()[-1]()  # the kind's own resource
    return resource.export(queryset=kind.model._default_manager.all())


def test_a_reimport_of_any_exported_file_changes_nothing(demo):
    checked = []
    for kind in registry.kinds():
        if not kind.import_resources():
            continue
        dataset = _export(kind)
        if not len(dataset):
            continue
        versions = Version.objects.count()
        summary = import_dataset(kind.import_resources()[-1], dataset)
        assert (summary.failed, summary.created, summary.updated) == (0, 0, 0), (
            kind.key,
            summary.errors,
        )
        assert summary.unchanged == len(dataset)
        assert Version.objects.count() == versions, kind.key
        checked.append(kind.key)
    assert {"event", "person", "place", "source"} <= set(checked), checked


def test_a_date_that_is_not_edtf_is_refused_by_the_form_and_flagged_by_the_import(
    curator_client,
):
    person = factories.person(status=Status.DRAFT)
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {**form_data(curator_client.get(url)), "birth_date": "early 1840s"}
    html = curator_client.post(url, data).content.decode()
    assert "is not a valid EDTF date" in html
    person.refresh_from_db()
    assert person.birth_date == "" and person.birth_date_earliest is None

    summary = import_dataset(PersonResource, _people("slug,name,birth_date\nx,X,early 1840s\n"))
    assert summary.created == 1
    assert summary.notes == ["birth_date: “early 1840s” — not read as a date; kept as written"]
    imported = Person.objects.get(slug="x")
    assert (imported.birth_date, imported.birth_date_text) == ("", "early 1840s")
    assert imported.birth_date_earliest is None and imported.birth_date_latest is None
