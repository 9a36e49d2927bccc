"""Sitemaps: the browse pages, and one section per record kind (published records only).

The sitemap protocol allows 50,000 URLs a file: each kind's section is paged at `limit`
(the index lists `sitemap-<kind>.xml?p=2`...). A page reads two columns of its rows, never a
whole record (a source's transcript), and the index asks each section for its newest
`updated_at` with one aggregate, which the (status, updated_at) index answers.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from archive import registry

URLS_PER_SITEMAP = 50_000  # the protocol's limit


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
    limit = URLS_PER_SITEMAP

    def __init__(self, model):
        self.model = model

    def published(self):
        return self.model._default_manager.published()

    def items(self):
        return self.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item of the section.
        return self.published().aggregate(latest=Max("updated_at"))["latest"]


def sitemaps() -> dict[str, Sitemap]:
    sections: dict[str, Sitemap] = {"pages": PagesSitemap()}
    for kind in registry.kinds():
        sections[kind.key] = RecordSitemap(kind.model)
    return sections
