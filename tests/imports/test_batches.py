"""The command line's batch importer: the admin preview's verdicts, constant queries per batch,
nothing lost when the database refuses a batch, search kept in step, idempotent Tate places."""

import gzip
import io
import json
from decimal import Decimal

import pytest
import tablib
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import IntegrityError, connection
from reversion.models import Version

from archive.imports.resource import RecordResource
from archive.imports.run import import_dataset
from archive.lifecycle import UNKNOWN_STATUS
from archive.models import Source, SourceKind, Status
from archive.search.models import SearchDocument
from people.models import Contribution, Person
from people.resources import PersonResource, SourceWithContributorsResource

from .conftest import DATA

pytestmark = pytest.mark.django_db


def _dataset(text: str) -> tablib.Dataset:
    return tablib.Dataset().load(text, format="csv")


def _preview(resource_class, dataset) -> tuple[dict, list[str]]:
    """What the admin preview says (django-import-export's row-by-row import, rolled back)."""
    result = resource_class().import_data(dataset, dry_run=True, use_transactions=True)
    errors = [
        f"row {row.number + 1}, column {column}: {message}"
        for row in result.invalid_rows
        for column, messages in row.error_dict.items()
        for message in messages
    ]
    return dict(result.totals), errors


def test_it_gives_the_verdicts_and_errors_of_the_admin_preview(places, run_import):
    run_import("person", DATA / "people.csv")
    text = (DATA / "people.csv").read_text("utf-8").replace("Latvian artist", "Latvian designer")
    text += "new-one,New One,,,,,c.1900,Atlantis,,,,,\n"  # unknown place
    text += "gustav-klucis,Again,,,,,,,,,,,\n"  # the same slug twice
    text += "bad-status,Bad Status,,bogus,,,,,,,,,\n"  # not a status
    dataset = _dataset(text)
    totals, errors = _preview(PersonResource, dataset)
    summary = import_dataset(PersonResource, dataset, dry_run=True)
    assert (
        (summary.created, summary.updated, summary.unchanged, summary.failed)
        == (
            totals["new"],
            totals["update"],
            totals["skip"],
            totals["invalid"] + totals["error"],
        )
        == (0, 1, 2, 3)
    )
    assert summary.errors == errors
    assert "row 5, column birth_place: Unknown place “Atlantis”." in errors
    assert "row 6, column slug: “gustav-klucis” is already used by row 3." in errors
    assert f"row 7, column status: {UNKNOWN_STATUS % {'value': 'bogus'}}" in errors
    assert Person.objects.get(slug="gustav-klucis").summary == "Latvian artist"  # dry run


def _artworks(count: int) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=["slug", "title", "kind", "contributors", "date_text", "url"])
    for n in range(count):
        role = "artist" if n % 2 else "after"
        dataset.append(
            [f"work-{n}", f"Work {n}", "artwork", f"painter|{role}", f"c.18{n % 100:02d}",
             f"https://example.org/works/{n}"]
        )  # fmt: skip
    return dataset


def test_it_runs_as_many_queries_for_200_rows_as_for_10():
    # The same start whatever ran before: content types are looked up once per process.
    ContentType.objects.clear_cache()
    Person.objects.create(slug="painter", name="A Painter")
    few = import_dataset(SourceWithContributorsResource, _artworks(10))
    Source.objects.all().delete()
    many = import_dataset(SourceWithContributorsResource, _artworks(200))
    assert (few.created, many.created) == (10, 200)
    # No query per row: on PostgreSQL the count is the same; SQLite's limit on the variables
    # of one statement (999 for Django) splits the INSERT of a batch into statements of as
    # many rows as fit (fewer as a source has more columns: one per language of its texts).
    rows_per_insert = 999 // len(Source._meta.concrete_fields)
    assert many.queries - few.queries <= 200 // rows_per_insert
    if connection.vendor == "postgresql":
        assert many.queries <= few.queries
    assert Contribution.objects.count() == 200
    assert Version.objects.filter(revision_id=many.revision_id).count() == 200
    again = import_dataset(SourceWithContributorsResource, _artworks(200))
    assert (again.unchanged, again.updated, again.created) == (200, 0, 0)


