"""Sitemaps: the browse pages, and one section per record kind (published records only).

Every page is listed in each interface language (`/…`, `/az/…`, `/ru/…`), each `<url>` with
`hreflang` alternates for all three and x-default (English), as search engines ask. The sitemap
protocol allows 50,000 URLs a file: each kind's section is paged at `limit` records, three URLs
each (about 10,000 URLs; the index lists `sitemap-<kind>.xml?p=2`...). A page reads two
columns of its rows, never a whole record (a source's transcript), and the index asks each
section for its newest `updated_at` with one aggregate, which the (status, updated_at) index
answers.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from archive import registry
from archive.i18n import path_in

# The protocol allows 50,000 URLs a file; Django's template writes about 6,000 a second, so
# a page of 10,000 keeps every page (at any archive size) near a second and a half.
URLS_PER_SITEMAP = 10_000
SLUG_MARKER = "sitemap-slug-marker"


class InEveryLanguage:
    """A sitemap whose every location is listed once per interface language, each with the
    alternates of all. Django's own `i18n = True` pairs every item with every language in one
    list before paging (a million records, loaded) and reverses each URL per language: here a
    page of records is read as before and each English path is prefixed (`i18n.path_in`)."""

    def _urls(self, page, protocol, domain):
        urls = []
        origin = f"{protocol}://{domain}"
        for url in super()._urls(page, protocol, domain):
            path = url["location"].removeprefix(origin)
            located = {code: f"{origin}{path_in(path, code)}" for code, _ in settings.LANGUAGES}
            alternates = [{"lang_code": code, "location": loc} for code, loc in located.items()]
            alternates.append(
                {"lang_code": "x-default", "location": located[settings.LANGUAGE_CODE]}
            )
            urls += [{**url, "location": loc, "alternates": alternates} for loc in located.values()]
        return urls


class PagesSitemap(InEveryLanguage, Sitemap):
    changefreq = "weekly"

    def items(self):
        names = ["archive:home"]
        for kind in registry.kinds():  # each kind's browse page and its other pages (a timeline)
            names += [kind.list_url_name] if kind.list_url_name else []
            names += kind.pages
        return list(dict.fromkeys(names))

    def location(self, item):
        return reverse(item)


class RecordSitemap(InEveryLanguage, Sitemap):
    changefreq = "monthly"
    limit = URLS_PER_SITEMAP // len(settings.LANGUAGES)  # records a page: each has 3 URLs

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
