"""Organisations through import_records (kind “organisation”) and the admin's export: every
column, a unit after its army in one file, and a re-import of the export changes nothing."""

from pathlib import Path

import pytest
from django.urls import reverse
from reversion.models import Version

from events.models import Involvement
from people.models import Organisation
from people.resources import ORGANISATION_FIELDS
from tests import factories

pytestmark = pytest.mark.django_db

CSV = (Path(__file__).parent / "data" / "organisations.csv").read_text(encoding="utf-8")


@pytest.fixture
def imported(db, run_import, tmp_path):
    factories.place(name="Baku", slug="baku")
    factories.source(slug="the-article")
    path = tmp_path / "organisations.csv"
    path.write_text(CSV, encoding="utf-8")
    return run_import("organisation", path)


def test_it_imports_organisations_with_every_column(imported):
    assert "3 created, 0 updated, 0 unchanged, 0 failed" in imported
    army = Organisation.objects.get(slug="soviet-army")
    assert (army.organisation_type.slug, army.founded, army.dissolved) == (
        "army",
        "1946-02-25",
        "1992",
    )
    assert army.sort_name == "Soviet Army"  # filled by default
    assert [p.slug for p in army.places.all()] == ["baku"]
    assert [str(n) for n in army.names.all()] == ["Советская армия (ru, Cyrl)"]
    assert [str(i) for i in army.identifiers.all()] == ["Wikidata: Q1"]
    assert army.citations.filter(source__slug="the-article").exists()
    division = Organisation.objects.get(slug="a-division")
    assert (division.parent, division.founded, division.founded_text) == (army, "1950~", "c.1950")
    paper = Organisation.objects.get(slug="old-paper")
    assert (paper.founded, paper.founded_text) == ("", "founded long ago")  # kept as written
    assert Version.objects.get_for_object(army).count() == 1


def test_a_second_import_with_blank_default_cells_changes_nothing(imported, run_import, tmp_path):
    # Blank sort names, which the record fills with the name: equal, so unchanged (issue 10).
    versions = Version.objects.count()
    path = tmp_path / "again.csv"
    path.write_text(CSV, encoding="utf-8")
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in run_import("organisation", path)
    assert Version.objects.count() == versions


def test_its_export_reimports_unchanged(imported, curator_client, run_import, tmp_path):
    response = curator_client.post(
        reverse("admin:people_organisation_export"),
        {
            "format": "0",
            "resource": "0",
            **{f"organisationresource_{field}": "on" for field in ORGANISATION_FIELDS},
        },
    )
    assert response.status_code == 200
    exported = response.content.decode("utf-8-sig")
    assert exported.splitlines()[0].split(",") == ORGANISATION_FIELDS
    assert "Советская армия|ru|Cyrl|native" in exported
    versions = Version.objects.count()
    path = tmp_path / "exported.csv"
    path.write_text(exported, encoding="utf-8")
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in run_import("organisation", path)
    assert Version.objects.count() == versions


def test_events_import_their_organisations_with_roles_and_sources(imported, run_import, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "slug,title,status,organisations\n"
        "night,The night,published,soviet-army|acting-unit|the-article|para. 7; "
        "a-division|Named in the source\n",
        encoding="utf-8",
    )
    assert "1 created" in run_import("event", path)
    rows = Involvement.objects.order_by("order")
    assert [
        (r.organisation.slug, r.role.slug, r.source and r.source.slug, r.locator) for r in rows
    ] == [
        ("soviet-army", "acting-unit", "the-article", "para. 7"),
        ("a-division", "named", None, ""),
    ]
    assert "0 created, 0 updated, 1 unchanged" in run_import("event", path)