def test_it_writes_only_what_changed_and_keeps_a_version(places, run_import):
    Person.objects.create(slug="painter", name="A Painter")
    import_dataset(SourceWithContributorsResource, _artworks(30))
    changed = _artworks(30)
    changed[3] = ("work-3", "Work Three", "artwork", "painter|after", "1803", "")
    summary = import_dataset(SourceWithContributorsResource, changed)
    assert (summary.updated, summary.unchanged) == (1, 29)
    work = Source.objects.get(slug="work-3")
    assert (work.title, work.date, work.url) == ("Work Three", "1803", "")
    assert list(work.contributions.values_list("role__slug", flat=True)) == ["after"]
    assert Version.objects.get_for_object(work).count() == 2


def test_a_batch_the_database_refuses_is_reported_row_by_row(monkeypatch):
    SourceKind.objects.get_or_create(slug="artwork", defaults={"name": "Artwork"})
    Person.objects.create(slug="painter", name="A Painter")

    def refuse(self, creates, updates):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(RecordResource, "write_batch", refuse)
    summary = import_dataset(
        SourceWithContributorsResource, _artworks(5), valid_rows_only=True, chunk_size=3
    )
    assert (summary.created, summary.failed) == (0, 5)
    assert summary.errors[0] == (
        "row 2: The database refused this batch: duplicate key value violates unique constraint"
    )
    assert [e.split(":")[0] for e in summary.errors] == [f"row {n}" for n in range(2, 7)]
    assert not Source.objects.exists()


def test_the_batches_after_a_refused_one_are_written_and_versioned(monkeypatch):
    SourceKind.objects.get_or_create(slug="artwork", defaults={"name": "Artwork"})
    Person.objects.create(slug="painter", name="A Painter")
    write_batch = RecordResource.write_batch
    calls = []

    def refuse_the_first(self, creates, updates):
        calls.append(len(creates))
        write_batch(self, creates, updates)  # its revision and versions are made, then undone
        if len(calls) == 1:
            raise IntegrityError("refused")

    monkeypatch.setattr(RecordResource, "write_batch", refuse_the_first)
    summary = import_dataset(
        SourceWithContributorsResource, _artworks(5), valid_rows_only=True, chunk_size=3
    )
    assert (summary.created, summary.failed, calls) == (2, 3, [3, 2])
    assert sorted(Source.objects.values_list("slug", flat=True)) == ["work-3", "work-4"]
    versions = Version.objects.filter(revision_id=summary.revision_id)
    assert sorted(v.object_repr for v in versions) == ["Work 3", "Work 4"]


def test_it_finds_a_slug_used_twice_across_batches():
    dataset = _dataset("slug,name\na,A\nb,B\nc,C\na,A again\n")
    summary = import_dataset(PersonResource, dataset, chunk_size=2, valid_rows_only=True)
    assert summary.errors == ["row 5, column slug: “a” is already used by row 2."]
    assert Person.objects.get(slug="a").name == "A"


def test_it_keeps_the_search_index_in_step(curator):
    dataset = _dataset("slug,name,status\npub,Published Person,published\ndraft,Draft Person,\n")
    import_dataset(PersonResource, dataset, user=curator)
    indexed = set(SearchDocument.objects.values_list("title", flat=True))
    assert indexed == {"Published Person"}  # drafts never reach the index
    dataset = _dataset("slug,name,status\npub,Renamed Person,published\ndraft,Draft Person,\n")
    import_dataset(PersonResource, dataset, user=curator)
    assert set(SearchDocument.objects.values_list("title", flat=True)) == {"Renamed Person"}
    dataset = _dataset("slug,name,status\npub,Renamed Person,withdrawn\n")
    import_dataset(PersonResource, dataset, user=curator)
    assert not SearchDocument.objects.exists()
    assert Person.objects.get(slug="pub").status == Status.WITHDRAWN


def _write_jsonl(path, items):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item) + "\n")


