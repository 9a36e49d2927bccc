"""PostgreSQL: each record's adjacent word pairs, a generated tsvector with a GIN index.

`search_word_pairs()` reads the same tsvector as `search_vector` (title, names, text, joined
with `||`, which is what the phrase operator `<->` reads) and returns one lexeme per pair of
words at neighbouring positions: 'martial law'. A phrase query then asks the index for its
pairs first and checks the phrase itself on the few records left (archive.search.backends.
postgres). The pairs are stored, not an expression index: a recheck of a lossy bitmap would
otherwise compute them again for every row (measured: slower than no index at all).
SQLite's FTS5 keeps positions and needs nothing.
"""

from django.db import migrations

POSTGRES = [
    """
    CREATE OR REPLACE FUNCTION search_word_pairs(title text, names text, body text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH w AS MATERIALIZED (
            SELECT lexeme, unnest(positions) AS p FROM unnest(
                to_tsvector('simple'::regconfig, coalesce(title, ''))
                || to_tsvector('simple'::regconfig, coalesce(names, ''))
                || to_tsvector('simple'::regconfig, coalesce(body, ''))
            )
        )
        SELECT array_to_tsvector(
            coalesce(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}'::text[])
        )
        FROM w a JOIN w b ON b.p = a.p + 1
    $$
    """,
    """
    ALTER TABLE search_document ADD COLUMN word_pairs tsvector GENERATED ALWAYS AS (
        search_word_pairs(title_folded, names_folded, text_folded)
    ) STORED
    """,
    "CREATE INDEX search_document_word_pairs_gin ON search_document USING gin (word_pairs)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS search_document_word_pairs_gin",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS word_pairs",
    "DROP FUNCTION IF EXISTS search_word_pairs(text, text, text)",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(forwards, backwards)]
