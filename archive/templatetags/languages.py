from django import template

from archive import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in each interface language (archive/i18n.py `alternates`)."""
    request = context.get("request")
    return i18n.alternates(request) if request is not None else []
