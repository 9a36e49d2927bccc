"""EDTF dates in words, in the active language: “19–20 January 1990”, “19–20 yanvar 1990”,
“19–20 января 1990”.

The words are gettext strings (locale/*/LC_MESSAGES/django.po); what grammar needs is code: a
phrase names the form of the date it takes, and the date comes in every form a language
needs — Russian's genitive after “с”, “до”, “около” (`%(date_genitive)s`), Azerbaijani's
ablative and dative suffixes in vowel harmony with the number as it is spoken
(`%(date_ablative)s`: 1987-dən, 1990-dan; `%(date_dative)s`: 1990-a). Month names are CLDR's
(Babel): the format context after a day (“19 января”), the stand-alone one alone (“январь”).

Callers pass valid EDTF (`archive.dates.describe` checks); machine formats never come here.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import get_month_names
from django.utils.translation import get_language, pgettext

LANGUAGES = ("en", "az", "ru")

_DATE_RE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_UNSPECIFIED_RE = re.compile(r"^(\d{2,3})X{1,2}$")


def language() -> str:
    code = (get_language() or "en").split("-")[0].lower()
    return code if code in LANGUAGES else "en"


@lru_cache(maxsize=16)
def month_names(lang: str, context: str) -> dict[int, str]:
    """CLDR's wide month names: `format` (after a day; genitive in Russian), `stand-alone`."""
    return dict(get_month_names("wide", context=context, locale=lang))


# --- Azerbaijani: suffixes follow the last vowel of the word as spoken ------------------------

