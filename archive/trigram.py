"""Trigram indexes for the admin's search (`archive/admin/searching.py`), PostgreSQL only.

Django's `icontains` and `istartswith` on PostgreSQL compare `UPPER("col"::text)`; a pg_trgm
GIN index on exactly that expression answers both (a leading `%` included). The index is
made by a migration operation rather than `Meta.indexes`, since a GIN index does not exist on
SQLite, where the admin's tables stay small and are scanned.
"""

from django.db.migrations.operations.base import Operation


def index_name(table: str, column: str) -> str:
    name = f"{table}_{column}_trgm"
    if len(name) > 63:  # PostgreSQL's limit for a name
        raise ValueError(f"Trigram index name too long: {name}")
    return name


class AddTrigramIndexes(Operation):
    """`CREATE INDEX <table>_<column>_trgm ON <table> USING gin (UPPER(col::text)
    gin_trgm_ops)` for each of `fields` of `model_name`; nothing on other databases.
    It makes sure pg_trgm is there, and leaves it when reversed: the search index's
    migrations made it and use it too."""

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name: str, fields: list[str]):
        self.model_name = model_name
        self.fields = list(fields)

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {"model_name": self.model_name, "fields": self.fields},
        )

    def state_forwards(self, app_label, state):
        pass  # the model's state does not change: the index is the database's

    def _columns(self, app_label, state):
        model = state.apps.get_model(app_label, self.model_name)
        table = model._meta.db_table
        return table, [model._meta.get_field(name).column for name in self.fields]

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        table, columns = self._columns(app_label, to_state)
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in columns:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(index_name(table, column))} ON {quote(table)} "
                f"USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table, columns = self._columns(app_label, from_state)
        for column in columns:
            schema_editor.execute(
                f"DROP INDEX IF EXISTS {schema_editor.quote_name(index_name(table, column))}"
            )

    def describe(self):
        return f"Trigram indexes on {self.model_name} ({', '.join(self.fields)}), PostgreSQL"

    @property
    def migration_name_fragment(self):
        return f"{self.model_name}_trigram"
