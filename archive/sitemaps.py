"""Sitemaps: the browse pages, and one section per record kind (published records only)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from archive import registry


class PagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        names = ["archive:home"]
        for kind in registry.kinds():  # each kind's browse page and its other pages (a timeline)
            names += [kind.list_url_name] if kind.list_url_name else []
            names += kind.pages
        return list(dict.fromkeys(names))

    def location(self, item):
        return reverse(item)


class RecordSitemap(Sitemap):
    changefreq = "monthly"

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model._default_manager.published().order_by("pk")

    def lastmod(self, record):
        return record.updated_at


def sitemaps() -> dict[str, Sitemap]:
    sections: dict[str, Sitemap] = {"pages": PagesSitemap()}
    for kind in registry.kinds():
        sections[kind.key] = RecordSitemap(kind.model)
    return sections