_AZ_UNITS = ["", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"]
_AZ_TENS = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"]
_AZ_VOWELS = "aıoueəiöü"
_AZ_BACK = "aıou"


def az_spoken_end(number: int) -> str:
    """The last word of a number spoken in Azerbaijani: 1987 → yeddi, 1990 → doxsan."""
    number = abs(number)
    if number == 0:
        return "sıfır"
    if number % 10:
        return _AZ_UNITS[number % 10]
    if number % 100:
        return _AZ_TENS[number % 100 // 10]
    if number % 1000:
        return "yüz"
    if number % 1_000_000:
        return "min"
    if number % 1_000_000_000:
        return "milyon"
    return "milyard"


def _az_last_vowel(word: str) -> str:
    for letter in reversed(word.lower()):
        if letter in _AZ_VOWELS:
            return letter
    return "ə"


def _az_sound(token: str) -> str:
    """The word a suffix agrees with: a written number's spoken last word, or the word."""
    digits = re.search(r"(\d+)\D*$", token)
    if digits and token.rstrip(").").endswith(digits.group(1)):
        return az_spoken_end(int(digits.group(1)))
    return token


def az_ordinal(number: int | str) -> str:
    """1980-ci, 1990-cı, 1986-cı, 1983-cü, 1989-cu, 2000-ci: four-way vowel harmony."""
    vowel = _az_last_vowel(az_spoken_end(int(number)))
    ending = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}.get(vowel, "i")
    return f"{number}-c{ending}"


def az_case(phrase: str, case: str, possessive: bool = False) -> str:
    """The phrase with its last word in the ablative (-dan/-dən) or dative (-a/-ə, -ya/-yə);
    a number takes the suffix after a hyphen (1990-dan), a word directly (illərdən). After a
    possessive ending (ilin yazı) the pronominal n comes first (yazından, yazına)."""
    head, _, last = phrase.rpartition(" ")
    sound = _az_sound(last)
    back = _az_last_vowel(sound) in _AZ_BACK
    ends_in_vowel = sound[-1:].lower() in _AZ_VOWELS
    if case == "ablative":
        suffix = "dan" if back else "dən"
    else:
        suffix = "a" if back else "ə"
        if ends_in_vowel and not possessive:
            suffix = "y" + suffix
    if possessive:
        suffix = "n" + suffix
    joiner = "-" if last[-1:].isdigit() else ""
    return f"{head} {last}{joiner}{suffix}".lstrip()


# --- one date, parsed into the parts its words are made of ------------------------------------


@dataclass(frozen=True)
class Single:
    qualifier: str = ""  # "~" about, "?" perhaps, "%" perhaps about
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None  # 21–24: spring, summer, autumn, winter
    decade: int | None = None  # 1980
    century: int | None = None  # 20 for 19XX
    raw: str = ""  # a form we have no words for, shown as written


def parse_single(text: str) -> Single | None:
    qualifier = text[-1] if text[-1:] in "~?%" else ""
    core = text[:-1] if qualifier else text
    if core in ("", ".."):
        return None
    match = _DATE_RE.match(core)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        if day:
            return Single(qualifier, year, month, day)
        if month and 1 <= month <= 12:
            return Single(qualifier, year, month)
        if month and 21 <= month <= 24:
            return Single(qualifier, year, season=month)
        return Single(qualifier, year)
    unspecified = _UNSPECIFIED_RE.match(core)
    if unspecified:
        digits = unspecified.group(1)
        if len(digits) == 3:
            return Single(qualifier, decade=int(digits) * 10)
        return Single(qualifier, century=int(digits) + 1)
    return Single(qualifier, raw=core)


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip


def _roman(number: int) -> str:
    """Centuries in Russian and Azerbaijani: XX век, XX əsr."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _english_ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix}"


def _season(number: int, genitive: bool) -> str:
    if genitive:
        return [
            pgettext("season, genitive (after from, until, about)", "spring"),
            pgettext("season, genitive (after from, until, about)", "summer"),
            pgettext("season, genitive (after from, until, about)", "autumn"),
            pgettext("season, genitive (after from, until, about)", "winter"),
        ][number - 21]
    return [
        pgettext("season", "spring"),
        pgettext("season", "summer"),
        pgettext("season", "autumn"),
        pgettext("season", "winter"),
    ][number - 21]


class _Args(dict):
    """Template arguments made only when a translation asks for them."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


def year_words(year: int) -> str:
    if year > 0:
        return str(year)
    return pgettext("a year before the common era", "%(year)s BCE") % {"year": 1 - year}


def core_words(single: Single, genitive: bool = False) -> str:
    """The date without its qualifier; `genitive` for Russian after a preposition."""
    lang = language()
    if single.raw:
        return single.raw
    if single.decade is not None:
        args = {"year": single.decade, "year_ordinal": _ordinal(lang, single.decade)}
        if genitive:
            # Translators: %(year)s 1980, or %(year_ordinal)s (Azerbaijani: 1980-ci).
            # xgettext:no-python-format
            return pgettext("decade, genitive (after from, until, about)", "the %(year)ss") % args
        # Translators: %(year)s 1980, or %(year_ordinal)s (Azerbaijani: 1980-ci).
        # xgettext:no-python-format
        return pgettext("decade", "the %(year)ss") % args
    if single.century is not None:
        args = {"ordinal": _english_ordinal(single.century), "roman": _roman(single.century)}
        if genitive:
            # Translators: %(ordinal)s 20th, or %(roman)s XX.
            # xgettext:no-python-format
            return pgettext("century, genitive", "the %(ordinal)s century") % args
        # Translators: %(ordinal)s 20th, or %(roman)s XX.
        # xgettext:no-python-format
        return pgettext("century", "the %(ordinal)s century") % args
    year = year_words(single.year)
    if single.day:
        return f"{single.day} {month_names(lang, 'format')[single.month]} {year}"
    if single.month:
        context = "format" if genitive else "stand-alone"
        return f"{month_names(lang, context)[single.month]} {year}"
    if single.season:
        args = {
            "season": _season(single.season, genitive),
            "year": year,
            "year_ordinal": _ordinal(lang, single.year) if single.year > 0 else year,
        }
        # Translators: %(year)s 1990, or %(year_ordinal)s (Azerbaijani: 1990-cı).
        # xgettext:no-python-format
        return pgettext("a season of a year", "%(season)s %(year)s") % args
    return year


def _ordinal(lang: str, number: int):
    return az_ordinal(number) if lang == "az" else number


def forms(single: Single, in_phrase: bool = False) -> _Args:
    """The date in every form a phrase's translation may ask for. `in_phrase`: inside “from”
    or “until”, a qualifier is an adverb before the date (“from about 1987”)."""
    adverb = ""
    if single.qualifier and in_phrase:
        adverb = _qualifier_adverb(single.qualifier) + " "
    elif single.qualifier:
        plain = forms(Single(**{**single.__dict__, "qualifier": ""}))
        template = _qualifier_template(single.qualifier)
        words = template % plain
        return _Args(lambda key: words)

    def make(key):
        if key == "date":
            return adverb + core_words(single)
        if key == "date_genitive":
            return adverb + core_words(single, genitive=True)
        if key in ("date_ablative", "date_dative"):
            return adverb + az_case(
                core_words(single), key[5:], possessive=single.season is not None
            )
        raise KeyError(key)

    return _Args(make)


def _qualifier_template(qualifier: str) -> str:
    if qualifier == "~":
        # Translators: the date in the form the phrase takes: %(date)s, %(date_genitive)s
        # (Russian), %(date_ablative)s or %(date_dative)s (Azerbaijani).
        # xgettext:no-python-format
        return pgettext("an approximate date", "about %(date)s")
    if qualifier == "?":
        # Translators: the date in the form the phrase takes: %(date)s, %(date_genitive)s
        # (Russian), %(date_ablative)s or %(date_dative)s (Azerbaijani).
        # xgettext:no-python-format
        return pgettext("an uncertain date", "perhaps %(date)s")
    # Translators: the date in the form the phrase takes: %(date)s, %(date_genitive)s
    # (Russian), %(date_ablative)s or %(date_dative)s (Azerbaijani).
    # xgettext:no-python-format
    return pgettext("an uncertain, approximate date", "perhaps about %(date)s")


def _qualifier_adverb(qualifier: str) -> str:
    if qualifier == "~":
        return pgettext("an approximate date, after from or until", "about")
    if qualifier == "?":
        return pgettext("an uncertain date, after from or until", "perhaps")
    return pgettext("an uncertain, approximate date, after from or until", "perhaps about")


def decade_label(start: int) -> str:
    """A decade as a heading or a link: “1990s”, “1990-cı illər”, “1990-е”."""
    args = {"year": start, "year_ordinal": _ordinal(language(), start)}
    # Translators: %(year)s 1990, or %(year_ordinal)s (Azerbaijani: 1990-cı).
    # xgettext:no-python-format
    return pgettext("a decade as a heading", "%(year)ss") % args


def certainty(text: str) -> str:
    """How sure an EDTF date is, in a word or two; empty for an exact date."""
    text = text.strip()
    if not text:
        return ""
    if "%" in text or ("?" in text and "~" in text):
        return pgettext("how sure a date is", "uncertain, approximate")
    if "?" in text:
        return pgettext("how sure a date is", "uncertain")
    if "~" in text:
        return pgettext("how sure a date is", "approximate")
    if "X" in text or text.startswith(("[", "{")):
        return pgettext("how sure a date is", "imprecise")
    if text.startswith(("..", "/")) or text.endswith(("..", "/")):
        return pgettext("how sure a date is", "open-ended")
    return ""


def single_words(text: str) -> str:
    single = parse_single(text)
    return forms(single)["date"] if single else ""


def _range(first: str, second: str) -> str:
    """Two dates with a dash, spaced when either is more than one word."""
    dash = " – " if " " in first or " " in second else "–"
    return f"{first}{dash}{second}"


def _same_year_range(start: str, end: str) -> str | None:
    """“19–20 January 1990”, “19 January – 2 February 1990”, “January–March 1990”."""
    a, b = _DATE_RE.match(start), _DATE_RE.match(end)
    if not (a and b) or a.group(1) != b.group(1):
        return None
    lang, year = language(), year_words(int(a.group(1)))
    days = month_names(lang, "format")
    if a.group(3) and b.group(3):
        if a.group(2) == b.group(2):
            return f"{int(a.group(3))}–{int(b.group(3))} {days[int(a.group(2))]} {year}"
        return (
            f"{int(a.group(3))} {days[int(a.group(2))]} – "
            f"{int(b.group(3))} {days[int(b.group(2))]} {year}"
        )
    first, last = int(a.group(2) or 0), int(b.group(2) or 0)
    if 1 <= first <= 12 and 1 <= last <= 12 and not a.group(3) and not b.group(3):
        alone = month_names(lang, "stand-alone")
        return f"{alone[first]}–{alone[last]} {year}"
    return None


def describe(text: str) -> str:
    """A valid EDTF date in words of the active language."""
    if text[0] in "[{":
        items = [item.strip() for item in text[1:-1].split(",") if item.strip()]
        words = []
        for item in items:
            low, dots, high = item.partition("..")
            first = single_words(low)
            words.append(_range(first, single_words(high)) if dots else first)
        if len(items) == 1 and ".." in items[0]:
            return pgettext("one day within a span", "some time in %(span)s") % {"span": words[0]}
        if text[0] == "[":
            joiner = pgettext("one of these dates", "or")
        else:
            joiner = pgettext("all of these dates", "and")
        return f" {joiner} ".join(words)
    if "/" in text:
        start, _, end = text.partition("/")
        first, last = parse_single(start), parse_single(end)
        if first is None and last is None:
            return pgettext("an interval with neither end known", "date unknown")
        if first is None:
            # Translators: the date in the form the phrase takes: %(date)s, %(date_genitive)s
            # (Russian), %(date_ablative)s or %(date_dative)s (Azerbaijani).
            # xgettext:no-python-format
            return pgettext("an interval open at its start", "until %(date)s") % forms(last, True)
        if last is None:
            # Translators: the date in the form the phrase takes: %(date)s, %(date_genitive)s
            # (Russian), %(date_ablative)s or %(date_dative)s (Azerbaijani).
            # xgettext:no-python-format
            return pgettext("an interval open at its end", "from %(date)s") % forms(first, True)
        return _same_year_range(start, end) or _range(single_words(start), single_words(end))
    return single_words(text)
