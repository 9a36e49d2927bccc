"""Indexes the public browse pages read in order with a LIMIT (status, then each offered sort,
the primary key last: archive/paging.py reads the last pages backwards on the same index).
Kept out of the models' Meta so the admin's own indexes stay as they are; plain SQL that both
PostgreSQL and SQLite run."""

from django.db import migrations

INDEXES = [
    ("person_browse_name", "people_person", "status, sort_name, name, id"),
    ("person_browse_born", "people_person", "status, birth_date_earliest, id"),
    ("organisation_browse_name", "people_organisation", "status, sort_name, name, id"),
    ("organisation_browse_founded", "people_organisation", "status, founded_earliest, id"),
]


class Migration(migrations.Migration):
    dependencies = [("people", "0013_admin_search_trigram_indexes")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, columns in INDEXES
    ]
