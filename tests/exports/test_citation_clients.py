"""Every citation export of every kind, read by real clients: CSL-JSON validates against the
CSL data schema and renders in citeproc-py (Chicago author-date, APA, MLA) with no duplicated
or placeholder part; BibTeX parses in pybtex and bibtexparser; RIS in rispy."""

import json
import re

import bibtexparser
import pytest
import rispy
from pybtex.database import parse_string

from . import citation_world
from .clients import STYLES, csl_schema_errors, render

pytestmark = pytest.mark.django_db

PLACEHOLDERS = re.compile(r"unnamed|unknown|names no writer|does not name", re.I)


@pytest.fixture
def world(demo):
    return citation_world.pages()


def download(client, page, fmt: str) -> str:
    response = client.get(f"{page.url}cite.{fmt}")
    assert response.status_code == 200, (page.name, fmt)
    return response.content.decode()


def items(client, world) -> list[dict]:
    return [json.loads(download(client, page, "json"))[0] for page in world]


def repeated_parts(text: str) -> list[str]:
    """Parts of a reference (between full stops and commas) that it prints twice."""
    parts = [part.strip(" “”\"'()[]") for part in re.split(r"[.,;:]\s+|\s\(|\)\s", text)]
    parts = [part.lower() for part in parts if len(part) > 3]
    return sorted({part for part in parts if parts.count(part) > 1})


def test_it_validates_every_item_against_the_csl_data_schema(client, world):
    found = items(client, world)
    assert csl_schema_errors(found) == []
    assert [item["type"] for item in found] == [page.csl_type for page in world]


def test_it_gives_an_unknown_author_no_author_at_all(client, world):
    article = next(item for item in items(client, world) if item["type"] == "article-magazine")
    assert not {"author", "editor", "container-title"} & set(article)
    assert article["genre"] == "Opinion piece"
    assert not PLACEHOLDERS.search(json.dumps(article))


def test_it_cites_other_records_as_the_archive_s_web_page(client, world):
    for item in items(client, world)[:4]:
        assert item["type"] == "webpage" and item["container-title"] == "The Archive"
        assert "publisher" not in item and "author" not in item  # no "The Archive, The Archive"
        assert item["URL"].startswith("http://testserver/") and item["accessed"]


def test_it_keeps_the_roles_of_a_book_s_creators(client, world):
    book = items(client, world)[-1]
    assert book["author"] == [
        {"family": "Mammadov", "given": "Ali"}, {"family": "Huseynova", "given": "Leyla"}
    ]  # fmt: skip
    assert book["editor"] == [{"literal": "Editorial board of Elm"}]
    assert book["translator"] == [{"family": "Smith", "given": "John"}]
    assert book["ISBN"] == "978-5-8066-0000-0" and book["DOI"] == "10.1000/xyz_1"


@pytest.mark.parametrize("style", STYLES)
def test_it_renders_in_citeproc_with_no_duplicated_or_placeholder_part(client, world, style):
    found = items(client, world)
    entries = render(found, style)
    assert len(entries) == len(found), entries  # every item renders
    for entry in entries:
        assert repeated_parts(entry) == [], entry
        assert not PLACEHOLDERS.search(entry), entry
        assert "The Archive, The Archive" not in entry
    book = next(entry for entry in entries if "Black January" in entry)
    assert "Mammadov" in book and "Huseynova" in book and "Smith" in book
    assert "Editorial board of Elm" in book


def test_it_would_see_the_old_duplicates():
    """The check can fail: the old record reference (site as container and publisher) and the
    old placeholder author are caught."""
    old_page = {
        "id": "old", "type": "webpage", "title": "Soviet troops in Baku",
        "container-title": "The Archive", "publisher": "The Archive",
        "URL": "http://testserver/events/x/", "issued": {"date-parts": [[2025, 1, 2]]},
    }  # fmt: skip
    old_article = {
        "id": "article", "type": "article-magazine", "title": "Azerbaijan remembers",
        "author": [{"literal": "Unnamed author (the article names no writer)"}],
    }  # fmt: skip
    rendered = [entry for style in STYLES for entry in render([old_page, old_article], style)]
    assert any(repeated_parts(entry) for entry in rendered if "Soviet" in entry)
    assert all(PLACEHOLDERS.search(entry) for entry in rendered if "remembers" in entry.lower())


def test_it_writes_bibtex_that_pybtex_and_bibtexparser_read(client, world):
    for page in world:
        text = download(client, page, "bib")
        entries = parse_string(text, "bibtex").entries
        assert len(entries) == 1, page.name
        (entry,) = entries.values()
        library = bibtexparser.parse_string(text)
        assert not library.failed_blocks and len(library.entries) == 1, page.name
        assert not PLACEHOLDERS.search(text), page.name
        if page.csl_type == "webpage":
            assert entry.type == "online" and "author" not in entry.persons
            assert entry.fields["howpublished"] == "The Archive" and "publisher" not in entry.fields
    book = parse_string(download(client, world[-1], "bib"), "bibtex").entries[
        citation_world.BOOK_SLUG
    ]
    assert [str(person) for person in book.persons["author"]] == [
        "Mammadov, Ali", "Huseynova, Leyla"
    ]  # fmt: skip
    assert book.fields["translator"] == "Smith, John"  # pybtex knows authors and editors only
    assert book.fields["isbn"] == "978-5-8066-0000-0" and book.fields["doi"] == r"10.1000/xyz\_1"
    article = parse_string(download(client, world[4], "bib"), "bibtex").entries
    (article,) = article.values()
    assert article.type == "article" and not article.persons


def test_it_writes_ris_that_rispy_reads(client, world):
    expected = {"webpage": "ELEC", "article-magazine": "MGZN", "book": "BOOK"}
    for page in world:
        (record,) = rispy.loads(download(client, page, "ris"))
        assert record["type_of_reference"] == expected[page.csl_type], page.name
        assert not PLACEHOLDERS.search(json.dumps(record, default=str)), page.name
        if page.csl_type != "book":
            assert "authors" not in record and "first_authors" not in record, page.name
    (book,) = rispy.loads(download(client, world[-1], "ris"))
    assert book["authors"] == ["Mammadov, Ali", "Huseynova, Leyla"]
    assert book["secondary_authors"] == ["Editorial board of Elm"]
    assert book["subsidiary_authors"] == ["Smith, John"]
    assert book["issn"] == "978-5-8066-0000-0"  # SN: ISSN or ISBN, as rispy names it
    assert book["doi"] == "10.1000/xyz_1"
