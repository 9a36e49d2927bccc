"""Full-text structures per database, beside the tables of 0001.

PostgreSQL: pg_trgm; a generated, weighted tsvector over the folded columns (title A, names B,
text D) with a GIN index, and a second one over titles and names only (quick to rank); covering
indexes for facet counts; a trigram index on the lexicon.
SQLite: FTS5 over the folded columns (external content, kept in step by triggers) with bm25
weights, and an FTS5 trigram table over the lexicon.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

POSTGRES = [
    """
    ALTER TABLE search_document ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_folded, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(names_folded, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(text_folded, '')), 'D')
    ) STORED
    """,
    "CREATE INDEX search_document_vector_gin ON search_document USING gin (search_vector)",
    # Titles and names alone: small enough to rank quickly when a query matches very many.
    """
    ALTER TABLE search_document ADD COLUMN names_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, coalesce(title_folded, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(names_folded, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX search_document_names_gin ON search_document USING gin (names_vector)",
    # Facet counts and labels read these from indexes.
    "CREATE INDEX search_document_facet_columns ON search_document (id) "
    "INCLUDE (kind, decade, source_kind, earliest, latest)",
    "CREATE INDEX search_document_record_title ON search_document (content_type_id, object_id) "
    "INCLUDE (title)",
    "CREATE INDEX search_term_word_trgm ON search_term USING gin (word gin_trgm_ops)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_document_record_title",
    "DROP INDEX IF EXISTS search_document_facet_columns",
    "DROP INDEX IF EXISTS search_document_names_gin",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS names_vector",
    "DROP INDEX IF EXISTS search_term_word_trgm",
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS search_vector",
]

SQLITE = [
    # Covering index: facet counts read these columns without touching the (long) rows.
    "CREATE INDEX search_document_facet_columns ON search_document "
    "(id, kind, decade, source_kind, earliest, latest)",
    """
    CREATE VIRTUAL TABLE search_document_fts USING fts5(
        title_folded, names_folded, text_folded,
        content='search_document', content_rowid='id', tokenize='unicode61 remove_diacritics 0'
    )
    """,
    """
    CREATE TRIGGER search_document_fts_insert AFTER INSERT ON search_document BEGIN
        INSERT INTO search_document_fts(rowid, title_folded, names_folded, text_folded)
        VALUES (new.id, new.title_folded, new.names_folded, new.text_folded);
    END
    """,
    """
    CREATE TRIGGER search_document_fts_delete AFTER DELETE ON search_document BEGIN
        INSERT INTO search_document_fts(search_document_fts, rowid, title_folded, names_folded,
            text_folded)
        VALUES ('delete', old.id, old.title_folded, old.names_folded, old.text_folded);
    END
    """,
    """
    CREATE TRIGGER search_document_fts_update AFTER UPDATE ON search_document BEGIN
        INSERT INTO search_document_fts(search_document_fts, rowid, title_folded, names_folded,
            text_folded)
        VALUES ('delete', old.id, old.title_folded, old.names_folded, old.text_folded);
        INSERT INTO search_document_fts(rowid, title_folded, names_folded, text_folded)
        VALUES (new.id, new.title_folded, new.names_folded, new.text_folded);
    END
    """,
    """
    CREATE VIRTUAL TABLE search_term_trigram USING fts5(
        word, content='search_term', content_rowid='id', tokenize='trigram'
    )
    """,
    """
    CREATE TRIGGER search_term_trigram_insert AFTER INSERT ON search_term BEGIN
        INSERT INTO search_term_trigram(rowid, word) VALUES (new.id, new.word);
    END
    """,
    """
    CREATE TRIGGER search_term_trigram_delete AFTER DELETE ON search_term BEGIN
        INSERT INTO search_term_trigram(search_term_trigram, rowid, word)
        VALUES ('delete', old.id, old.word);
    END
    """,
    """
    CREATE TRIGGER search_term_trigram_update AFTER UPDATE ON search_term BEGIN
        INSERT INTO search_term_trigram(search_term_trigram, rowid, word)
        VALUES ('delete', old.id, old.word);
        INSERT INTO search_term_trigram(rowid, word) VALUES (new.id, new.word);
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_term_trigram_update",
    "DROP TRIGGER IF EXISTS search_term_trigram_delete",
    "DROP TRIGGER IF EXISTS search_term_trigram_insert",
    "DROP TABLE IF EXISTS search_term_trigram",
    "DROP TRIGGER IF EXISTS search_document_fts_update",
    "DROP TRIGGER IF EXISTS search_document_fts_delete",
    "DROP TRIGGER IF EXISTS search_document_fts_insert",
    "DROP TABLE IF EXISTS search_document_fts",
    "DROP INDEX IF EXISTS search_document_facet_columns",
]

STATEMENTS = {
    "postgresql": (POSTGRES, POSTGRES_REVERSE),
    "sqlite": (SQLITE, SQLITE_REVERSE),
}


def _run(schema_editor, index: int) -> None:
    statements = STATEMENTS.get(schema_editor.connection.vendor)
    if statements is None:
        raise RuntimeError(
            f"Full-text search supports PostgreSQL and SQLite, not "
            f"{schema_editor.connection.vendor}."
        )
    for statement in statements[index]:
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _run(schema_editor, 0)


def backwards(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index_tables")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(forwards, backwards),
    ]
