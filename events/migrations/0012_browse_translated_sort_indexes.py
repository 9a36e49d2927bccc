"""Expression indexes for sorting a translated field in each language's fallback order
(`archive.translations.sort_key`: COALESCE of NULLIF(column, '') in that order, then ''), status first
and the primary key last, so a browse page sorted by it reads in order with a LIMIT, forwards
or backwards (archive/paging.py). Plain SQL that PostgreSQL and SQLite both run."""

from django.db import migrations

ORDERS = {"en": ("en", "az", "ru"), "az": ("az", "en", "ru"), "ru": ("ru", "en", "az")}
FIELDS = [
    ("event_browse_title", "events_event", "title"),
]


def key(field, order):
    return "COALESCE(" + ", ".join(f"NULLIF({field}_{code}, '')" for code in order) + ", '')"


class Migration(migrations.Migration):
    dependencies = [("events", "0011_admin_search_trigram_indexes")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {prefix}_{lang} ON {table} (status, {key(field, order)}, id)",
            f"DROP INDEX IF EXISTS {prefix}_{lang}",
        )
        for prefix, table, field in FIELDS
        for lang, order in ORDERS.items()
    ]
