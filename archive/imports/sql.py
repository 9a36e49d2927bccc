"""Writing and reading rows by the thousand.

`insert()` is `bulk_create()` for rows the import has already checked. On PostgreSQL it sends
them with COPY, their primary keys drawn from the table's sequence in one query first: Django
5.2's bulk_create passes each column as an array (INSERT … UNNEST), and psycopg builds those
arrays in Python, which made inserting a batch several times slower than the database took to
store it. Elsewhere (SQLite) it is bulk_create.

`pks_filter()` selects rows by a set of primary keys: rows a batch has just created have
consecutive keys, and a range reads them with two parameters instead of thousands.
"""

from django.db import connections, router
from django.db.models import NOT_PROVIDED, AutoField, BigAutoField, SmallAutoField

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
            else:
                found = [attnames.index(name)]
            self.positions.append(found)
        self.convert = [
            self._converter(by_attname[name], connection) for name in varying
        ]  # values other than text and numbers prepared as Django would (dates on SQLite)

    @staticmethod
    def _converter(field, connection):
        def convert(value):
            if value is None or isinstance(value, (str, int)):
                return value
            return field.get_db_prep_save(value, connection)

        return convert

    def row(self, *values) -> tuple:
        row = self.template.copy()
        for found, convert, value in zip(self.positions, self.convert, values, strict=True):
            value = convert(value)
            for i in found:
                row[i] = value
        return tuple(row)

    def write(self, rows: list[tuple]) -> None:
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


def write_rows(model, columns: list[str], rows: list[tuple]) -> None:
    """Insert `rows` (tuples of database values for `columns`) into `model`'s table: COPY on
    PostgreSQL, one prepared INSERT run for every row elsewhere. No signals, no checks: the
    caller has made the values (see `Rows`)."""
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)
