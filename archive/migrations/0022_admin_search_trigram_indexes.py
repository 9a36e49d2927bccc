"""The admin's search fields, indexed for `UPPER(col::text) LIKE` on PostgreSQL
(archive/trigram.py; nothing on SQLite)."""

from django.db import migrations

from archive.trigram import AddTrigramIndexes


class Migration(migrations.Migration):
    dependencies = [("archive", "0021_language_columns_labels")]

    operations = [
        AddTrigramIndexes("source", ["title", "slug", "container_title", "creators_text"]),
        AddTrigramIndexes("sourcecreator", ["name"]),
        AddTrigramIndexes("place", ["name_en", "name_az", "name_ru", "slug"]),
        AddTrigramIndexes("placename", ["name"]),
        AddTrigramIndexes(
            "mediaitem",
            ["title_en", "title_az", "title_ru", "slug", "caption_en", "caption_az", "caption_ru"]
            + ["credit_line", "creator", "sha256"],
        ),
        AddTrigramIndexes("citation", ["locator", "quotation"]),
        AddTrigramIndexes("claim", ["locator", "quotation"]),
    ]
