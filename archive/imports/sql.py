"""Writing and reading rows by the thousand.

`insert()` is `bulk_create()` for rows the import has already checked. On PostgreSQL it sends
them with COPY, their primary keys drawn from the table's sequence in one query first: Django
5.2's bulk_create passes each column as an array (INSERT … UNNEST), and psycopg builds those
arrays in Python, which made inserting a batch several times slower than the database took to
store it. Elsewhere (SQLite) it is bulk_create.

`pks_filter()` selects rows by a set of primary keys: rows a batch has just created have
consecutive keys, and a range reads them with two parameters instead of thousands.
"""

import itertools
from collections.abc import Iterable
from contextlib import contextmanager
from operator import itemgetter

from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.models import NOT_PROVIDED, AutoField, BigAutoField, SmallAutoField

from archive.bulkstats import tables_of

AUTO_FIELDS = (AutoField, BigAutoField, SmallAutoField)


def insert(model, objects: list, batch_size: int = 2000) -> list:
    """Insert new `objects` of `model` (primary keys set on them, as bulk_create does)."""
    objects = list(objects)
    if not objects:
        return objects
    db = router.db_for_write(model)
    connection = connections[db]
    opts = model._meta
    if (
        connection.vendor != "postgresql"
        or opts.parents
        or any(
            getattr(f, "generated", False) or f.db_default is not NOT_PROVIDED
            for f in opts.concrete_fields
        )
    ):  # what COPY cannot write as Django would: let Django write it
        return model._default_manager.bulk_create(objects, batch_size=batch_size)
    pk = opts.pk
    fields = [f for f in opts.concrete_fields if f is not pk]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        missing = [obj for obj in objects if obj.pk is None]
        if missing:
            if not isinstance(pk, AUTO_FIELDS):
                return model._default_manager.bulk_create(objects, batch_size=batch_size)
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, pk.column, len(missing)],
            )
            for obj, (value,) in zip(missing, cursor.fetchall(), strict=True):
                obj.pk = value
        columns = ", ".join(quote(f.column) for f in [pk, *fields])
        with cursor.cursor.copy(f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                obj._prepare_related_fields_for_save(operation_name="bulk_create")
                copy.write_row(
                    [obj.pk]
                    + [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )
    for obj in objects:
        obj._state.adding = False
        obj._state.db = db
    return objects


def pks_filter(lookup: str, pks) -> tuple[dict, set]:
    """Filter kwargs selecting `pks` through `lookup` (“object_id”, “source_id”…), and the
    set to keep from what it returns (a range may also hold other rows)."""
    keys = {pk for pk in pks if pk is not None}
    if not keys:
        return {f"{lookup}__in": []}, keys
    if all(isinstance(k, int) for k in keys):
        low, high = min(keys), max(keys)
        if high - low + 1 <= 2 * len(keys) and len(keys) > 20:
            return {f"{lookup}__gte": low, f"{lookup}__lte": high}, keys
    return {f"{lookup}__in": list(keys)}, keys


class Rows:
    """New rows of `model` as tuples, without model instances (building and preparing them was
    most of a bulk writer's time). Every column holds what Django would write for an instance
    built with the same field values: defaults, `auto_now`, and a translated field's copy in
    the default language's column (modeltranslation), worked out once from one instance;
    `row(*values)` gives the values of `varying` (attnames, in order) for one row.
    `write(rows)` inserts them (see `write_rows`)."""

    def __init__(self, model, varying: tuple[str, ...]):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        attnames = [f.attname for f in self.fields]
        by_attname = {f.attname: f for f in self.fields}
        pk = model._meta.pk
        if pk.attname in varying:  # a primary key reserved first (`reserve_pks`)
            self.fields.insert(0, pk)
            attnames.insert(0, pk.attname)
            by_attname[pk.attname] = pk
        # A text field's value, marked, shows every column it lands in.
        markers = {
            name: f"\x00{name}\x00"
            for name in varying
            if by_attname[name].get_internal_type() in ("CharField", "TextField", "SlugField")
        }
        connection = connections[router.db_for_write(model)]
        sample = model(**{by_attname[name].name: marker for name, marker in markers.items()})
        self.template = [
            None if f.primary_key else f.get_db_prep_save(f.pre_save(sample, True), connection)
            for f in self.fields
        ]
        self.positions = []
        for name in varying:
            if name in markers:
                found = [i for i, value in enumerate(self.template) if value == markers[name]]
                if not found:
                    raise ValueError(f"{model.__name__}.{name}: no column takes its value")
            else:
                found = [attnames.index(name)]
            self.positions.append(found)
        # Values that are neither text nor numbers are prepared as Django would; dates and times
        # only off PostgreSQL, whose driver adapts them as Django's preparation would.
        times = ("DateField", "DateTimeField", "TimeField")
        kinds = ("DecimalField", "JSONField", "UUIDField", "DurationField")
        if connection.vendor != "postgresql":
            kinds += times
        slots = list(enumerate(zip(varying, self.positions, strict=True)))
        self.plain = [
            (i, found) for i, (name, found) in slots
            if by_attname[name].get_internal_type() not in kinds
        ]  # fmt: skip
        self.prepared = [
            (i, found, by_attname[name], connection) for i, (name, found) in slots
            if by_attname[name].get_internal_type() in kinds
        ]  # fmt: skip
        self.width = len(varying)
        # Without values to prepare, a row is picked from its values and the template's at C
        # speed: column j takes `(*values, *template)[sources[j]]`.
        sources = [self.width + j for j in range(len(self.template))]
        for i, found in self.plain:
            for column in found:
                sources[column] = i
        self.pick = itemgetter(*sources) if len(sources) > 1 and not self.prepared else None
        self.constants = tuple(self.template)

    def row(self, *values) -> tuple:
        if len(values) != self.width:
            raise TypeError(f"{self.model.__name__}: {self.width} values, not {len(values)}")
        if self.pick is not None:
            return self.pick(values + self.constants)
        row = self.template.copy()
        for i, found in self.plain:
            for column in found:
                row[column] = values[i]
        for i, found, field, connection in self.prepared:
            value = values[i]
            if value is not None:
                value = field.get_db_prep_save(value, connection)
            for column in found:
                row[column] = value
        return tuple(row)

    def write(self, rows: Iterable[tuple]) -> None:
        write_rows(self.model, [f.column for f in self.fields], rows)


def reserve_pks(model, count: int) -> list[int]:
    """`count` new primary keys of `model`, for rows written with them (`Rows`), taken so
    that no other writer gets them: from the sequence on PostgreSQL, and on SQLite by moving
    the table's AUTOINCREMENT counter (a write, so the transaction holds the lock from then)."""
    if count <= 0:
        return []
    connection = connections[router.db_for_write(model)]
    opts = model._meta
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [opts.db_table, opts.pk.column, count],
            )
            return [value for (value,) in cursor.fetchall()]
        if connection.vendor != "sqlite":
            raise NotImplementedError(connection.vendor)
        table = opts.db_table
        cursor.execute(
            "INSERT INTO sqlite_sequence (name, seq) SELECT %s, 0 "
            "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = %s)",
            [table, table],
        )
        cursor.execute(
            "UPDATE sqlite_sequence SET seq = max(seq, "
            f"(SELECT coalesce(max({connection.ops.quote_name(opts.pk.column)}), 0) "
            f"FROM {connection.ops.quote_name(table)})) + %s WHERE name = %s RETURNING seq",
            [count, table],
        )
        (last,) = cursor.fetchone()
        return list(range(last - count + 1, last + 1))


def write_rows(model, columns: list[str], rows: Iterable[tuple]) -> None:
    """Insert `rows` (tuples of database values for `columns`) into `model`'s table: COPY on
    PostgreSQL, one prepared INSERT run for every row elsewhere. No signals, no checks: the
    caller has made the values (see `Rows`). `rows` may be a generator: it is read
    COPY_CHUNK rows at a time, and on PostgreSQL the server stores a chunk while the next is
    made (it must then run no query of its own: the COPY holds the connection)."""
    rows = iter(rows)
    chunk = list(itertools.islice(rows, COPY_CHUNK))
    if not chunk:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            placeholders = ", ".join(["%s"] * len(columns))
            query = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"
            while chunk:
                cursor.executemany(query, chunk)
                chunk = list(itertools.islice(rows, COPY_CHUNK))
            return
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            while chunk:
                for row in chunk:
                    copy.write_row(row)
                chunk = list(itertools.islice(rows, COPY_CHUNK))


COPY_CHUNK = 1000


@contextmanager
def bulk_writing(using=DEFAULT_DB_ALIAS):
    """Long texts written meanwhile are compressed with lz4 instead of pglz on PostgreSQL
    (where the server has it): storing a synthetic archive's texts took about four times less
    (TOAST compression was most of the COPY), for values about a sixth larger. Reading is
    unchanged: each value keeps the method it was stored with. Elsewhere it does nothing."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setting FROM pg_settings WHERE name = 'default_toast_compression' "
            "AND 'lz4' = ANY(enumvals)"
        )
        found = cursor.fetchone()
        if found:
            cursor.execute("SET default_toast_compression = 'lz4'")
    try:
        yield
    finally:
        if found:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('default_toast_compression', %s, false)", found)


@contextmanager
def deferred_indexes(models, using=DEFAULT_DB_ALIAS):
    """On PostgreSQL, inside one transaction: the secondary indexes, unique and foreign-key
    constraints of `models`' tables (their many-to-many tables included) are dropped while
    their rows are written, and made again at the end from the definitions the catalogue held
    (so they stay those of the migrations), as pg_restore does: one sorted build and one
    check per constraint instead of an index insert and a deferred foreign-key query per row
    (a third of a synthetic archive's time). Made again, they check every row: a duplicate or
    a dangling key fails the transaction, which then rolls back, definitions included. The
    tables are locked (ACCESS EXCLUSIVE) until it commits: for bulk loads only. Elsewhere it
    does nothing."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("deferred_indexes() needs a transaction: the definitions go with it")
    tables = tables_of(models)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) "
            "FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
            "WHERE c.contype IN ('f', 'u') AND t.relname = ANY(%s) "
            "AND t.relnamespace = current_schema()::regnamespace ORDER BY c.contype DESC, 2",
            [tables],
        )
        constraints = cursor.fetchall()  # unique ones first: a foreign key may rely on one
        cursor.execute(
            "SELECT x.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid "
            "WHERE t.relname = ANY(%s) AND t.relnamespace = current_schema()::regnamespace "
            "AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
            "ORDER BY 1",
            [tables],
        )
        indexes = cursor.fetchall()
        # Pending deferred checks (rows this transaction changed) forbid ALTER TABLE: run them.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, name, _ in reversed(constraints):
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
