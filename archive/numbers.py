"""Numbers as people write them: 147, 12.5, 40.4093 (never 147.0000 or 1E+2).

Decimal columns keep a fixed number of places (a claim's 147 is stored as 147.0000); every
place that shows one, a form widget, an admin list or a page, writes it through `plain`.
"""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal
from django import forms
from django.utils.translation import get_language

# Babel's (CLDR's) names of our languages; anything else reads as English.
_LOCALES = {"en": "en", "az": "az", "ru": "ru"}


def plain(value, grouping: bool = False) -> str:
    """`value` without trailing zeros or an exponent; `grouping` writes it for reading in the
    active language, as CLDR says (1,500.5; az 1.500,5; ru 1 500,5 with a no-break space),
    never for a form field, which would refuse it."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)  # not a number: shown as given, the form says what is wrong
    text = f"{number:f}"
    if not grouping:
        return text
    locale = _LOCALES.get((get_language() or "en").split("-")[0].lower(), "en")
    return format_decimal(number, locale=locale, decimal_quantization=False)


class PlainDecimalField(forms.DecimalField):
    """A decimal form field whose initial value reads 147, not 147.0000."""

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float):
            return plain(value)
        return value


# For a ModelAdmin's or an inline's `formfield_overrides`.
PLAIN_NUMBERS = {"form_class": PlainDecimalField}
