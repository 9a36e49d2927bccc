"""Sitemaps: the browse pages, and one section per record kind (published records only).

The sitemap protocol allows 50,000 URLs a file: each kind's section is paged at `limit`
(10,000; the index lists `sitemap-<kind>.xml?p=2`...). A page reads two columns of its rows, never a
whole record (a source's transcript), and the index asks each section for its newest
`updated_at` with one aggregate, which the (status, updated_at) index answers.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from archive import registry

# The protocol allows 50,000 URLs a file; Django's template writes about 6,000 a second, so
# a page of 10,000 keeps every page (at any archive size) near a second and a half.
URLS_PER_SITEMAP = 10_000
SLUG_MARKER = "sitemap-slug-marker"


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

    @cached_property
    def _address(self) -> tuple[str, str]:
        """The kind's record URL around its slug, reversed once rather than once a row."""
        url = reverse(self.model.url_name, kwargs={"slug": SLUG_MARKER})
        before, _, after = url.partition(SLUG_MARKER)
        return before, after

    def location(self, record):
        before, after = self._address
        return f"{before}{record.slug}{after}"  # = record.get_absolute_url()

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item of the section.
        return self.published().aggregate(latest=Max("updated_at"))["latest"]


def sitemaps() -> dict[str, Sitemap]:
    sections: dict[str, Sitemap] = {"pages": PagesSitemap()}
    for kind in registry.kinds():
        sections[kind.key] = RecordSitemap(kind.model)
    return sections
