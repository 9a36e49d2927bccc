"""How a claim's value reads, and how a claim names another record: one place for both.

A number with optional bounds reads in words: "147", "between 131 and 147", "up to 300",
"at least 100", "about 147 (between 131 and 147)". Every output (admin, public pages, the API,
cited-by) reads a claim through `Claim.value_display`, which calls `number_in_words`.

A claim whose value is another record ("attributed to" a person) stores it as a generic
relation (content type and id: it survives renames and is prefetched in bulk), and the form
names it as `kind:slug` ("place:baku"), the kind keys of `archive.registry`, so
`archive` names no other app's model.
"""

from decimal import Decimal

from django.utils.translation import gettext, gettext_lazy, pgettext

from archive import registry
from archive.numbers import plain


def normal(value) -> Decimal | None:
    """A number as a canonical Decimal (147, 147.0 and Decimal("147.0000") are equal)."""
    return None if value is None else Decimal(str(value)).normalize()


def number_text(value) -> str:
    """147, 1,000, 2.5 (az 1.000, ru 1 000): grouped in the active language, no trailing
    zeros."""
    return "" if value is None else plain(value, grouping=True)


def bounds_in_words(lower, upper, unit: str = "") -> str:
    """“between 131 and 147 people” (az “131 ilə 147 people arasında”, ru “от 131 до 147
    people”): the unit follows the last figure."""
    unit = f" {unit}" if unit else ""
    low, high = number_text(lower), number_text(upper)
    if low and high:
        args = {"low": low, "high": f"{high}{unit}"}
        return pgettext("a number between bounds", "between %(low)s and %(high)s") % args
    if low:
        return pgettext("a number's lower bound", "at least %(low)s") % {"low": f"{low}{unit}"}
    if high:
        return pgettext("a number's upper bound", "up to %(high)s") % {"high": f"{high}{unit}"}
    return ""


def number_in_words(number=None, lower=None, upper=None, unit: str = "") -> str:
    """The one wording of a number with optional bounds, with its unit after the figure."""
    if number is None:
        return bounds_in_words(lower, upper, unit)
    figure = f"{number_text(number)} {unit}" if unit else number_text(number)
    span = bounds_in_words(lower, upper)
    if span:
        return pgettext("a number with bounds", "about %(number)s (%(span)s)") % {
            "number": figure,
            "span": span,
        }
    return figure


REFERENCE_HELP = gettext_lazy(
    "The record this claim names, as kind:slug, for example place:baku (kinds: %(kinds)s). "
    "An old slug still finds the record."
)


def reference_help() -> str:
    return REFERENCE_HELP % {"kinds": ", ".join(kind.key for kind in registry.kinds())}


def reference(record) -> str:
    """`kind:slug` for a record of a registered kind."""
    kind = registry.kind_for_model(type(record))
    return f"{kind.key}:{record.slug}" if kind is not None else ""


def resolve(text: str):
    """The record a `kind:slug` reference names (an old slug still finds it).

    Raises ValueError with a message in plain words when it names nothing."""
    key, sep, slug = text.strip().partition(":")
    key, slug = key.strip().lower(), slug.strip()
    kind = registry.get(key)
    if not sep or not slug or kind is None:
        kinds = ", ".join(k.key for k in registry.kinds())
        raise ValueError(
            gettext(
                "“%(text)s” is not a record reference: write kind:slug, for example "
                "place:baku (kinds: %(kinds)s)."
            )
            % {"text": text, "kinds": kinds}
        )
    holders = kind.model.slug_holders([slug])
    if not holders:
        raise ValueError(
            gettext("No %(kind)s has the slug “%(slug)s”.")
            % {"kind": gettext(kind.label).lower(), "slug": slug}
        )
    return holders[0][1]