def test_a_tate_reimport_finds_places_that_share_a_name(tmp_path):
    def artist(n, place):
        return {
            "id": n, "fc": f"Artist {n}", "mda": f"{n}, Artist", "date": "1900–1950",
            "url": f"http://www.tate.org.uk/art/artists/artist-{n}",
            "birth": {"place": {"name": place, "placeName": "Solothurn"}},
        }  # fmt: skip

    # Tate names one place “Solothurn” and another “Solothurn, Schweiz”.
    _write_jsonl(tmp_path / "tate_artists.jsonl.gz", [artist(1, "Solothurn, Schweiz"),
                                                      artist(2, "Solothurn")])  # fmt: skip
    _write_jsonl(tmp_path / "tate_artworks.jsonl.gz", [])
    call_command("import_tate", str(tmp_path), "-v0", stdout=io.StringIO())
    births = dict(Person.objects.values_list("slug", "birth_place__slug"))
    assert births == {"artist-1": "solothurn-schweiz", "artist-2": "solothurn"}
    out = io.StringIO()
    call_command("import_tate", str(tmp_path), "-v0", stdout=out)
    assert "people: 2 rows" in out.getvalue()
    for line in out.getvalue().splitlines():
        assert "0 created, 0 updated" in line and "0 failed" in line


def test_a_published_artwork_is_indexed_with_its_artist(curator):
    SourceKind.objects.get_or_create(slug="artwork", defaults={"name": "Artwork"})
    people = _dataset("slug,name,status\npainter,Anna Painter,published\n")
    import_dataset(PersonResource, people, user=curator)
    works = _dataset("slug,title,kind,status,contributors\nw,Harbour,artwork,published,painter\n")
    import_dataset(SourceWithContributorsResource, works, user=curator)
    document = SearchDocument.objects.get(kind="source")
    assert document.title == "Harbour" and "Anna Painter" in document.names


def test_rows_without_a_slug_get_free_slugs_in_one_query_per_batch():
    Person.objects.create(slug="same-name", name="Same Name")
    Person.objects.create(slug="same-name-2", name="Same Name")
    dataset = _dataset("name,slug\nSame Name,\nSame Name,\nOther,same-name-3\n")
    summary = import_dataset(PersonResource, dataset)
    assert summary.created == 3, summary.errors
    slugs = set(Person.objects.values_list("slug", flat=True))
    assert slugs == {"same-name", "same-name-2", "same-name-3", "same-name-4", "same-name-5"}

    def names(count):
        return _dataset("name\n" + "".join(f"Person {n}\n" for n in range(count)))

    few = import_dataset(PersonResource, names(10))
    many = import_dataset(PersonResource, names(100))  # the first ten names are taken
    assert many.created == 100
    assert {"person-9", "person-9-2", "person-99"} <= set(
        Person.objects.values_list("slug", flat=True)
    )
    assert many.queries - few.queries <= 100 // 30  # SQLite splits long INSERTs


def test_places_in_bulk_keep_coordinates_names_and_identifiers():
    from archive.models import IdentifierScheme, Place
    from archive.resources import BulkPlaceResource

    IdentifierScheme.objects.get_or_create(slug="geonames", defaults={"name": "GeoNames"})
    text = (
        "slug,name,kind,latitude,longitude,name_variants,identifiers\n"
        "baku,Baku,city,40.4093,49.8671,Bakı|az|Latn|native,geonames:587084\n"
        "ganja,Ganja,city,40.6828,46.3606,,\n"
    )
    summary = import_dataset(BulkPlaceResource, _dataset(text))
    assert summary.created == 2, summary.errors
    baku = Place.objects.get(slug="baku")
    assert (baku.latitude, baku.longitude) == (Decimal("40.4093"), Decimal("49.8671"))
    assert [n.name for n in baku.names.all()] == ["Bakı"]
    assert [i.value for i in baku.identifiers.all()] == ["587084"]
    again = import_dataset(BulkPlaceResource, _dataset(text))
    assert (again.unchanged, again.updated) == (2, 0)
