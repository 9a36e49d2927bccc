"""The synthetic archive is a valid archive, searchable once indexed, at a flat query cost."""

import io

from django.core.management import call_command
from django.db import connection, models
from django.test.utils import CaptureQueriesContext

from archive import lifecycle
from archive.models import Citation, MediaItem, Place, PlaceName, Source, Status
from archive.search.models import SearchDocument
from events.models import Event, Participation
from people.models import Person, PersonName
from tests.search.conftest import titles


def _generate(records: int) -> str:
    out = io.StringIO()
    call_command("generate_synthetic_archive", records=records, yes=True, stdout=out,
                 stderr=io.StringIO())  # fmt: skip
    return out.getvalue()


def test_every_generated_record_passes_the_lifecycle_rules(db):
    output = _generate(100)
    assert "records/s" in output
    for model in (Place, Person, Source, MediaItem, Event):
        records = list(model.objects.all())
        assert records, model
        for record in records:
            assert lifecycle.refusals(record, previous_status=record.status) == {}, record


def test_search_finds_generated_records_once_indexed(client, db):
    _generate(100)
    out = io.StringIO()
    call_command("rebuild_search_index", "--no-progress", stdout=out)
    assert "/s" in out.getvalue()
    published = sum(
        m.objects.filter(status=Status.PUBLISHED).count()
        for m in (Place, Person, Source, MediaItem, Event)
    )
    assert SearchDocument.objects.count() == published
    person = Person.objects.filter(status=Status.PUBLISHED).first()
    assert person.name in titles(client, f'"{person.name}"')


def test_generation_costs_the_same_queries_for_100_or_1000_records(db):
    with CaptureQueriesContext(connection) as small:
        _generate(100)
    with CaptureQueriesContext(connection) as large:
        _generate(1000)
    if connection.vendor == "postgresql":  # COPY: a statement per table and batch
        assert len(large) <= len(small) + 2, (len(small), len(large))
    else:
        # SQLite splits a bulk INSERT by its limit on statement variables (999 for Django):
        # as many rows each as fit, a few dozen of the widest table (a source, with a column
        # per language of its texts): far from a query per record.
        kinds = (Place, Person, Source, MediaItem, Event)
        widest = max(len(m._meta.concrete_fields) for m in kinds)
        assert len(large) - len(small) < 900 / (999 // widest), (len(small), len(large))


def test_every_table_it_fills_holds_rows_its_model_accepts(db):
    """Rows are written as tuples, without model instances: a sample of every table passes
    the model's own validation, and the translated columns hold the default language's copy."""
    _generate(300)
    for model in (Place, PlaceName, Person, PersonName, Source, MediaItem, Event, Participation,
                  Citation, MediaItem.places.through, Event.places.through):  # fmt: skip
        sample = list(model.objects.order_by("?")[:20])
        assert sample, model
        for row in sample:
            row.full_clean()
    for model in (Place, Person, Source, MediaItem, Event):
        slugs = list(model.objects.values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs)), model
        published = model.objects.filter(status=Status.PUBLISHED)
        assert not published.filter(published_at=None).exists(), model
        assert not model.objects.exclude(status=Status.PUBLISHED).exclude(published_at=None)
    for event in Event.objects.all():
        assert (event.title_en, event.summary_en) == (event.title, event.summary)
        assert event.title_az is event.title_ru is None
    for place in Place.objects.all():
        assert place.name_en == place.name and place.description_en == place.description
        assert {n.language for n in place.names.all()} == {"az", "ru"}
    for item in MediaItem.objects.all():
        assert (item.title_en, item.caption_en, item.alt_text_en) == (
            item.title, item.caption, item.alt_text
        )  # fmt: skip
    assert Source.objects.exclude(abstract_en=models.F("abstract")).count() == 0
    assert Person.objects.exclude(biography_en=models.F("biography")).count() == 0
    assert {n.script for n in PersonName.objects.all()} == {"Latn", "Cyrl"}


def test_one_seed_makes_the_same_archive(db):
    """What each row holds follows from the seed alone (slugs and times aside)."""

    def contents():
        return [
            list(model.objects.order_by("pk").values_list(*fields))
            for model, fields in (
                (Event, ("title", "description", "date", "event_type_id")),
                (Person, ("name", "biography", "birth_date_earliest")),
                (Citation, ("locator", "order")),
            )
        ]

    call_command("generate_synthetic_archive", records=200, seed=5, yes=True,
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    first = contents()
    for model in (Citation, Participation, Event, MediaItem, Source, PersonName, Person):
        model.objects.all().delete()
    call_command("generate_synthetic_archive", records=200, seed=5, yes=True,
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    assert contents() == first
