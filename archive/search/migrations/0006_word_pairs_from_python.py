"""PostgreSQL: the word pairs as integer keys made by the indexer (`archive.search.pairs`),
instead of a generated tsvector column that PostgreSQL computed for every row written (most
of the server's share of a rebuild). Existing rows get their keys here; the GIN index is made
after them. SQLite gets an empty column (its FTS5 keeps positions)."""

from importlib import import_module

from django.db import migrations

import archive.search.models
from archive.search.pairs import document_keys

OLD = [
    "DROP INDEX IF EXISTS search_document_word_pairs_gin",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS word_pairs",
    "DROP FUNCTION IF EXISTS search_word_pairs(text, text, text)",
]
INDEX = "CREATE INDEX search_document_word_pairs_gin ON search_document USING gin (word_pairs)"
BATCH = 2000


def drop_generated(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in OLD:
            schema_editor.execute(statement)


def fill(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                "SELECT id, title_folded, names_folded, text_folded FROM search_document "
                "WHERE id > %s ORDER BY id LIMIT %s",
                [last, BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                break
            cursor.executemany(
                "UPDATE search_document SET word_pairs = %s::integer[] WHERE id = %s",
                [(document_keys(title, names, text), pk) for pk, title, names, text in rows],
            )
            last = rows[-1][0]
        cursor.execute(INDEX)


def back_to_generated(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    previous = import_module("archive.search.migrations.0003_phrase_word_pairs")
    for statement in previous.POSTGRES:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_shown_in_languages")]

    operations = [
        migrations.RunPython(drop_generated, back_to_generated),
        migrations.AddField(
            model_name="searchdocument",
            name="word_pairs",
            field=archive.search.models.WordPairsField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
