"""Sitemaps at scale: each kind's section is paged at the protocol's limit (the index lists
every page), a page reads two columns of its rows, and lastmod costs one aggregate."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from archive.models import Source
from archive.sitemaps import URLS_PER_SITEMAP, RecordSitemap
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_3(monkeypatch):
    monkeypatch.setattr(RecordSitemap, "limit", 3)


def locations(xml: str) -> list[str]:
    """The English locations (each also listed under /az/ and /ru/)."""
    return [
        loc
        for loc in re.findall(r"<loc>([^<]+)</loc>", xml)
        if not loc.startswith(("http://testserver/az/", "http://testserver/ru/"))
    ]


def lastmods(xml: str) -> list[str]:
    return re.findall(r"<lastmod>([^<]+)</lastmod>", xml)


def set_updated_at(source, moment):
    Source.objects.filter(pk=source.pk).update(updated_at=moment)


def test_it_keeps_within_the_protocols_limit():
    # A record is listed in three languages: a page holds three URLs a record.
    assert RecordSitemap.limit * 3 <= URLS_PER_SITEMAP <= 50_000


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_every_page_is_listed_in_each_language_with_its_alternates(client):
    source = factories.source()
    tree = etree.fromstring(client.get("/sitemap-source.xml").content)
    path = source.get_absolute_url()
    expected = {
        "en": f"http://testserver{path}",
        "az": f"http://testserver/az{path}",
        "ru": f"http://testserver/ru{path}",
    }
    urls = tree.findall(f"{SITEMAP}url")
    assert [url.findtext(f"{SITEMAP}loc") for url in urls] == list(expected.values())
    for url in urls:
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        assert links == {**expected, "x-default": expected["en"]}
        assert url.findtext(f"{SITEMAP}lastmod")
    for loc in expected.values():  # each listed URL serves the page
        assert client.get(loc.removeprefix("http://testserver")).status_code == 200


def test_the_pages_section_lists_browse_pages_in_each_language(client):
    xml = client.get("/sitemap-pages.xml").content.decode()
    for prefix in ("", "/az", "/ru"):
        assert f"<loc>http://testserver{prefix}/events/</loc>" in xml


def test_it_lists_a_page_per_limit_in_the_index(client, limit_of_3):
    sources = [factories.source() for _ in range(7)]
    factories.source(status="draft")
    index = locations(client.get("/sitemap.xml").content.decode())
    section = "http://testserver/sitemap-source.xml"
    assert [loc for loc in index if loc.startswith(section)] == [
        section,
        f"{section}?p=2",
        f"{section}?p=3",
    ]
    assert "http://testserver/sitemap-event.xml" in index  # one page, no ?p=
    assert "http://testserver/sitemap-event.xml?p=2" not in index

    pages = [
        locations(client.get("/sitemap-source.xml", {"p": p}).content.decode()) for p in (1, 2, 3)
    ]
    assert [len(page) for page in pages] == [3, 3, 1]
    listed = [loc for page in pages for loc in page]
    assert listed == [f"http://testserver{s.get_absolute_url()}" for s in sources]
    assert client.get("/sitemap-source.xml", {"p": 4}).status_code == 404


def test_its_lastmod_is_each_records_and_the_sections_newest(client, limit_of_3):
    sources = [factories.source() for _ in range(4)]
    for day, source in enumerate(sources, start=1):
        set_updated_at(source, datetime(2024, 3, day, 12, tzinfo=UTC))
    newest_draft = factories.source(status="draft")
    set_updated_at(newest_draft, datetime(2025, 1, 1, tzinfo=UTC))  # never public: not counted

    page_2 = client.get("/sitemap-source.xml", {"p": 2}).content.decode()
    assert lastmods(page_2) == ["2024-03-04"] * 3  # its three languages

    index = client.get("/sitemap.xml").content.decode()
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", index))
    section = "http://testserver/sitemap-source.xml"
    assert entries[section].startswith("2024-03-04T12:00:00")
    assert entries[f"{section}?p=2"] == entries[section]


def test_a_page_reads_only_the_slug_and_the_date(client):
    factories.source(transcript="A long transcript " * 1000)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap-source.xml").status_code == 200
    rows = [q["sql"] for q in captured.captured_queries if 'FROM "archive_source"' in q["sql"]]
    listing = [sql for sql in rows if "ORDER BY" in sql and "COUNT" not in sql.upper()]
    assert listing, rows
    assert "transcript" not in listing[0] and '"title"' not in listing[0]


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_its_queries_do_not_grow_with_the_records(client, limit_of_3):
    for _ in range(4):
        factories.source()
    few = {url: queries(client, url) for url in ("/sitemap.xml", "/sitemap-source.xml")}
    few_last = queries(client, "/sitemap-source.xml?p=2")
    for _ in range(40):
        factories.source()
    many = {url: queries(client, url) for url in ("/sitemap.xml", "/sitemap-source.xml")}
    assert many == few
    assert queries(client, "/sitemap-source.xml?p=15") == few_last


def test_the_index_loads_no_records(client):
    factories.source()
    with CaptureQueriesContext(connection) as captured:
        client.get("/sitemap.xml")
    reads = [q["sql"] for q in captured.captured_queries if 'FROM "archive_source"' in q["sql"]]
    assert reads and all('"archive_source"."slug"' not in sql for sql in reads), reads
