"""Every public page type is valid HTML, as the Nu Html Checker (vnu-jar from npm) judges it.

The pages are rendered through the test client, written to one folder and checked by one run
of the checker (one JVM start for all of them). The pages come from the registry of kinds, so
a kind registered tomorrow is checked without a change here: its browse page without filters,
with each filter, with all of them, with an empty result and with bad values, and its record
pages, published and (as staff see it) draft.
"""

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import resolve, reverse, translate_url
from django.utils import translation

from archive import registry
from archive.models import Source, Status
from archive.views.pages import server_error
from archive.views.records import RecordListView
from tests import factories

from .data import add_disagreement, add_image

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
EMPTY_QUERY = "zzqxv-found-nowhere"
# Makers of a record for a kind the demo has none of, by kind key (the factory's name).
MAKERS = {"media": "media_item"}


class Pages:
    """The rendered pages, each under a name that says which page and state it is."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.names: dict[str, str] = {}  # file name -> page

    def get(self, client, page: str, url: str, params=None, status: int = 200) -> str:
        response = client.get(url, params)
        assert response.status_code == status, (page, url, params, response.status_code)
        assert response["Content-Type"].startswith("text/html"), (page, url)
        return self.add(page, f"{url}?{response.request['QUERY_STRING']}", response.content)

    def add(self, page: str, url: str, content: bytes) -> str:
        name = f"{len(self.names):03d}.html"
        (self.folder / name).write_bytes(content)
        self.names[name] = f"{page} ({url})"
        return content.decode()


def filter_variants(url: str) -> list[tuple[str, dict[str, str]]]:
    """Query strings for a filtered page: each filter alone, all together, an empty result
    (the year 1, where a page has numbers) and values that the filters refuse."""
    filterset_class = getattr(resolve(url).func.view_class, "filterset_class", None)
    if filterset_class is None:
        return []  # a page without filters
    form = filterset_class(data=None, queryset=filterset_class._meta.model.objects.none()).form
    good, bad = {}, {}
    for name, field in form.fields.items():
        if hasattr(field, "record_model"):  # a record by slug: one that is, one that is not
            record = field.record_model.objects.published().order_by("pk").last()
            assert record, f"{url}: the filter “{name}” has no published record to check"
            good[name], bad[name] = record.slug, "no-such-record"
        elif hasattr(field, "choices"):
            values = [str(value) for value, _ in field.choices if str(value)]
            assert values, f"{url}: the filter “{name}” offers no choice to check"
            good[name], bad[name] = values[-1], "not-a-choice"
        elif field.widget.input_type == "number":
            good[name], bad[name] = "1990", "abc"
        else:
            good[name], bad[name] = "A", "not one letter"
    numbers = {name: "1" for name, field in form.fields.items()
               if getattr(field.widget, "input_type", "") == "number"}  # fmt: skip
    variants = [(f"filter {name}", {name: value}) for name, value in good.items()]
    variants += [("all filters", good), ("bad filter values", bad)]
    if numbers:
        variants.append(("empty result", numbers))
    return variants


def list_pages() -> list[tuple[str, str]]:
    """Each kind's browse page, its other public pages (registered for the sitemaps) and the
    timeline, once each."""
    pages = {}
    for kind in registry.kinds():
        assert kind.list_url_name, f"The kind “{kind.key}” registers no browse page to check"
        pages.setdefault(reverse(kind.list_url_name), f"{kind.key} browse")
        for name in kind.pages:
            pages.setdefault(reverse(name), f"{kind.key} page {name}")
    pages.setdefault(reverse("events:timeline"), "timeline")
    return [(page, url) for url, page in pages.items()]


def maker(kind):
    make = getattr(factories, MAKERS.get(kind.key, kind.key), None)
    assert make, f"tests/factories.py has no maker for the kind “{kind.key}” (see MAKERS)"
    return make


def published_records(kind):
    """Every published record of the kind in the test data; one made when there is none."""
    records = list(kind.model.objects.published())
    return records or [maker(kind)(status=Status.PUBLISHED)]


def render_empty_site(pages: Pages, client):
    """An archive with nothing published: every list is empty."""
    pages.get(client, "home, empty archive", reverse("archive:home"))
    for page, url in list_pages():
        pages.get(client, f"{page}, empty archive", url)
    pages.get(client, "search, empty archive", reverse("search:search"), {"q": "Baku"})


def render_site(pages: Pages, client, curator_client):
    pages.get(client, "home", reverse("archive:home"))
    for page, url in list_pages():
        pages.get(client, page, url)
        for variant, params in filter_variants(url):
            pages.get(client, f"{page}, {variant}", url, params)

    sources = Source.objects.published()
    assert sources.filter(kind__slug="opinion-piece").exists(), "no opinion piece to check"
    for kind in registry.kinds():
        for record in published_records(kind):
            pages.get(client, f"{kind.key} record", record.get_absolute_url())

    # Enough records of each kind for a second browse page: the pagination links.
    for kind in registry.kinds():
        for _ in range(RecordListView.paginate_by):
            maker(kind)(status=Status.PUBLISHED)
        url = reverse(kind.list_url_name)
        pages.get(client, f"{kind.key} browse, page 1 of 2", url)
        pages.get(client, f"{kind.key} browse, page 2 of 2", url, {"page": "2"})

    search = reverse("search:search")
    pages.get(client, "search, no query", search)
    results = pages.get(client, "search, results", search, {"q": "January"})
    assert 'class="facet"' in results, "the search results show no facets to choose"
    pages.get(client, "search, no results", search, {"q": EMPTY_QUERY})
    pages.get(client, "search, phrase and sort", search, {"q": '"January 1990"', "sort": "date"})
    facet_links = facet_hrefs(results)
    assert facet_links, "no facet link found on the search page"
    for href in facet_links:
        pages.get(client, "search, a facet chosen", search + href.replace("&amp;", "&"))
    chosen = pages.get(
        client, "search, facets chosen", search + facet_links[0].replace("&amp;", "&")
    )
    more = [href for href in facet_hrefs(chosen) if href not in facet_links]
    if more:
        pages.get(client, "search, two facets chosen", search + more[0].replace("&amp;", "&"))

    # The other interface languages (archive/i18n.py): same pages, their own strings. (A
    # request leaves its language active in this thread: English again afterwards.)
    with translation.override("en"):
        for language in ("az", "ru"):
            pages.get(client, f"home in {language}", f"/{language}/")
            for kind in registry.kinds():
                url = translate_url(published_records(kind)[0].get_absolute_url(), language)
                pages.get(client, f"{kind.key} record in {language}", url)
            pages.get(client, f"404 in {language}", f"/{language}/no-such-page/", status=404)

    pages.get(client, "404", "/no-such-page/", status=404)
    pages.get(client, "404 of a record", "/events/no-such-event/", status=404)
    response = server_error(RequestFactory().get("/"))
    pages.add("500", "/", response.content)

    # Staff preview a draft of each kind (after every published page: links to it vanish).
    for kind in registry.kinds():
        record = published_records(kind)[0]
        kind.model.objects.filter(pk=record.pk).update(status=Status.DRAFT)
        page = pages.get(
            curator_client, f"{kind.key} draft, staff preview", record.get_absolute_url()
        )
        assert 'class="preview-banner"' in page


def facet_hrefs(page: str) -> list[str]:
    """The first link of each facet group on a search page."""
    groups = re.findall(r'<section class="facet".*?</section>', page, flags=re.S)
    links = [re.search(r'href="(\?[^"]+)"', group) for group in groups]
    return list(dict.fromkeys(link.group(1) for link in links if link))


def nu_html_check(folder: Path, names: dict[str, str]) -> list[str]:
    assert VNU.exists(), f"{VNU} is missing: run `make install-dev` (npm ci)"
    files = sorted(str(folder / name) for name in names)
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stderr or done.stdout)
    problems = []
    for message in report["messages"]:
        name = Path(message.get("url", "")).name
        where = names.get(name, message.get("url", "?"))
        line = message.get("lastLine", "?")
        problems.append(
            f"{where}, line {line}: {message['message']} [{message.get('extract', '')}]"
        )
    return problems


def test_it_finds_no_error_on_any_public_page(client, curator_client, tmp_path, settings):
    settings.DEBUG = False
    pages = Pages(tmp_path)
    render_empty_site(pages, client)
    call_command("load_demo", stdout=io.StringIO())
    add_disagreement()
    add_image()
    render_site(pages, client, curator_client)

    problems = nu_html_check(tmp_path, pages.names)
    assert not problems, f"{len(problems)} errors in {len(pages.names)} pages:\n" + "\n".join(
        problems
    )


def test_it_can_fail(tmp_path):
    """The check is real: a page with the error this module was written for is refused."""
    pages = Pages(tmp_path)
    pages.add("bad page", "/", b'<!DOCTYPE html><html lang="en"><title>x</title>'
              b'<input type="number" size="6" aria-label="Year">')  # fmt: skip
    problems = nu_html_check(tmp_path, pages.names)
    assert len(problems) == 1 and "bad page" in problems[0] and "size" in problems[0]
