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
