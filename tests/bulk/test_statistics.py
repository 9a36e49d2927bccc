"""Bulk writes leave the planner statistics fresh (ANALYZE), since autovacuum may be off or late."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from archive import bulkstats
from archive.models import Place, Source
from people.models import Person, PersonName
from tests import factories
from tests.imports.conftest import DATA


def _has_statistics(table: str) -> bool:
    """Visible inside the test's own transaction: pg_statistic rows are written with it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        else:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if not cursor.fetchone()[0]:
                return False
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchone()[0] > 0


def test_it_analyses_the_tables_of_the_models_it_is_given(db):
    factories.person(name="Heydar Aliyev", names=["Heydər Əliyev"])
    tables = bulkstats.refresh_statistics([Person, PersonName])
    assert tables == ["people_person", "people_person_media", "people_personname"]  # + m2m
    assert _has_statistics(Person._meta.db_table)
    assert _has_statistics(PersonName._meta.db_table)


def test_the_synthetic_archive_leaves_its_tables_analysed(db):
    assert not _has_statistics(Source._meta.db_table)
    call_command("generate_synthetic_archive", records=100, yes=True, stdout=io.StringIO(),
                 stderr=io.StringIO())  # fmt: skip
    for model in (Source, Person, PersonName, Place):
        assert _has_statistics(model._meta.db_table), model


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics view")
def test_on_postgresql_the_rows_are_counted(db):
    call_command("generate_synthetic_archive", records=200, yes=True, stdout=io.StringIO(),
                 stderr=io.StringIO())  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", ["archive_source"])
        assert cursor.fetchone()[0] == Source.objects.count()


def test_the_rebuild_and_the_import_refresh_statistics(db, monkeypatch):
    calls = []
    real = bulkstats.refresh_statistics

    def recording(models, **kwargs):
        calls.append({m._meta.model_name for m in models})
        return real(models, **kwargs)

    monkeypatch.setattr("archive.imports.run.refresh_statistics", recording)
    monkeypatch.setattr("archive.search.backends.sqlite.refresh_statistics", recording)
    monkeypatch.setattr("people.management.commands.import_tate.refresh_statistics", recording)
    call_command("import_tate", str(DATA / "tate"), "--status", "published", "-v0",
                 stdout=io.StringIO())  # fmt: skip
    assert {"person"} in calls and {"source"} in calls
    assert {"placename", "personname", "contribution", "identifier"} in calls
    assert {"version", "searchdocument", "searchfacet", "searchterm"} in calls
    calls.clear()
    call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
    if connection.vendor == "postgresql":
        assert _has_statistics("search_document")  # the backend's bulk load analysed it
    else:
        assert calls == [{"searchdocument", "searchfacet", "searchterm"}]
        assert _has_statistics("search_document")
