"""Free-text museum dates ("c.1819", "c.1830–40", "exhibited 1809?") to EDTF.

`to_edtf(text)` is a pure function. It converts only what has one reading and says what it did:

- ``exact``: the text already is EDTF, or says exactly what the EDTF says (“1819”, “c.1830–40”).
- ``partial``: a date of the work followed by later events (“1828, reworked 1830”,
  “1978, printed 2005”): the EDTF is the date of the work; the later dates live only in the text.
- ``unknown``: the text says there is no date (“date not known”, “no date”): no EDTF.
- ``text``: anything else (“early 1840s”, “late 18th C”, typos such as “c.18799–1802”): no EDTF,
  the text is kept as written and the import flags it. Nothing is guessed.

Conventions, written out so a curator can check them:

====================================  ===================================
as written                            EDTF
====================================  ===================================
1819 / c.1819 / ?1819 / ?c.1819       1819 / 1819~ / 1819? / 1819%
1830–4, 1830–40, 1830–1840            1830/1834, 1830/1840, 1830/1840
c.1830–40                             1830~/1840~ (the qualifier holds for both ends)
1830–c.1840                           1830/1840~
1830s / c.1830s                       183X / 183X~
1786 or 1800 / 1786 (or 1800)         [1786,1800] (one of)
1831 and 1834 / 1969, 1970            {1831,1834} / {1969,1970} (all of)
published 1819 / engraved 1819        1819 (the date the object was made)
exhibited 1809 / exhibited 1809?      ../1809 / ../1809? (made by then)
before 1877 / after 1830              ../1876 / 1831/..
after c.1830 / c.1819 or earlier      1830~/.. / ../1819~
1819 or after                         1819/..
====================================  ===================================
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from archive.dates import bounds

EXACT, PARTIAL, UNKNOWN, TEXT = "exact", "partial", "unknown", "text"

NO_DATE = {"date not known", "no date", "not dated", "undated", "n.d.", "nd", "unknown"}
DASH = r"\s*[–—-]\s*"
# One year with its qualifiers: “?c.1819”, “c. 1819”, “circa 1819”, “?1819”, “1819?”.
YEAR = r"(?P<{n}u>\?\s*)?(?P<{n}c>(?:c\.|circa)\s*)?(?P<{n}q>\?)?(?P<{n}y>\d{{4}})(?P<{n}s>s)?"
# Prefix words that name the making of the object itself.
MADE = r"(?P<mu>\?\s*)?(?:first\s+)?(?:published|printed|engraved)"


@dataclass(frozen=True)
class DateResult:
    edtf: str
    text: str
    status: str
    note: str = ""

    @property
    def flagged(self) -> bool:
        """True when the EDTF does not carry everything the text says."""
        return self.status in (PARTIAL, TEXT)


def _qual(uncertain: bool, approximate: bool) -> str:
    if uncertain and approximate:
        return "%"
    return "?" if uncertain else "~" if approximate else ""


def _single(m, n: str, uncertain=False, approximate=False) -> str:
    uncertain = uncertain or bool(m.group(f"{n}u") or m.group(f"{n}q"))
    approximate = approximate or bool(m.group(f"{n}c"))
    year = m.group(f"{n}y")
    if m.group(f"{n}s"):
        year = year[:3] + "X"
    return year + _qual(uncertain, approximate)


_ONE = re.compile("^" + YEAR.format(n="a") + r"(?P<tq>\?)?$", re.I)
_RANGE = re.compile(
    r"^(?P<lu>\?\s*)?(?P<lc>(?:c\.|circa)\s*)?(?P<ay>\d{4})"
    + DASH
    + r"(?P<bu>\?\s*)?(?P<bc>c\.\s*)?(?P<by>\d{1,4})(?P<tq>\?)?$",
    re.I,
)
_OR = re.compile(
    "^" + YEAR.format(n="a") + r"\s+(?:or|\(or)\s+" + YEAR.format(n="b") + r"(?P<close>\))?$",
    re.I,
)
_AND = re.compile("^" + YEAR.format(n="a") + r"\s+and\s+" + YEAR.format(n="b") + "$", re.I)
_OR_SHORT = re.compile(r"^(?P<a>\d{4})\s+or\s+(?P<b>\d{1,2})$", re.I)


def _expand_end(start: str, end: str) -> str | None:
    """“1830–4” → 1834, “1830–40” → 1840, “1899–00” → 1900; None when it cannot be read."""
    if len(end) == 4:
        full = int(end)
    elif len(end) in (1, 2, 3):
        full = int(start[: 4 - len(end)] + end)
        if full < int(start) and len(end) == 2:
            full += 100
    else:
        return None
    return str(full) if full >= int(start) else None


def simple(text: str) -> str | None:
    """EDTF for one date or one range as written, or None."""
    text = text.strip()
    m = _ONE.match(text)
    if m:
        return _single(m, "a", uncertain=bool(m.group("tq")))
    m = _RANGE.match(text)
    if m:
        end = _expand_end(m.group("ay"), m.group("by"))
        if end is None:
            return None
        # A leading “c.” or “?” qualifies the whole range; “c.” after the dash only its end.
        lu, lc, tq = bool(m.group("lu")) or bool(m.group("tq")), bool(m.group("lc")), False
        start = m.group("ay") + _qual(lu, lc)
        end = end + _qual(lu or bool(m.group("bu")) or tq, lc or bool(m.group("bc")))
        return f"{start}/{end}"
    m = _OR.match(text)
    if m:
        if text.lower().count("(or") != (1 if m.group("close") else 0) and "(or" in text.lower():
            return None
        if ("(or" in text.lower()) != bool(m.group("close")):
            return None
        return f"[{_single(m, 'a')},{_single(m, 'b')}]"
    m = _OR_SHORT.match(text)
    if m:
        end = _expand_end(m.group("a"), m.group("b"))
        return f"[{m.group('a')},{end}]" if end else None
    m = _AND.match(text)
    if m:
        return f"{{{_single(m, 'a')},{_single(m, 'b')}}}"
    return None


def _prefixed(text: str) -> str | None:
    """Dates with a word before or after them: published, exhibited, before, after..."""
    lower = text.lower().strip()
    m = re.match(rf"^{MADE}\s+(.+)$", lower)
    if m:
        made = simple(m.group(2))
        if made and m.group("mu"):
            return None if "/" in made or made[-1] in "~?%" else made + "?"
        return made
    m = re.match(r"^(\?)?\s*exhibited\s+(\?)?(\d{4})(\?)?$", lower)
    if m:
        return f"../{m.group(3)}" + ("?" if any(m.group(i) for i in (1, 2, 4)) else "")
    m = re.match(r"^before\s+(\d{4})$", lower)
    if m:
        return f"../{int(m.group(1)) - 1}"
    m = re.match(r"^after\s+(\d{4})$", lower)
    if m:
        return f"{int(m.group(1)) + 1}/.."
    m = re.match(r"^after\s+c\.\s*(\d{4})$", lower)
    if m:
        return f"{m.group(1)}~/.."
    m = re.match(r"^(.+?)\s+or\s+(later|after)$", lower)
    if m and simple(m.group(1)) and "/" not in simple(m.group(1)):
        return f"{simple(m.group(1))}/.."
    m = re.match(r"^(.+?)\s+or\s+earlier$", lower)
    if m and simple(m.group(1)) and "/" not in simple(m.group(1)):
        return f"../{simple(m.group(1))}"
    return None


def _member(edtf: str) -> str | None:
    """A set member: a single date, or an unqualified range written a..b."""
    if "/" not in edtf:
        return edtf if not edtf.startswith(("[", "{")) else None
    start, end = edtf.split("/")
    if start.isdigit() and end.isdigit():
        return f"{start}..{end}"
    return None


def _valid(edtf: str) -> bool:
    return is_edtf(edtf)


def to_edtf(text: str | None) -> DateResult:
    """Read a date as written; see the module docstring for what comes out."""
    return _to_edtf((text or "").strip())


@lru_cache(maxsize=65536)
def _to_edtf(original: str) -> DateResult:
    """to_edtf of a stripped text; museums write the same dates again and again, and the
    result is immutable, so each distinct text is read once."""
    if not original:
        return DateResult("", "", EXACT)
    if original.lower() in NO_DATE:
        return DateResult("", original, UNKNOWN, gettext("no date given"))
    if original[0] != "?" and _valid(original):
        return DateResult(original, original, EXACT)
    whole = simple(original) or _prefixed(original)
    if whole and _valid(whole):
        return DateResult(whole, original, EXACT)
    # Several dates: “1969, 1970” (all of), or a date of the work and later events.
    parts = [p.strip() for p in re.split(r"\s*[;,]\s*", original) if p.strip()]
    if len(parts) > 1:
        first = simple(parts[0]) or _prefixed(parts[0])
        rest = parts[1:]
        if first and all(re.match(r"^\??(c\.|circa|\d)", p, re.I) for p in rest):
            members = [_member(simple(p) or "") if simple(p) else None for p in parts]
            if all(members):
                members = list(dict.fromkeys(members))
                candidate = members[0] if len(members) == 1 else "{" + ",".join(members) + "}"
                if _valid(candidate):
                    return DateResult(candidate, original, EXACT)
        elif first and _valid(first) and all(re.match(r"^\??[a-z]", p, re.I) for p in rest[:1]):
            return DateResult(
                first, original, PARTIAL, "date of the work; later dates kept as written"
            )
    # A date of the work with a remark in brackets: “1966 (repaired 2009)”.
    m = re.match(r"^([^()]+?)\s*\((?=[a-z])[^()]*\)$", original, re.I)
    if m:
        first = simple(m.group(1))
        if first and _valid(first):
            return DateResult(
                first, original, PARTIAL, gettext("date of the work; the remark is kept")
            )
    return DateResult("", original, TEXT, gettext("not read as a date; kept as written"))


# --- checking EDTF ------------------------------------------------------------------------
# archive.dates.bounds reads plain dates without the (slow) EDTF parser and remembers what the
# parser said of the rest; it does not remember refusals, and imports ask about the same
# museum texts (“c.1819”) thousands of times. Text with characters EDTF never uses is refused
# without asking; every answer, yes or no, is remembered here.
_EDTF_CHARS = re.compile(r"^[0-9XYSEZT:+\-/~?%.\[\]{},^]+$")


@lru_cache(maxsize=65536)
def _checked_bounds(text: str):
    """Bounds of an EDTF text, or None when it is not EDTF."""
    if not _EDTF_CHARS.match(text):
        return None
    try:
        return bounds(text)
    except ValidationError:
        return None


def edtf_bounds(text: str):
    """archive.dates.bounds (earliest, latest), remembered for refusals too.

    Raises ValidationError for text that is not EDTF."""
    text = (text or "").strip()
    if not text:
        return None, None
    checked = _checked_bounds(text)
    if checked is None:
        raise ValidationError(
            gettext("“%(value)s” is not a valid EDTF date.") % {"value": text}, code="invalid_edtf"
        )
    return checked


def is_edtf(text: str) -> bool:
    text = (text or "").strip()
    return not text or _checked_bounds(text) is not None
