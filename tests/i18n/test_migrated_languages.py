"""After `migrate` on an empty database, every row that data migrations wrote has its English
column filled: a fresh `migrate` may add the language columns before another app's data
migration writes rows (the Tate identifier schemes once kept a NULL `name_en`, so a restore
wrote two schemes named "" and broke their unique name)."""

import pytest
from django.apps import apps

from archive.translations import translated_fields

pytestmark = pytest.mark.django_db


def translated_models():
    return [model for model in apps.get_models() if translated_fields(model)]


def test_there_are_translated_models_with_migrated_rows():
    assert sum(model._base_manager.count() for model in translated_models()) > 0


@pytest.mark.parametrize("model", translated_models(), ids=lambda m: m._meta.label)
def test_every_migrated_row_has_its_english_text(model):
    for field in translated_fields(model):
        # The ORM would read `field` through modeltranslation's columns: ask the table itself.
        raw = model._base_manager.raw(
            f'SELECT {model._meta.pk.column} FROM "{model._meta.db_table}" '
            f"WHERE COALESCE(\"{field}\", '') != '' AND COALESCE(\"{field}_en\", '') = ''"
        )
        assert [row.pk for row in raw] == [], (model._meta.label, field)
