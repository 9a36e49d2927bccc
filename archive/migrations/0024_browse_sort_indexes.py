"""Indexes the public browse pages read in order with a LIMIT (status, then each offered sort,
the primary key last: archive/paging.py reads the last pages backwards on the same index).
Kept out of the models' Meta so the admin's own indexes stay as they are; plain SQL that both
PostgreSQL and SQLite run."""

from django.db import migrations

INDEXES = [
    ("source_browse_title", "archive_source", "status, title, id"),
    ("source_browse_date", "archive_source", "status, date_earliest, id"),
    ("place_browse_name", "archive_place", "status, name, id"),
    ("media_browse_title", "archive_mediaitem", "status, title, id"),
    ("media_browse_date", "archive_mediaitem", "status, date_earliest, id"),
]


class Migration(migrations.Migration):
    dependencies = [("archive", "0023_source_language_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, columns in INDEXES
    ]
