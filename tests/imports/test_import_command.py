"""manage.py import_records: create, re-import unchanged, bulk update with revisions, errors."""

import pytest
from django.core.management.base import CommandError
from reversion.models import Version

from archive.models import Place, Source, Status
from people.models import Contribution, Person

from .conftest import DATA

pytestmark = pytest.mark.django_db


def test_it_imports_people_with_places_variants_and_identifiers(places, run_import):
    out = run_import("person", DATA / "people.csv")
    assert "3 created, 0 updated, 0 unchanged, 0 failed" in out
    aliyev = Person.objects.get(slug="heydar-aliyev")
    assert aliyev.birth_place.slug == "baku"  # matched by name
    assert {n.name for n in aliyev.names.all()} == {"Heydər Əliyev", "Гейдар Алиев"}
    assert [str(i) for i in aliyev.identifiers.all()] == ["Wikidata: Q151580"]
    klucis = Person.objects.get(slug="gustav-klucis")
    assert (klucis.birth_date, klucis.birth_date_text) == ("1895~", "c.1895")
    assert Place.objects.get(slug="baku").parent.slug == "azerbaijan"
    assert Version.objects.get_for_object(aliyev).count() == 1


def test_it_changes_nothing_on_a_second_import(places, run_import):
    run_import("person", DATA / "people.csv")
    versions = Version.objects.count()
    out = run_import("person", DATA / "people.csv")
    assert "0 created, 0 updated, 3 unchanged, 0 failed" in out
    assert Version.objects.count() == versions


def test_it_updates_only_changed_rows_and_keeps_a_restorable_revision(places, run_import, tmp_path):
    run_import("person", DATA / "people.csv")
    text = (DATA / "people.csv").read_text(encoding="utf-8")
    changed = tmp_path / "people.csv"
    changed.write_text(text.replace("President of Azerbaijan", "Third President"), "utf-8")
    out = run_import("person", changed)
    assert "0 created, 1 updated, 2 unchanged" in out
    aliyev = Person.objects.get(slug="heydar-aliyev")
    assert aliyev.summary == "Third President"
    versions = Version.objects.get_for_object(aliyev)
    assert versions.count() == 2
    versions[1].revision.revert(delete=True)  # back to the first import
    aliyev.refresh_from_db()
    assert aliyev.summary == "President of Azerbaijan"
    assert aliyev.names.count() == 2


def test_it_imports_sources_with_contributors_and_museum_dates(places, run_import, tmp_path):
    Person.objects.create(name="Robert Blake", slug="robert-blake")
    out = run_import("source", DATA / "sources.csv")
    assert "5 created" in out
    assert Source.objects.get(slug="tate-n00500").date == "1830~/1840~"
    partial = Source.objects.get(slug="tate-n00502")
    assert (partial.date, partial.date_text) == ("1828", "1828, reworked 1830")
    unread = Source.objects.get(slug="tate-n00503")
    assert (unread.date, unread.date_text) == ("", "early 1840s")
    roles = dict(Contribution.objects.values_list("source__slug", "role__slug"))
    assert roles == {
        "tate-a00001": "artist",
        "tate-n00500": "after",
        "tate-n00501": "attributed-to",
    }
    assert "flagged" in out


def test_it_imports_events_with_participants(places, run_import):
    run_import("person", DATA / "people.csv")
    run_import("event", DATA / "events.csv")
    from events.models import Event

    event = Event.objects.get(slug="january-1990")
    assert [p.slug for p in event.places.all()] == ["baku"]
    assert [(p.person.slug, p.role.slug) for p in event.participations.all()] == [
        ("heydar-aliyev", "speaker")
    ]


def test_it_writes_nothing_in_a_dry_run(places, run_import):
    out = run_import("person", DATA / "people.csv", "--dry-run")
    assert "3 created" in out and "Dry run" in out
    assert not Person.objects.exists()


def test_it_names_row_column_and_problem_and_writes_nothing(run_import, tmp_path):
    bad = tmp_path / "people.csv"
    bad.write_text("slug,name,birth_place\nok-person,OK,\nbad-person,Bad,Atlantis\n", "utf-8")
    with pytest.raises(CommandError, match="1 row"):
        run_import("person", bad)
    assert not Person.objects.exists()
    out = run_import("person", bad, "--valid-rows-only")
    assert "row 3, column birth_place: Unknown place “Atlantis”" in out
    assert list(Person.objects.values_list("slug", flat=True)) == ["ok-person"]


def test_it_keeps_a_cataloguers_rows_draft(cataloguer, run_import, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("slug,name,status\na,A,published\nb,B,\n", "utf-8")
    with pytest.raises(CommandError):
        run_import("person", path, "--user", "cataloguer")
    out = run_import("person", path, "--user", "cataloguer", "--valid-rows-only")
    assert "row 2, column status: You may not set “published”" in out
    assert Person.objects.get().status == Status.DRAFT


def test_it_lets_a_curator_publish(curator, run_import, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("slug,name,status\na,A,published\n", "utf-8")
    run_import("person", path, "--user", "curator")
    person = Person.objects.get()
    assert person.status == Status.PUBLISHED and person.published_at


def test_it_refuses_media_rows_without_a_file(run_import, tmp_path):
    path = tmp_path / "media.csv"
    path.write_text("slug,title\nnew-photo,A photo\n", "utf-8")
    with pytest.raises(CommandError):
        run_import("media", path)
