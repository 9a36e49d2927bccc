"""A full rebuild on PostgreSQL drops the GIN indexes while it fills the table and makes them
again at the end, the same as the migrations made them, even when it fails."""

import pytest
from django.db import connection

from archive.search import rebuild
from tests import factories

from .conftest import titles

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="GIN indexes are PostgreSQL's"
)


def _gin_indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'search_document' "
            "AND indexdef LIKE %s",
            ["% USING gin %"],
        )
        return dict(cursor.fetchall())


@postgres_only
def test_a_rebuild_makes_the_gin_indexes_again(client, db):
    before = _gin_indexes()
    assert set(before) == {
        "search_document_vector_gin",
        "search_document_names_gin",
        "search_document_word_pairs_gin",
    }
    factories.source(title="Letter from Ganja")
    assert rebuild.rebuild() == 1
    assert _gin_indexes() == before
    assert titles(client, "Ganja") == ["Letter from Ganja"]


@postgres_only
def test_a_failed_rebuild_still_makes_the_gin_indexes_again(db, monkeypatch):
    before = _gin_indexes()
    factories.source(title="Letter from Ganja")

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(rebuild, "document_values", broken)
    with pytest.raises(RuntimeError, match="the disk is full"):
        rebuild.rebuild()
    assert _gin_indexes() == before


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_outside_a_transaction_leaves_the_tables_vacuumed():
    # No rows needed: a transactional test may run after the browser tests' flush.
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        started = cursor.fetchone()[0]
    rebuild.rebuild()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT relname, last_vacuum, last_analyze FROM pg_stat_user_tables "
            "WHERE relname IN ('search_document', 'search_facet', 'search_term')"
        )
        rows = cursor.fetchall()
    assert len(rows) == 3
    for name, vacuumed, analysed in rows:
        assert vacuumed and vacuumed >= started, name
        assert analysed and analysed >= started, name


def _index_rows() -> list[tuple]:
    from archive.search.models import SearchDocument, SearchFacet, SearchTerm

    return [
        sorted(SearchDocument.objects.values_list("object_id", "kind", "title", "text_folded")),
        sorted(SearchFacet.objects.values_list("document__object_id", "facet", "value_id")),
        sorted(SearchTerm.objects.values_list("word", flat=True)),
    ]


def _small_archive():
    """Records that need no vocabulary: a transactional test may run after the browser
    tests' flush of the migrations' rows."""
    baku = factories.place(name="Baku")
    factories.person(name="Heydar Aliyev", names=["Гейдар Алиев"])
    factories.event(title="Rally on Freedom Square in Baku", places=[baku])


def test_a_failed_rebuild_leaves_the_index_as_it_was(client, db, monkeypatch):
    _small_archive()
    factories.source(title="Letter from Ganja")
    rebuild.rebuild()
    before = _index_rows()
    calls = []

    def fails_on_the_second(kind, record):
        calls.append(record)
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return original(kind, record)

    original = rebuild.document_values
    monkeypatch.setattr(rebuild, "document_values", fails_on_the_second)
    with pytest.raises(RuntimeError, match="the disk is full"):
        rebuild.rebuild(chunk=1)
    assert _index_rows() == before
    assert titles(client, "Ganja") == ["Letter from Ganja"]


beside_needs_a_server = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a second connection to SQLite's in-memory test database would find it locked",
)


@beside_needs_a_server
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_built_beside_writes_what_one_process_writes(client):
    _small_archive()
    rebuild.rebuild(beside=False)
    alone = _index_rows()
    assert rebuild.rebuild(chunk=1, beside=True) == 3
    assert _index_rows() == alone
    assert titles(client, "Алиев") == ["Heydar Aliyev"]


@beside_needs_a_server
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_built_beside_fails_whole_whichever_side_fails(monkeypatch):
    _small_archive()
    rebuild.rebuild(beside=False)
    before = _index_rows()
    original = rebuild.document_values

    def builder_fails(kind, record):  # in a worker process: no state shared with this one
        if kind.key == "person":
            raise RuntimeError("a record could not be read")
        return original(kind, record)

    monkeypatch.setattr(rebuild, "document_values", builder_fails)
    with pytest.raises(RuntimeError, match="a record could not be read"):
        rebuild.rebuild(chunk=1, beside=True)
    assert _index_rows() == before

    monkeypatch.setattr(rebuild, "document_values", original)
    written = []

    def writer_fails(self, content_type_id, rows):
        written.append(rows)
        if len(written) == 2:
            raise RuntimeError("the disk is full")
        return original_write(self, content_type_id, rows)

    original_write = rebuild._Writer.write
    monkeypatch.setattr(rebuild._Writer, "write", writer_fails)
    with pytest.raises(RuntimeError, match="the disk is full"):
        rebuild.rebuild(chunk=1, beside=True)
    assert _index_rows() == before
