"""The people credited on a source (`people.Contribution`) are its creators in its one
description, so in every export: the artist of an artwork is its author in CSL-JSON, BibTeX and
RIS, its creator in JSON-LD, and the creator Zotero saves from the page. The source page reads
the rows its credits already asked for; a draft person is never named."""

import json

import bibtexparser
import pytest
import rispy
from pybtex.database import parse_string

from archive import registry
from archive.models import Source, SourceKind
from people.models import Contribution, ContributionRole
from tests import factories

from . import zotero
from .test_jsonld_vocabulary import page_jsonld

pytestmark = pytest.mark.django_db


def credit(source, person, role: str, order: int = 0):
    role = ContributionRole.objects.get(slug=role)
    return Contribution.objects.create(source=source, person=person, role=role, order=order)


@pytest.fixture
def artwork():
    work = factories.source(
        title="Carpet weavers", kind=SourceKind.objects.get(slug="artwork"), date="1957"
    )
    painter = factories.person(name="Tahir Salahov", sort_name="Salahov, Tahir", slug="salahov")
    credit(work, painter, "artist")
    credit(work, factories.person(name="A draft painter", status="draft"), "artist", order=1)
    credit(work, factories.person(name="Old master"), "after", order=2)  # not its maker
    return work


def download(client, source, fmt: str) -> str:
    response = client.get(f"{source.get_absolute_url()}cite.{fmt}")
    assert response.status_code == 200
    return response.content.decode()


def test_csl_json_names_the_artist_as_author_with_the_name_split(client, artwork):
    (item,) = json.loads(download(client, artwork, "json"))
    assert item["author"] == [{"family": "Salahov", "given": "Tahir"}]
    assert "draft" not in json.dumps(item).lower() and "Old master" not in json.dumps(item)


def test_bibtex_and_ris_name_the_artist_as_author(client, artwork):
    text = download(client, artwork, "bib")
    (entry,) = parse_string(text, "bibtex").entries.values()
    assert [str(person) for person in entry.persons["author"]] == ["Salahov, Tahir"]
    (parsed,) = bibtexparser.parse_string(text).entries
    assert parsed["author"] == "Salahov, Tahir"
    (record,) = rispy.loads(download(client, artwork, "ris"))
    assert record["authors"] == ["Salahov, Tahir"]


def test_zotero_saves_the_artist_from_the_page(client, artwork):
    saved = zotero.save(client.get(artwork.get_absolute_url()).content.decode())
    names = [(c["creatorType"], c.get("firstName"), c.get("lastName")) for c in saved.creators]
    assert names == [("author", "Tahir", "Salahov")]


def test_json_ld_makes_them_its_creator_with_their_page(client, artwork):
    work = page_jsonld(client, artwork.get_absolute_url())["mainEntity"]
    (creator,) = work["creator"]
    assert creator["name"] == "Tahir Salahov"
    assert "/people/salahov/" in json.dumps(creator)


def test_a_person_already_catalogued_as_creator_is_named_once_and_linked(client):
    from archive.models import SourceCreator

    book = factories.source(kind=SourceKind.objects.get(slug="book"))
    SourceCreator.objects.create(source=book, name="Salahov, Tahir", order=1)
    credit(book, factories.person(name="Tahir Salahov", sort_name="Salahov, Tahir"), "author")
    (creator,) = registry.description(book).creators
    assert creator.name == "Salahov, Tahir" and creator.url.endswith("/")


def test_a_credit_makes_the_creators_known(client):
    work = factories.source(creators_unknown=True)
    credit(work, factories.person(), "author")
    described = registry.description(work)
    assert len(described.creators) == 1 and not described.creators_unknown


def test_the_feed_describes_them_from_rows_prepared_in_bulk(artwork, django_assert_num_queries):
    sources = list(registry.kind("source").prepare_description(Source.objects.published()))
    with django_assert_num_queries(0):
        (described,) = [registry.description(source) for source in sources]
    assert [creator.name for creator in described.creators] == ["Tahir Salahov"]
