"""The admin's search fields, indexed for `UPPER(col::text) LIKE` on PostgreSQL
(archive/trigram.py; nothing on SQLite)."""

from django.db import migrations

from archive.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("events", "0010_language_columns_labels")]

    operations = [
        AddTrigramIndexes(
            "event",
            ["title_en", "title_az", "title_ru", "slug", "summary_en", "summary_az", "summary_ru"],
        ),
    ]
