"""Template filters for the public site: dates in words, their certainty, JSON-LD."""

from django import template
from django.utils.safestring import mark_safe

from archive import dates
from archive.exports.jsonld import script

register = template.Library()


@register.filter
def edtf_words(value: str) -> str:
    """An EDTF date in plain words: “19–20 January 1990”, “about 1987”."""
    return dates.describe(value or "")


@register.filter
def certainty(value: str) -> str:
    """How sure an EDTF date is, in a word or two; empty for an exact date."""
    return dates.certainty(value or "")


@register.filter
def jsonld(data: dict) -> str:
    return mark_safe(script(data))


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.simple_tag(takes_context=True)
def with_filter(context, name: str, value: str) -> str:
    """This page's query with one filter set to `value`, back on the first page (a record
    filter's candidates link here)."""
    query = context["request"].GET.copy()
    query[name] = value
    query.pop("page", None)
    return f"?{query.urlencode()}"
