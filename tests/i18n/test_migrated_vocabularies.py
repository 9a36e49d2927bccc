"""Every row the data migrations made has its English column: a vocabulary term added by a
migration that runs after the language columns were filled still reads as its name."""

import pytest
from django.apps import apps
from django.db import connection

from archive import translations

pytestmark = pytest.mark.django_db


def test_every_migrated_text_has_its_english_column():
    missing = []
    with connection.cursor() as cursor:
        for model in apps.get_models():
            table = connection.ops.quote_name(model._meta.db_table)
            for field in translations.translated_fields(model):
                # In SQL: modeltranslation rewrites `field` into its language columns.
                column = connection.ops.quote_name(model._meta.get_field(field).column)
                english = connection.ops.quote_name(f"{field}_en")
                cursor.execute(
                    f"SELECT COUNT(*) FROM {table} WHERE {english} IS NULL AND {column} <> ''"
                )
                if count := cursor.fetchone()[0]:
                    missing.append((model.__name__, field, count))
    assert missing == []
