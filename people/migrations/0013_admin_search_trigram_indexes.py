"""The admin's search fields, indexed for `UPPER(col::text) LIKE` on PostgreSQL
(archive/trigram.py; nothing on SQLite)."""

from django.db import migrations

from archive.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("people", "0012_language_columns_labels")]

    operations = [
        AddTrigramIndexes("person", ["name", "sort_name", "slug"]),
        AddTrigramIndexes("personname", ["name"]),
        AddTrigramIndexes("organisation", ["name", "sort_name", "slug"]),
        AddTrigramIndexes("organisationname", ["name"]),
    ]
