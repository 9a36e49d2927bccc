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


# Names that are the same in every language: the fallback shows them.
SAME_IN_EVERY_LANGUAGE = {
    ("licence", slug) for slug in ("cc0", "cc-by", "cc-by-sa", "cc-by-nc", "cc-by-nc-sa")
} | {("licence", "cc-by-nd"), ("licence", "cc-by-nc-nd")}
SAME_IN_EVERY_LANGUAGE |= {
    ("identifierscheme", slug) for slug in ("wikidata", "viaf", "geonames", "gnd", "orcid")
}

# Words spelt alike in English and one language.
SPELT_ALIKE = {("az", "sourcekind", "film")}


def term_models():
    from archive.models import Term

    return [m for m in apps.get_models() if issubclass(m, Term) and not m._meta.abstract]


@pytest.mark.parametrize("language", ["az", "ru"])
@pytest.mark.parametrize("model", term_models(), ids=lambda m: m._meta.label)
def test_a_new_archives_vocabularies_are_labelled_in_each_language(model, language):
    """Before a curator writes a word, the filters and pages of /az/ and /ru/ read every term
    the migrations make in their language (the English name only where it is a proper name)."""
    name = model._meta.model_name
    for term in model._base_manager.all():
        label = getattr(term, f"name_{language}")
        if (name, term.slug) in SAME_IN_EVERY_LANGUAGE:
            assert not label, term.slug  # left to the fallback, not copied
            continue
        assert label, (name, term.slug)
        assert label != term.name_en or (language, name, term.slug) in SPELT_ALIKE, term.slug
        if "inverse_name" in translated_fields(model):
            inverse = getattr(term, f"inverse_name_{language}")
            assert inverse and inverse != term.inverse_name_en, (name, term.slug)
        if getattr(term, "unit_en", ""):
            assert getattr(term, f"unit_{language}"), (name, term.slug)


def fill(app_label, labels):
    from types import SimpleNamespace

    from django.db import connection

    from archive.translations import fill_labels

    fill_labels(app_label, labels).code(apps, SimpleNamespace(connection=connection))


def test_the_labels_migration_keeps_a_curators_label_and_a_taken_name():
    from events.models import EventType

    EventType.objects.filter(slug="protest").update(name_az="Mitinq", name_ru=None)
    EventType.objects.filter(slug="trial").update(name_ru="Суд")
    fill(
        "events",
        {
            "eventtype": {
                "protest": {"name": {"az": "Etiraz aksiyası", "ru": "Суд"}},
                "no-such-term": {"name": {"az": "Heç nə"}},
            }
        },
    )
    protest = EventType.objects.get(slug="protest")
    assert protest.name_az == "Mitinq"  # written by a curator: kept
    assert protest.name_ru is None  # "Суд" names another type: left to the fallback
