"""Historical dates as EDTF strings: validation, derived bounds and plain-word display.

The `edtf` package parses; we keep the string as entered (its model field corrupts some values)
and derive indexed earliest/latest dates for sorting and range filters. `words` writes them
in the active language.
"""

import datetime
import re
import time
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from . import words
from .words import certainty as certainty  # re-exported: archive.dates.certainty
from .words import decade_label as decade_label


def parse(text: str):
    """Parse an EDTF string or raise ValidationError with a plain message."""
    text = (text or "").strip()
    try:
        return parse_edtf(text)
    except (EDTFParseException, ValueError, TypeError, AttributeError) as exc:
        raise ValidationError(
            # Lazy: refusals are cached (_parsed_or_refused) and shown in each reader's language.
            gettext_lazy(
                "“%(value)s” is not a valid EDTF date. Examples: 1990-01-19, "
                "1990-01-19/1990-01-20, 1987~ (about 1987), 1988? (perhaps 1988), 199X (the "
                "1990s), [1987..1990] (one of)."
            ),
            code="invalid_edtf",
            params={"value": text},
        ) from exc


def validate_edtf(text: str) -> None:
    if text:
        bounds(text)


def _to_date(value) -> datetime.date | None:
    if not isinstance(value, time.struct_time):
        return None  # ±infinity: an open end
    year = min(max(value.tm_year, datetime.MINYEAR), datetime.MAXYEAR)
    try:
        return datetime.date(year, value.tm_mon, value.tm_mday)
    except ValueError:
        return datetime.date(year, value.tm_mon, 28)


_PLAIN_RE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?[~?%]?$")


