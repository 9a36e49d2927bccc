"""List pages that cost the same at a million rows as at ten thousand: the admin's lists and
the public browse pages (`archive.views.RecordListView`).

Counts that do not read the whole table.

Django's ChangeList counts its filtered queryset for the paginator on every request
(`show_full_result_count = False` only spares the second, unfiltered count). At a million rows
that COUNT reads every row. On PostgreSQL this paginator counts exactly what is small and
estimates what is large, and says so ("about 1,000,000 citations"):

- an unfiltered list: the table's row estimate (`pg_class.reltuples`, kept by ANALYZE and
  autovacuum) when it is at least `EXACT_COUNT_UP_TO`; below that, an exact count;
- a filtered or searched list: an exact count that stops reading after `EXACT_COUNT_UP_TO + 1`
  rows (a LIMITed subquery); past that, the planner's estimate of the matches.

Other databases (SQLite) always count exactly.

Pages past the middle are read from the other end: the ordering reversed (with the primary key
as the last key, so that it is total and reverses exactly), an OFFSET from the end, the rows
reversed back, so the last page costs what the first does. `page(LAST)` is the last page; when
the count is an estimate it is the last `per_page` rows read backwards, the true last records.
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

EXACT_COUNT_UP_TO = 10_000
LAST = "last"
_PK = {"pk", "-pk", "id", "-id"}


def _is_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _is_whole_table(queryset) -> bool:
    query = queryset.query
    return not (query.where or query.distinct or query.combinator or query.is_sliced)


def table_estimate(queryset) -> int | None:
    """PostgreSQL's estimate of the rows in the queryset's table; None when it has none."""
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] >= 0 else None  # -1: never analysed


def planner_estimate(queryset) -> int:
    """The planner's estimate of the rows the queryset matches."""
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def _ordering(queryset) -> list:
    query = queryset.query
    if query.order_by:
        return list(query.order_by)
    return list(queryset.model._meta.ordering) if query.default_ordering else []


def totally_ordered(queryset):
    """The queryset with the primary key as its last sort key (so reversing it reverses every
    tie too); None when it cannot be read backwards (unordered, distinct, combined, sliced)."""
    query = queryset.query
    ordering = _ordering(queryset)
    if (
        not ordering
        or query.distinct
        or query.combinator
        or query.is_sliced
        or query.extra_order_by
    ):
        return None
    last = ordering[-1]
    if isinstance(last, str) and last in _PK:
        return queryset
    return queryset.order_by(*ordering, "pk")


class EstimatedCountPaginator(Paginator):
    """A Paginator whose `count` may be an estimate on large PostgreSQL lists; `is_estimate`
    says which, for the label. Pages past the middle, and `page(LAST)`, are read backwards."""

    is_estimate = False

    def __init__(self, object_list, *args, **kwargs):
        ordered = totally_ordered(object_list) if hasattr(object_list, "query") else None
        self.reversible = ordered is not None
        super().__init__(ordered if self.reversible else object_list, *args, **kwargs)

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not hasattr(queryset, "query") or not _is_postgresql(queryset):
            return super().count
        if _is_whole_table(queryset):
            estimate = table_estimate(queryset)
            if estimate is not None and estimate >= EXACT_COUNT_UP_TO:
                self.is_estimate = True
                return estimate
            return super().count
        capped = queryset.order_by()[: EXACT_COUNT_UP_TO + 1].count()
        if capped <= EXACT_COUNT_UP_TO:
            return capped
        self.is_estimate = True
        return max(planner_estimate(queryset), capped)

    def _backwards(self, skip: int, take: int) -> list:
        """`take` rows that end `skip` rows before the end, in the list's order."""
        rows = list(self.object_list.reverse()[skip : skip + take])
        rows.reverse()
        return rows

    def page(self, number):
        self.count  # noqa: B018 -- counting decides `is_estimate`
        if number == LAST and self.is_estimate:
            # The estimate may be off either way: the last page is the last full page of rows.
            rows = self._backwards(0, self.per_page) if self.reversible else []
            return self._get_page(rows, self.num_pages, self)
        number = self.num_pages if number == LAST else self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if not self.is_estimate:
            top = bottom + self.per_page
            if top + self.orphans >= self.count:
                top = self.count
            if self.reversible and bottom > self.count // 2:
                return self._get_page(self._backwards(self.count - top, top - bottom), number, self)
            return self._get_page(self.object_list[bottom:top], number, self)
        # An estimate may fall short of the real count: the last page shows a full page.
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
