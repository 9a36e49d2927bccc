"""Zotero saves each of our pages as the item type its CSL-JSON says, with the right creators:
the port of its Embedded Metadata translator (`tests/exports/zotero.py`) applied to the pages'
real HTML."""

import json

import pytest

from archive.exports.coins import ZOTERO_TYPES

from . import citation_world, zotero

pytestmark = pytest.mark.django_db


def expected_names(item: dict) -> list[tuple[str, str]]:
    """The CSL item's authors and editors, as role and name in reading order. (A literal name
    cannot be marked as one field in Highwire tags: Zotero splits it at its last space, and
    gives it back whole when the parts are read in order.)"""
    return [
        (role, name.get("literal") or f"{name['given']} {name['family']}")
        for role in ("author", "editor")
        for name in item.get(role, [])
    ]


def creator_name(creator: dict) -> tuple[str, str]:
    if "byline" in creator:  # the translator would take the page's byline text as the author
        return creator["creatorType"], creator["byline"]
    name = f"{creator.get('firstName', '')} {creator.get('lastName', '')}"
    return creator["creatorType"], name.strip()


def test_it_saves_every_page_as_the_type_and_creators_its_csl_json_says(client, demo):
    for page in citation_world.pages():
        html = client.get(page.url).content.decode()
        (item,) = json.loads(client.get(f"{page.url}cite.json").content)
        saved = zotero.save(html)
        assert saved.item_type == ZOTERO_TYPES[item["type"]], page.name
        assert saved.title == item["title"], page.name
        assert [creator_name(c) for c in saved.creators] == expected_names(item), page.name
        if item["type"] == "webpage":
            assert saved.creators == [] and saved.publication_title == "The Archive", page.name


def test_it_would_have_saved_the_old_tags_wrongly():
    """The port makes the translator's old decisions: a page with `citation_title` alone is a
    journal article, and the placeholder author became surname “writer)”."""
    old = (
        '<html><head><meta name="citation_title" content="Soviet troops in Baku">'
        '<meta name="citation_author" content="Unnamed author (the article names no writer)">'
        "</head><body></body></html>"
    )
    saved = zotero.save(old)
    assert saved.item_type == "journalArticle"
    assert saved.creators[0]["lastName"] == "writer)"


def test_it_names_a_magazine_article_so_and_a_journal_title_makes_a_journal_article():
    magazine = (
        '<meta name="citation_title" content="T"><meta name="DC.type" content="magazineArticle">'
    )
    assert zotero.save(magazine).item_type == "magazineArticle"
    journal = magazine + '<meta name="citation_journal_title" content="J">'
    assert zotero.save(journal).item_type == "journalArticle"  # Highwire wins


def test_it_sees_a_byline_zotero_would_take_as_the_author():
    page = '<meta name="DC.title" content="T"><p class="byline">Unnamed author</p>'
    assert zotero.save(page).creators == [{"byline": "Unnamed author", "creatorType": "author"}]
    assert zotero.save('<meta name="DC.title" content="T"><p class="byline"></p>').creators == []