def _plain_bounds(part: str) -> tuple[datetime.date, datetime.date] | None:
    """Bounds of a plain year, month or day (qualified or not) without the slow parser;
    None for anything else, which the parser then judges."""
    match = _PLAIN_RE.match(part)
    if not match:
        return None
    year = int(match["year"])
    if year < 1:
        return None
    try:
        if match["day"]:
            day = datetime.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            first = datetime.date(year, month, 1)
            following = datetime.date(year + month // 12, month % 12 + 1, 1)
            return first, following - datetime.timedelta(days=1)
    except ValueError:
        return None
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


_DECADE_RE = re.compile(r"^(?P<digits>\d{3})X[~?%]?$")
_SET_ENDS = {"[": "]", "{": "}"}


def _decade_bounds(part: str) -> tuple[datetime.date, datetime.date] | None:
    """Bounds of a decade (“183X”, qualified or not); None for anything else."""
    match = _DECADE_RE.match(part)
    if not match or int(match["digits"]) < 1:
        return None
    start = int(match["digits"]) * 10
    return datetime.date(start, 1, 1), datetime.date(start + 9, 12, 31)


def _set_bounds(text: str):
    """Bounds of a set (“[1786,1800]” one of, “{1831,1834~}” all of) whose members are
    plain dates, decades or closed ranges a..b; None for anything else."""
    items = text[1:-1].split(",")
    if len(items) == 1 and ".." not in items[0]:
        return None  # a set of one date is not EDTF
    lows, highs = [], []
    for item in items:
        start, dots, end = item.partition("..")
        first = _plain_bounds(start) or _decade_bounds(start)
        last = (_plain_bounds(end) or _decade_bounds(end)) if dots else first
        if first is None or last is None or first[0] > last[1]:
            return None
        lows.append(first[0])
        highs.append(last[1])
    return min(lows), max(highs)


def _fast_bounds(text: str):
    if text[0] in _SET_ENDS and text[-1] == _SET_ENDS[text[0]]:
        return _set_bounds(text)
    if text.count("/") == 1:
        start, end = text.split("/")
        low = None if start in ("", "..") else _plain_bounds(start)
        high = None if end in ("", "..") else _plain_bounds(end)
        known_start, known_end = low or start in ("", ".."), high or end in ("", "..")
        if known_start and known_end and (low or high):
            earliest, latest = (low[0] if low else None), (high[1] if high else None)
            if earliest is None or latest is None or earliest <= latest:
                return earliest, latest
        return None
    return _plain_bounds(text) or _decade_bounds(text)


@lru_cache(maxsize=16384)
def _parsed_or_refused(text: str):
    """The parser's bounds, or the ValidationError it gave: refusals are remembered too."""
    try:
        return _parsed_bounds(text)
    except ValidationError as error:
        return error


def _parsed_bounds(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    parsed = parse(text)
    earliest, latest = _to_date(parsed.lower_strict()), _to_date(parsed.upper_strict())
    if "/" in text:
        start, _, end = text.partition("/")
        if start in ("", ".."):
            earliest = None
        if end in ("", ".."):
            latest = None
    if earliest and latest and earliest > latest:
        raise ValidationError(
            gettext_lazy("“%(value)s” ends before it begins."),
            code="invalid_edtf",
            params={"value": text},
        )
    return earliest, latest


def bounds(text: str) -> tuple[datetime.date | None, datetime.date | None]:
    """Earliest and latest possible day of an EDTF date; an open or unknown end is None.

    Raises ValidationError for text that is not EDTF. The `edtf` parser takes tens of
    milliseconds a call, so plain dates take a fast path and parsed results are remembered."""
    text = (text or "").strip()
    if not text:
        return None, None
    found = _fast_bounds(text) or _parsed_or_refused(text)
    if isinstance(found, ValidationError):
        raise found
    return found


def describe(text: str) -> str:
    """An EDTF date in words of the active language: “19–20 January 1990”, “about 1987”,
    “from 1993” (`archive.dates.words`); text that is not EDTF is shown as given."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        bounds(text)
    except ValidationError:
        return text
    return words.describe(text)


class EDTFField(models.CharField):
    """An EDTF date kept as entered. The model declares `<name>_earliest`/`<name>_latest`
    DateFields beside it; `set_date_bounds()` fills them before each save."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault(
            "help_text",
            gettext_lazy(
                "EDTF: 1990-01-19, 1990-01-19/1990-01-20, 1987~ (about), 1988? (uncertain), "
                "199X (a decade), [1987..1990] (one of), 1993/.. (open end)."
            ),
        )
        super().__init__(*args, **kwargs)
        self.validators.append(validate_edtf)


def set_date_bounds(instance) -> None:
    """Fill every EDTFField's earliest/latest companions on a model instance."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, EDTFField):
            earliest, latest = bounds(getattr(instance, field.attname))
            setattr(instance, f"{field.name}_earliest", earliest)
            setattr(instance, f"{field.name}_latest", latest)


# --- the overlap rule: one definition, for the ORM and for the search's raw SQL ----------------
# A record's span is [earliest, latest], a missing bound an open end that reaches as far as it
# needs to; it meets the years start–end when it begins before the range ends and ends after
# the range begins. An undated record (both bounds missing) never matches a range.


def year_bounds(start: int | None, end: int | None) -> tuple[datetime.date | None, ...]:
    """The first day of `start` and the last day of `end` (None stays None)."""
    first = datetime.date(start, 1, 1) if start is not None else None
    last = datetime.date(end, 12, 31) if end is not None else None
    return first, last


def overlap_clauses(start: int | None, end: int | None) -> list[list[tuple[str, str, object]]]:
    """The rule as clauses that must all hold, each a list of tests of which one must: (bound,
    lookup, value), bound "earliest" or "latest", lookup "isnull", "gte" or "lte" (Django's
    meaning). No range, no clause: every record matches."""
    if start is None and end is None:
        return []
    first, last = year_bounds(start, end)
    clauses = [[("earliest", "isnull", False), ("latest", "isnull", False)]]  # dated at all
    if first is not None:
        clauses.append([("latest", "isnull", True), ("latest", "gte", first)])
    if last is not None:
        clauses.append([("earliest", "isnull", True), ("earliest", "lte", last)])
    return clauses


def overlap_q(earliest: str, latest: str, start: int | None, end: int | None) -> models.Q:
    """The rule for the ORM; `earliest` and `latest` name the bound fields ("date_earliest",
    "birth_date_earliest")."""
    fields = {"earliest": earliest, "latest": latest}
    condition = models.Q()
    for clause in overlap_clauses(start, end):
        either = models.Q()
        for bound, lookup, value in clause:
            either |= models.Q(**{f"{fields[bound]}__{lookup}": value})
        condition &= either
    return condition


_SQL = {"gte": ">= %s", "lte": "<= %s"}


def overlap_sql(earliest: str, latest: str, start: int | None, end: int | None):
    """The rule for raw SQL: (condition, values); `earliest` and `latest` are columns
    ("d.earliest"). ("", []) for no range."""
    columns = {"earliest": earliest, "latest": latest}
    parts, values = [], []
    for clause in overlap_clauses(start, end):
        tests = []
        for bound, lookup, value in clause:
            if lookup == "isnull":
                tests.append(f"{columns[bound]} IS {'' if value else 'NOT '}NULL")
            else:
                tests.append(f"{columns[bound]} {_SQL[lookup]}")
                values.append(value)
        parts.append(f"({' OR '.join(tests)})")
    return " AND ".join(parts), values
