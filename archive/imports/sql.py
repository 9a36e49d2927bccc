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
