"""The synthetic archive is a valid archive, searchable once indexed, at a flat query cost."""

import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import lifecycle
from archive.models import MediaItem, Place, Source, Status
from archive.search.models import SearchDocument
from events.models import Event
from people.models import Person
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
