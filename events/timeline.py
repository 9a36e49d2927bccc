"""The timeline's periods: which decade or year a page shows, how many events each period holds
and the walk from one period to the next.

A page shows one period. A decade is one page when it holds at most PAGE_SIZE events; a denser
decade is shown a year at a time, and a year holding more than PAGE_SIZE events is paged. Events
belong to every period their span meets (the one overlap rule of `archive.dates`, as browsing
and the admin's decade filter count them), so an event spanning 1989–1990 is in the 1980s and
in the 1990s. Counts come from one GROUP BY over (first period, last period) pairs, spread over
the periods between in Python: the rows grow with the distinct spans, not with the events.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, F, IntegerField
from django.db.models.functions import ExtractYear, Floor
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import dates
from events.models import EventType

PAGE_SIZE = 200  # events on one page at most
UNDATED = "undated"


@dataclass(frozen=True)
class Period:
    kind: str  # "decade", "year" or UNDATED
    start: int | None = None

    @property
    def end(self) -> int | None:
        return self.start + 9 if self.kind == "decade" else self.start

    @property
    def label(self) -> str:
        if self.kind == "decade":
            return dates.decade_label(self.start)
        if self.kind == "year":
            return str(self.start)
        return gettext("Date unknown")

    @property
    def param(self) -> tuple[str, str]:
        """The period in the URL: ("decade", "1990"), ("year", "1994"), ("date", "unknown")."""
        if self.kind == UNDATED:
            return ("date", "unknown")
        return (self.kind, str(self.start))

    @property
    def query(self) -> str:
        """The query string that opens the period: “decade=1990”."""
        return "=".join(self.param)

    @property
    def decade(self) -> int | None:
        return None if self.start is None else self.start // 10 * 10

    @property
    def decade_label(self) -> str:
        """The label of the decade this period is in ("1990s" for 1994)."""
        return Period("decade", self.decade).label

    def overlap_q(self):
        return dates.overlap_q("date_earliest", "date_latest", self.start, self.end)


class BadPeriod(ValueError):
    """A period parameter that names no period; its message says what would."""


class NarrowForm(forms.Form):
    """What the timeline may be narrowed to: one event type (a small vocabulary; places and
    people, which grow with the archive, are narrowed on the browse page)."""

    event_type = forms.ModelChoiceField(
        label=_("Type"),
        queryset=EventType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any type"),
    )

    def narrow(self, queryset):
        """The events narrowed, and the query string that keeps the narrowing in links."""
        if not self.is_valid() or self.cleaned_data["event_type"] is None:
            return queryset, ""
        chosen = self.cleaned_data["event_type"]
        return queryset.filter(event_type=chosen), f"event_type={chosen.slug}"


def period_from(params) -> Period | None:
    """The period a query string asks for, None for none; BadPeriod for nonsense."""
    if params.get("date") == "unknown":
        return Period(UNDATED)
    refusals = {
        "decade": _(
            "“%(value)s” is not a decade this timeline knows; write it like 1990 (a year ending "
            "in 0), between 1 and 9999."
        ),
        "year": _(
            "“%(value)s” is not a year this timeline knows; write it like 1994, between 1 and 9999."
        ),
    }
    for kind, width in (("decade", 10), ("year", 1)):
        value = params.get(kind)
        if value is None:
            continue
        value = value.strip()
        if not value.isdigit() or not 1 <= int(value) <= 9999 or int(value) % width:
            raise BadPeriod(refusals[kind] % {"value": value})
        return Period(kind, int(value))
    return None


def _span_pairs(queryset, width: int):
    """(first, last, events) per distinct span, first and last counted in periods of `width`
    years (None for an open end)."""

    def period(field):
        year = ExtractYear(field)
        if width == 1:
            return year
        return Floor(year / width, output_field=IntegerField())

    rows = (
        queryset.order_by()
        .annotate(first=period("date_earliest"), last=period("date_latest"))
        .values("first", "last")
        .annotate(events=Count("pk"))
    )
    return [(row["first"], row["last"], row["events"]) for row in rows]


def _spread(pairs, low: int, high: int) -> dict[int, int]:
    """Events per period index between low and high, an open end reaching the edge."""
    counts: dict[int, int] = {}
    for first, last, events in pairs:
        first = low if first is None else max(int(first), low)
        last = high if last is None else min(int(last), high)
        for index in range(first, last + 1):
            counts[index] = counts.get(index, 0) + events
    return counts


def _dated_pairs(pairs):
    return [pair for pair in pairs if pair[0] is not None or pair[1] is not None]


def _known(pairs) -> list[int]:
    return [int(v) for first, last, _ in pairs for v in (first, last) if v is not None]


def _populated(counts: dict[int, int], scale: int = 1) -> dict[int, int]:
    return {index * scale: n for index, n in sorted(counts.items()) if n}


@dataclass
class Step:
    """One entry of an overview: a period, its events, and the period its link opens (a dense
    decade opens at its first year)."""

    period: Period
    count: int
    opens: Period


@dataclass
class Timeline:
    period: Period | None  # None: the archive holds no published event
    decades: list[Step]
    years: list[Step]  # the years of the period's decade
    previous: Period | None
    next: Period | None
    undated: int
    redirect: Period | None = None  # a dense decade was asked for: show its first year


def build(queryset, asked: Period | None) -> Timeline:
    """The overview and the walk around the period asked for (None: the first period, the
    start of the story, which stays put as later events are added). Two queries."""
    pairs = _span_pairs(queryset, 10)
    undated = sum(n for first, last, n in pairs if first is None and last is None)
    dated = _dated_pairs(pairs)
    known = _known(dated)
    decades = _populated(_spread(dated, min(known), max(known)), 10) if known else {}
    order = list(decades)

    by_default = asked is None
    if asked is None:
        asked = Period("decade", order[0]) if order else (Period(UNDATED) if undated else None)
    if asked is None:
        return Timeline(None, [], [], None, None, 0)
    current = asked.decade if asked.kind != UNDATED else (order[-1] if order else None)
    before = [d for d in order if current is not None and d < current]
    after = [d for d in order if current is not None and d > current]
    earlier, later = (before[-1] if before else None), (after[0] if after else None)

    needed = [d for d in (earlier, current, later) if d is not None]
    dense = [d for d in needed if decades.get(d, 0) > PAGE_SIZE]
    years = _years(
        queryset,
        sorted({*dense, *([current] if current is not None else [])}),
        first=order[0] if order else None,
        last=order[-1] if order else None,
    )

    def periods_of(decade):
        if decades.get(decade, 0) > PAGE_SIZE:
            return [Period("year", y) for y in years.get(decade, {})] or [Period("decade", decade)]
        return [Period("decade", decade)]

    if asked.kind == "decade" and decades.get(asked.start, 0) > PAGE_SIZE:
        if not by_default:
            return Timeline(asked, [], [], None, None, undated, redirect=periods_of(current)[0])
        asked = periods_of(current)[0]

    previous = periods_of(earlier)[-1] if earlier is not None else None
    following = periods_of(later)[0] if later is not None else None
    if asked.kind == UNDATED:
        previous = periods_of(current)[-1] if current is not None else None
        following = None
    elif asked.kind == "year" and decades.get(current, 0) > PAGE_SIZE:
        in_decade = list(years.get(current, {}))
        sooner = [y for y in in_decade if y < asked.start]
        afterwards = [y for y in in_decade if y > asked.start]
        if sooner:
            previous = Period("year", sooner[-1])
        if afterwards:
            following = Period("year", afterwards[0])
    if following is None and asked.kind != UNDATED and undated:
        following = Period(UNDATED)

    steps = [Step(Period("decade", d), n, periods_of(d)[0]) for d, n in decades.items()]
    year_steps = (
        [Step(Period("year", y), n, Period("year", y)) for y, n in years.get(current, {}).items()]
        if asked.kind != UNDATED
        else []
    )
    return Timeline(asked, steps, year_steps, previous, following, undated)


def _years(queryset, decades: list[int], first: int | None, last: int | None):
    """Events per year of each decade given (decade → year → events): one query over the years
    from the first decade to the last. An open end reaches the archive's first or last known
    year, no further, as it reaches the first or last decade in the overview."""
    if not decades:
        return {}
    low, high = min(decades), max(decades) + 9
    span = dates.overlap_q("date_earliest", "date_latest", low, high)
    pairs = _dated_pairs(_span_pairs(queryset.filter(span), 1))
    known = _known(pairs)
    result = {}
    for decade in decades:
        edge_low = decade if decade != first or not known else max(decade, min(known))
        edge_high = decade + 9 if decade != last or not known else min(decade + 9, max(known))
        result[decade] = _populated(_spread(pairs, edge_low, edge_high))
    return result


def events_in(queryset, period: Period):
    """The period's events, by when they began (an open start first, as it began earliest)."""
    if period.kind == UNDATED:
        found = queryset.filter(date_earliest__isnull=True, date_latest__isnull=True)
    else:
        found = queryset.filter(period.overlap_q())
    return found.order_by(
        F("date_earliest").asc(nulls_first=True),
        F("date_latest").asc(nulls_last=True),
        "title",
        "pk",
    )


@dataclass
class Group:
    label: str
    events: list


def grouped(events, period: Period) -> list[Group]:
    """A page's events under the year each began; those begun before the period first."""
    groups: dict[str, Group] = {}
    for event in events:
        began = event.date_earliest
        if period.kind == UNDATED:
            label = period.label
        elif began is None or began.year < period.start:
            label = gettext("Begun before %(year)s") % {"year": period.start}
        else:
            label = str(began.year)
        groups.setdefault(label, Group(label, [])).events.append(event)
    return list(groups.values())
