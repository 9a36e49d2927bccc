"""The Tate identifier schemes (made by 0005, which may run after archive's 0019 copied every
vocabulary's name into `name_en`) get their English columns: without them the name reads as
empty, and reloading the rows (a test's serialized rollback) breaks the unique name."""

from django.db import migrations

from archive.translations import copy_to_default_language


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0012_language_columns_labels"),
        ("archive", "0019_record_texts_in_languages"),
    ]

    operations = [
        copy_to_default_language("archive", {"identifierscheme": ("name", "description")}),
    ]
