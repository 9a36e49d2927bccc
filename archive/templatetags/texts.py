"""Records' texts on a page, marked with their language and direction.

`{% text_attrs value %}` gives an element showing `value` its ` lang="…"` (only when the text
is not in the page's language: a fallback, a name variant, a source's own words) and
` dir="auto"` (a name or title in Arabic or Hebrew script reads right to left inside a
left-to-right page). `{% bdi value %}` is the same text isolated inside running text ("{name}
took part as…"). `value` is a `LocalText` (`record|localized:"summary"`), a record (its
`local_name`) or a plain string.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from archive import translations
from archive.translations import LocalText

register = template.Library()


def as_local_text(value) -> LocalText:
    if isinstance(value, LocalText):
        return value
    if hasattr(value, "local_name"):
        return value.local_name
    return LocalText("" if value is None else str(value), "")


def _lang(text: LocalText) -> str:
    page = translations.current_language()
    return text.lang if text.lang and text.lang.split("-")[0].lower() != page else ""


@register.filter
def localized(record, field: str) -> LocalText:
    """`record`'s `field` in the visitor's language, or the fallback (archive.translations)."""
    return translations.localized(record, field)


@register.filter
def in_language(text, lang: str) -> LocalText:
    """A text in a known language: a source's title, quotation or transcript."""
    return LocalText("" if text is None else str(text), lang or "")


@register.simple_tag
def text_attrs(value, direction: str = "auto") -> SafeString:
    text = as_local_text(value)
    lang = _lang(text)
    attrs = format_html(' lang="{}"', lang) if lang else ""
    if direction:
        attrs += format_html(' dir="{}"', direction)
    return mark_safe(attrs)


@register.simple_tag
def bdi(value) -> SafeString:
    text = as_local_text(value)
    lang = _lang(text)
    if lang:
        return format_html('<bdi lang="{}">{}</bdi>', lang, text.text)
    return format_html("<bdi>{}</bdi>", text.text)
