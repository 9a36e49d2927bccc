"""The Atom feed against RFC 4287's MUSTs, read by an independent parser (feedparser) and
checked element by element: one id, title and updated per feed and entry; a feed author (its
entries name none); ids that are absolute IRIs; an alternate link for every entry, which has
no content; a self link."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest

from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def feed_xml(client):
    factories.event(title="Newly published event", summary="What <happened> & why.")
    factories.person(name="Newly published person")
    factories.source(title="A chronicle")
    factories.place(name="Baku")
    factories.event(title="Still a draft", status="draft")
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content


def is_absolute_iri(value: str) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def test_an_independent_parser_reads_it_without_complaint(feed_xml):
    parsed = feedparser.parse(feed_xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "The Archive: recently published"
    assert parsed.feed.author == "The Archive" and is_absolute_iri(parsed.feed.id)
    titles = [entry.title for entry in parsed.entries]
    assert "Event: Newly published event" in titles and "Person: Newly published person" in titles
    assert "Event: Still a draft" not in titles
    event = next(e for e in parsed.entries if e.title == "Event: Newly published event")
    assert event.summary == "What &lt;happened&gt; &amp; why."  # the words, not markup
    assert event.link.startswith("http://testserver/events/") and event.id == event.link
    for entry in parsed.entries:
        assert is_absolute_iri(entry.id) and entry.updated_parsed


def test_it_meets_each_must_of_rfc_4287(feed_xml):
    feed = ET.fromstring(feed_xml)
    assert feed.tag == f"{ATOM}feed"
    # 4.1.1: exactly one id, title and updated; an author, since the entries have none.
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    assert is_absolute_iri(feed.findtext(f"{ATOM}id"))  # 4.2.6: an IRI, absolute
    authors = feed.findall(f"{ATOM}author")
    assert len(authors) == 1 and authors[0].findtext(f"{ATOM}name") == "The Archive"
    # 4.1.1: SHOULD have one rel="self" link; at most one alternate per type and language.
    links = feed.findall(f"{ATOM}link")
    self_links = [link for link in links if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href") == "http://testserver/feed/"
    assert len([link for link in links if link.get("rel", "alternate") == "alternate"]) == 1
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)  # 4.2.6: an entry's id is its own
    for entry in entries:
        for name in ("id", "title", "updated"):  # 4.1.2: exactly one each
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert is_absolute_iri(entry.findtext(f"{ATOM}id"))
        assert entry.find(f"{ATOM}content") is None
        assert entry.find(f"{ATOM}summary") is None or entry.findtext(f"{ATOM}summary")
        alternates = [
            link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"
        ]
        assert len(alternates) == 1 and is_absolute_iri(alternates[0].get("href"))
        # 3.3: dates are RFC 3339 date-times with a time zone
        updated = entry.findtext(f"{ATOM}updated")
        assert "T" in updated and (updated.endswith("Z") or updated[-6] in "+-")


def test_an_empty_archive_still_gives_a_valid_feed(client):
    feed = ET.fromstring(client.get("/feed/").content)
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}updated") and feed.find(f"{ATOM}author") is not None
