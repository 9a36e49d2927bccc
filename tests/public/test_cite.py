"""Cite this: a formatted citation with permalink and access date, BibTeX, RIS and CSL-JSON
downloads for every record, `citation_*` meta tags, COinS and schema.org JSON-LD."""

import datetime
import json
import re
from html import unescape

import pytest

from archive.description import Description
from archive.exports import bibtex, ris
from archive.models import SourceCreator, SourceKind
from tests import factories

from .data import EVENT_SLUG

pytestmark = pytest.mark.django_db

SOURCE_URL = "/sources/azerbaijan-remembers-january-20/"


def jsonld(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def test_a_record_page_has_a_formatted_citation_and_downloads(client, demo):
    page = client.get(f"/events/{EVENT_SLUG}/").content.decode()
    assert "“Soviet troops in Baku, 19–20 January 1990.” The Archive" in page
    assert f"http://testserver/events/{EVENT_SLUG}/ (accessed " in page
    for fmt in ("bib", "ris", "json"):
        assert f'href="/events/{EVENT_SLUG}/cite.{fmt}" download' in page


def test_record_downloads_describe_the_archive_page(client, demo):
    bib = client.get(f"/events/{EVENT_SLUG}/cite.bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert f'filename="{EVENT_SLUG}.bib"' in bib["Content-Disposition"]
    text = bib.content.decode()
    assert text.startswith(f"@online{{event-{EVENT_SLUG},")
    assert f"url = {{http://testserver/events/{EVENT_SLUG}/}}" in text and "urldate = {" in text
    items = json.loads(client.get(f"/events/{EVENT_SLUG}/cite.json").content)
    assert items[0]["type"] == "webpage" and items[0]["URL"].endswith(f"/events/{EVENT_SLUG}/")
    assert "TY  - ELEC" in client.get("/people/heydar-aliyev/cite.ris").content.decode()
    assert client.get(f"/events/{EVENT_SLUG}/cite.pdf").status_code == 404


def test_source_downloads_describe_the_source(client):
    source = factories.source(
        title="Black January: a chronicle", kind=SourceKind.objects.get(slug="book"),
        date="1991-03", publisher="Elm", publication_place="Baku", isbn="978-5-8066-0000-0",
        doi="10.1000/xyz_1", language="az",
    )  # fmt: skip
    SourceCreator.objects.create(source=source, name="Mammadov, Ali", order=1)
    SourceCreator.objects.create(source=source, name="Editor Board", role="editor", order=2)
    url = source.get_absolute_url()
    bib = client.get(f"{url}cite.bib").content.decode()
    assert bib.startswith(f"@book{{{source.slug},")
    assert "author = {Mammadov, Ali}" in bib and "editor = {{Editor Board}}" in bib
    assert "year = {1991}" in bib and "month = {mar}" in bib
    assert r"doi = {10.1000/xyz\_1}" in bib  # escaped for TeX
    text = client.get(f"{url}cite.ris").content.decode()
    lines = text.split("\r\n")
    assert (
        lines[0] == "TY  - BOOK"
        and "AU  - Mammadov, Ali" in lines
        and "A2  - Editor Board" in lines
    )
    assert "DA  - 1991/03//" in lines and lines[-2] == "ER  - "
    item = json.loads(client.get(f"{url}cite.json").content)[0]
    assert item["type"] == "book" and item["author"] == [{"family": "Mammadov", "given": "Ali"}]
    assert item["issued"] == {"date-parts": [[1991, 3]]} and item["ISBN"] == "978-5-8066-0000-0"
    page = client.get(url).content.decode()
    assert '<meta name="citation_title" content="Black January: a chronicle">' in page
    assert '<meta name="citation_author" content="Mammadov, Ali">' in page
    assert '<meta name="citation_publication_date" content="1991/03">' in page
    coins = unescape(re.search(r'class="Z3988" title="([^"]+)"', page).group(1))
    assert "rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook" in coins
    assert "rft.btitle=Black+January" in coins and "rft.au=Mammadov%2C+Ali" in coins
    assert "Mammadov, Ali. “Black January: a chronicle.”" in page  # the formatted reference


def test_pages_carry_schema_org_json_ld(client, demo):
    # The page is a WebPage (ItemPage); the record is its mainEntity (tests/exports checks
    # every type and property against schema.org's vocabulary).
    page = jsonld(client.get(f"/events/{EVENT_SLUG}/").content.decode())
    assert page["@context"] == "https://schema.org" and page["@type"] == "ItemPage"
    event = page["mainEntity"]
    assert event["@type"] == "Event"
    assert event["startDate"] == "1990-01-19" and event["endDate"] == "1990-01-20"
    assert event["location"][0]["name"] == "Baku"
    assert page["citation"][0]["name"] and "citation" not in event
    person = jsonld(client.get("/people/heydar-aliyev/").content.decode())["mainEntity"]
    assert person["@type"] == "Person" and "Heydər Əliyev" in person["alternateName"]
    assert "https://www.wikidata.org/wiki/Q57326" in person["sameAs"]
    place = jsonld(client.get("/places/baku/").content.decode())["mainEntity"]
    assert place["@type"] == "Place" and place["geo"]["latitude"] == pytest.approx(40.4093)
    assert place["containedInPlace"]["name"] == "Azerbaijan"
    source = jsonld(client.get(SOURCE_URL).content.decode())["mainEntity"]
    assert source["@type"] == "OpinionNewsArticle" and "citation" not in source
    assert "author" not in source  # the article names no writer


def test_json_ld_cannot_close_its_script_early(client):
    event = factories.event(title="</script><script>alert(1)</script>")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert jsonld(page)["name"]["@value"] == "</script><script>alert(1)</script>"


def work(**fields) -> Description:
    return Description(kind="source", kind_label="Source", url="", is_work=True, **fields)


def test_bibtex_and_ris_escape_what_would_break_them():
    book = work(slug="x y", type="book", title="50% of {all} & more_", web_url="http://a/{b}")
    text = bibtex.entry(book, datetime.date(2025, 5, 1))
    assert r"title = {{50\% of \{all\} \& more\_}}" in text and "@book{xy," in text
    assert "url = {http://a/%7Bb%7D}" in text
    record = ris.record(work(slug="x", type="book", title="Two\nlines"), datetime.date(2025, 5, 1))
    assert "TI  - Two lines" in record.split("\r\n")


def test_an_unknown_author_is_said_on_the_page_and_exported_nowhere(client, demo):
    page = client.get(SOURCE_URL).content.decode()
    assert "Author unknown (the article names no writer)" in page
    assert "citation_author" not in page and "DC.creator" not in page
    assert "Unnamed" not in page and "writer)" not in unescape(page).replace("no writer)", "")
    assert '<meta name="DC.type" content="magazineArticle">' in page
    for fmt in ("bib", "ris", "json"):
        text = client.get(f"{SOURCE_URL}cite.{fmt}").content.decode()
        assert "writer" not in text and "Unnamed" not in text, fmt


def test_record_pages_carry_dublin_core_and_cite_the_site_once(client, demo):
    page = client.get(f"/events/{EVENT_SLUG}/").content.decode()
    for name in ("DC.title", "DC.date", "DC.type", "DC.publisher", "DC.identifier"):
        assert f'<meta name="{name}"' in page, name
    assert '<meta name="DC.type" content="webpage">' in page and "citation_title" not in page
    assert "The Archive, The Archive" not in page and "The Archive. The Archive" not in page
