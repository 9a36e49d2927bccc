"""How many published records each kind has, for the home page, without a count per kind on
every request.

Counting a kind's published records reads its whole status index: at a million records, six
of them cost more than the rest of the page. The counts change only when a record becomes
public or leaves the public site, and each such moment writes a row of the change log
(`archive.models.RecordChange`, bulk imports included). So the counts are asked in one query
and kept in the cache under the newest change's id and time: any publish or withdrawal makes
a new key, and the next request counts again. `QuerySet.update()` writes no change: the
counts then catch up within `COUNTS_SECONDS`.
"""

from django.core.cache import cache
from django.db.models import CharField, Count, Value

from archive.models import RecordChange

COUNTS_SECONDS = 600


def _version() -> str:
    newest = RecordChange.objects.order_by("-id").values_list("id", "at").first()
    return "none" if newest is None else f"{newest[0]}-{newest[1].timestamp()}"


def _count(kinds) -> dict[str, int]:
    """Every kind's count in one query (UNION ALL of one aggregate each)."""
    per_kind = [
        kind.model._default_manager.published()
        .order_by()
        .annotate(counted_kind=Value(kind.key, output_field=CharField()))
        .values("counted_kind")
        .annotate(n=Count("pk"))
        .values_list("counted_kind", "n")
        for kind in kinds
    ]
    counts = dict.fromkeys((kind.key for kind in kinds), 0)
    if per_kind:
        counts.update(per_kind[0].union(*per_kind[1:], all=True))
    return counts


def published_counts(kinds) -> dict[str, int]:
    """{kind key: number of published records} for `kinds` (registry kinds)."""
    key = f"archive:published-counts:{_version()}:{','.join(kind.key for kind in kinds)}"
    counts = cache.get(key)
    if counts is None:
        counts = _count(kinds)
        cache.set(key, counts, COUNTS_SECONDS)
    return counts
