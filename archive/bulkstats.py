"""Fresh planner statistics after a bulk write: the one place that runs ANALYZE.

Autovacuum may be off, or late: a table that received 100,000 rows a second ago still looks
empty to the planner, which then picks nested loops and sequential scans for every query that
follows (the first page views after a synthetic archive or an import). Every bulk command and
the import call `refresh_statistics(models)` when their rows are in.

ANALYZE is sampled (at most 30,000 rows per table with the default statistics target), so it
costs a fraction of a second even on large tables. It runs inside a transaction too (there it
sees the transaction's own rows); VACUUM would not, and is not needed for statistics.
"""

from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connections


def tables_of(models: Iterable) -> list[str]:
    """The tables of `models` and their many-to-many tables (child tables, such as a person's
    names, are named by the caller: archive does not look up who points at its models)."""
    tables: dict[str, None] = {}
    for model in models:
        opts = model._meta.concrete_model._meta
        tables[opts.db_table] = None
        for field in opts.local_many_to_many:
            through = field.remote_field.through
            if through is not None:
                tables[through._meta.db_table] = None
    return list(tables)


def refresh_statistics(models: Iterable, *, using=DEFAULT_DB_ALIAS) -> list[str]:
    """ANALYZE the tables of `models` (see `tables_of`). Returns the tables analysed."""
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite"):
        return []
    tables = tables_of(models)
    existing = set(connection.introspection.table_names())
    tables = [table for table in tables if table in existing]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return tables
