"""manage.py import_tate on a few real Tate rows: people, places, artworks, contributions."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import Place, Source
from people.merge import likely_duplicates
from people.models import Contribution, Person
from people.tate import life_dates

from .conftest import DATA

pytestmark = pytest.mark.django_db


def _run(*args):
    out = io.StringIO()
    call_command("import_tate", str(DATA / "tate"), *args, "-v0", stdout=out)
    return out.getvalue()


def test_it_imports_artists_artworks_and_places_and_changes_nothing_again():
    out = _run()
    assert "people: 5 rows" in out and "5 created" in out
    assert Person.objects.count() == 5
    abbey = Person.objects.get(slug="edwin-austin-abbey-0")
    assert (abbey.birth_date, abbey.death_date) == ("1852", "1911")
    assert abbey.birth_place.name == "Philadelphia"
    assert abbey.birth_place.parent.name == "United States"
    assert Source.objects.filter(kind__slug="artwork").count() == 8
    work = Source.objects.get(slug="tate-a00001")
    assert work.date_text == "date not known" and work.call_number == "A00001"
    assert Contribution.objects.filter(source=work, role__slug="artist").exists()
    again = _run()
    for label in ("countries", "places", "people", "artworks"):
        line = next(line for line in again.splitlines() if line.startswith(label))
        assert "0 created, 0 updated" in line and "0 failed" in line


def test_it_finds_klucis_and_klutsis():
    _run()
    pairs = {(c.first.name, c.second.name) for c in likely_duplicates()}
    assert ("Gustav Klucis", "Gustav Klutsis") in pairs
    assert Place.objects.exists()


def test_the_benchmark_imports_twice_and_changes_nothing_the_second_time():
    out = io.StringIO()
    call_command("benchmark_import", str(DATA / "tate"), stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("first      people") and "5 created" in line for line in lines)
    again = [line for line in lines if line.startswith("re-import ") and "created" in line]
    assert len(again) == 4 and all("0 created, 0 updated" in line for line in again)


def test_the_benchmark_wants_a_fresh_database():
    _run()
    with pytest.raises(CommandError, match="fresh database"):
        call_command("benchmark_import", str(DATA / "tate"), stdout=io.StringIO())


def test_a_dry_run_writes_nothing():
    _run("--dry-run")
    assert not Person.objects.exists() and not Source.objects.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1881–1973", ("1881", "1973", "")),
        ("born 1930", ("1930", "", "")),
        ("died c.1800", ("", "c.1800", "")),
        ("c.1819–1880", ("c.1819", "1880", "")),
        ("active 1840–1860", ("", "", "active 1840–1860")),
        ("18th century", ("", "", "18th century")),
    ],
)
def test_it_splits_life_dates(text, expected):
    assert life_dates(text) == expected
