"""The delete confirmation in sentences, at a constant number of queries.

Django lists every row a delete takes with it as "Verbose name: str(row)". Rows of relation
models say what they join ("Baku — place of Soviet troops in Baku, 19–20 January 1990"), so
their `__str__` follows foreign keys; a model names those in `str_select_related` (and a
generic record in `str_prefetch_related`) and the collector loads them with the rows, one query
per kind of row instead of one per row.
"""

from django.contrib.admin.utils import NestedObjects, quote
from django.db import router
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst


def with_str_related(queryset: QuerySet) -> QuerySet:
    """`queryset` loading what its rows' `__str__` reads."""
    model = queryset.model
    select = getattr(model, "str_select_related", ())
    prefetch = getattr(model, "str_prefetch_related", ())
    if select:
        queryset = queryset.select_related(*select)
    if prefetch:
        queryset = queryset.prefetch_related(*prefetch)
    return queryset


class SentenceCollector(NestedObjects):
    def collect(self, objs, source=None, source_attr=None, **kwargs):
        if isinstance(objs, QuerySet):
            objs = with_str_related(objs)
        return super().collect(objs, source=source, source_attr=source_attr, **kwargs)


def get_deleted_objects(objs, request, admin_site):
    """`django.contrib.admin.utils.get_deleted_objects`, with the collector above."""
    try:
        obj = objs[0]
    except IndexError:
        return [], {}, set(), []
    collector = SentenceCollector(using=router.db_for_write(obj._meta.model), origin=objs)
    collector.collect(objs)
    perms_needed = set()

    def format_callback(obj):
        opts = obj._meta
        label = capfirst(opts.verbose_name)
        if not admin_site.is_registered(obj.__class__):
            return f"{label}: {obj}"  # edited inline, or not in the admin
        if not admin_site.get_model_admin(obj.__class__).has_delete_permission(request, obj):
            perms_needed.add(opts.verbose_name)
        try:
            url = reverse(
                f"{admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                None,
                (quote(obj.pk),),
            )
        except NoReverseMatch:
            return f"{label}: {obj}"
        return format_html('{}: <a href="{}">{}</a>', label, url, obj)

    to_delete = collector.nested(format_callback)
    protected = [format_callback(obj) for obj in collector.protected]
    model_count = {
        model._meta.verbose_name_plural: len(rows) for model, rows in collector.model_objs.items()
    }
    return to_delete, model_count, perms_needed, protected


class SentenceDeletionMixin:
    """For a ModelAdmin: its delete confirmation and bulk delete use the collector above."""

    def get_deleted_objects(self, objs, request):
        return get_deleted_objects(objs, request, self.admin_site)
