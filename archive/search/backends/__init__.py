"""Two full-text backends behind one interface: PostgreSQL and SQLite (FTS5)."""

from django.db import connection

from .base import SearchBackend


def get() -> SearchBackend:
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteBackend

        return SQLiteBackend()
    raise NotImplementedError(f"No search backend for {connection.vendor}.")
