"""Admin list counts that do not read the whole table.

Django's ChangeList counts its filtered queryset for the paginator on every request
(`show_full_result_count = False` only spares the second, unfiltered count). At a million rows
that COUNT reads every row. On PostgreSQL this paginator counts exactly what is small and
estimates what is large, and says so ("about 1,000,000 citations"):

- an unfiltered list: the table's row estimate (`pg_class.reltuples`, kept by ANALYZE and
  autovacuum) when it is at least `EXACT_COUNT_UP_TO`; below that, an exact count;
- a filtered or searched list: an exact count that stops reading after `EXACT_COUNT_UP_TO + 1`
  rows (a LIMITed subquery); past that, the planner's estimate of the matches.

Other databases (SQLite) always count exactly.
"""

import json

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

EXACT_COUNT_UP_TO = 10_000


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


class EstimatedCountPaginator(Paginator):
    """A Paginator whose `count` may be an estimate on large PostgreSQL lists; `is_estimate`
    says which, for the label."""

    is_estimate = False

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

    def page(self, number):
        if not self.is_estimate:
            return super().page(number)
        # An estimate may fall short of the real count: the last page shows a full page.
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
