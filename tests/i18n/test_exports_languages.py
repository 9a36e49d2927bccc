"""Exports in each language (issue 13, point 6): JSON-LD carries language-tagged values that a
JSON-LD processor (rdflib) reads as literals with their language; CSL-JSON says a source's
language and still formats in /az/ and /ru/; OAI-PMH writes each language's title and
description as its own element with xml:lang, valid against the schemas, read by sickle; the
API gives every language of a translated text and its OpenAPI schema says so."""

import json
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import Namespace

from events.models import Event
from tests import factories
from tests.exports.clients import render
from tests.exports.schemaorg import violations
from tests.oai.client import NS, ClientSickle, oai

EN, AZ, RU = "The January events", "Yanvar hadisələri", "Январские события"
SUMMARY = {
    "en": "Tanks entered the city.",
    "az": "Tanklar şəhərə daxil oldu.",
    "ru": "Танки вошли.",
}
SDO = Namespace("https://schema.org/")
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def every(db):
    return factories.event(
        title=EN, title_az=AZ, title_ru=RU, slug="every",
        summary=SUMMARY["en"], summary_az=SUMMARY["az"], summary_ru=SUMMARY["ru"],
    )  # fmt: skip


@pytest.fixture
def only_ru(db):
    event = factories.event(title_ru=RU, title="", slug="only-ru")
    Event.objects.rewrite(False).filter(pk=event.pk).update(title_en=None)
    return event


@pytest.fixture
def letter(db):
    return factories.source(
        title="Письмо из Баку", slug="letter", language="ru", date="1990-01-25",
        abstract="A letter about the night.", abstract_az="Gecə haqqında məktub.",
        abstract_ru="Письмо о той ночи.",
    )  # fmt: skip


def page_jsonld(client, url: str) -> dict:
    html = client.get(url).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def graph_of(data: dict) -> Graph:
    """The JSON-LD as RDF, read by rdflib with schema.org's terms (no network: the context
    is given inline, as https://schema.org/ defines `@vocab`)."""
    data = {**data, "@context": {"@vocab": "https://schema.org/"}}
    return Graph().parse(data=json.dumps(data), format="json-ld")


@pytest.mark.parametrize(("prefix", "lang", "title"), [("", "en", EN), ("/az", "az", AZ),
                                                        ("/ru", "ru", RU)])  # fmt: skip
def test_json_ld_names_and_describes_in_the_pages_language_tagged(
    client, every, prefix, lang, title
):
    data = page_jsonld(client, f"{prefix}/events/every/")
    assert violations(data) == []
    assert data["mainEntity"]["name"] == {"@value": title, "@language": lang}
    graph = graph_of(data)
    entity = URIRef(data["mainEntity"]["@id"])
    assert set(graph.objects(entity, SDO.name)) == {Literal(title, lang=lang)}
    assert set(graph.objects(entity, SDO.description)) == {Literal(SUMMARY[lang], lang=lang)}


def test_a_fallback_is_tagged_with_the_language_it_is_in(client, only_ru):
    data = page_jsonld(client, "/az/events/only-ru/")
    graph = graph_of(data)
    assert set(graph.objects(URIRef(data["mainEntity"]["@id"]), SDO.name)) == {
        Literal(RU, lang="ru")
    }


def test_a_sources_title_is_in_its_language_and_in_language_says_so(client, letter):
    data = page_jsonld(client, "/az/sources/letter/")
    assert violations(data) == []
    work = data["mainEntity"]
    assert work["inLanguage"] == "ru"
    graph = graph_of(data)
    entity = URIRef(work["@id"])
    assert set(graph.objects(entity, SDO.name)) == {Literal("Письмо из Баку", lang="ru")}
    assert set(graph.objects(entity, SDO.abstract)) == {Literal("Gecə haqqında məktub.", lang="az")}


@pytest.mark.parametrize("style", ["chicago-author-date", "apa"])
@pytest.mark.parametrize(("prefix", "abstract"), [("/az", "Gecə haqqında məktub."),
                                                  ("/ru", "Письмо о той ночи.")])  # fmt: skip
def test_csl_json_says_the_language_and_formats_in_every_language(
    client, letter, style, prefix, abstract
):
    (item,) = json.loads(client.get(f"{prefix}/sources/letter/cite.json").content)
    assert item["language"] == "ru"
    assert item["abstract"] == abstract
    (entry,) = render([item], style)
    assert "Письмо из Баку" in entry and "1990" in entry


def test_an_events_csl_json_is_in_the_pages_language(client, every):
    for prefix, title in (("/az", AZ), ("/ru", RU)):
        (item,) = json.loads(client.get(f"{prefix}/events/every/cite.json").content)
        assert item["title"] == title
        (entry,) = render([item], "apa")
        assert title in entry


def _dc(tree, slug: str):
    """The oai_dc of the record `slug` in a validated ListRecords answer."""
    for record in tree.iterfind(".//oai:record", NS):
        identifier = record.find("oai:header/oai:identifier", NS).text
        if identifier.endswith(f":{slug}"):
            return record.find("oai:metadata", NS)[0]
    raise AssertionError(slug)


def test_oai_dc_writes_each_language_as_its_own_element_with_xml_lang(client, every, letter):
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="event")  # validated
    dc = _dc(tree, "every")
    titles = {e.get(XML_LANG): e.text for e in dc.iter(f"{DC}title")}
    assert titles == {"en": EN, "az": AZ, "ru": RU}
    descriptions = {e.get(XML_LANG): e.text for e in dc.iter(f"{DC}description")}
    assert descriptions == SUMMARY
    tree = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="source")
    dc = _dc(tree, "letter")
    assert [(e.get(XML_LANG), e.text) for e in dc.iter(f"{DC}title")] == [("ru", "Письмо из Баку")]
    assert [e.text for e in dc.iter(f"{DC}language")] == ["ru"]


def test_every_harvesting_format_validates_and_sickle_reads_the_languages(client, every, letter):
    harvester = ClientSickle(client)  # validates each answer on its way
    for prefix in [f.metadataPrefix for f in harvester.ListMetadataFormats()]:
        for record in harvester.ListRecords(metadataPrefix=prefix):
            tree = record.xml
            if record.header.identifier.endswith(":every"):
                titles = {e.get(XML_LANG) for e in tree.iter(f"{DC}title")}
                assert titles == {"en", "az", "ru"}, prefix
    (record,) = [
        r
        for r in harvester.ListRecords(metadataPrefix="oai_dc", set="event")
        if r.header.identifier.endswith(":every")
    ]
    assert set(record.metadata["title"]) == {EN, AZ, RU}


def test_the_api_gives_every_language_of_a_translated_text(client, every):
    description = client.get("/api/event/every/").json()["description"]
    assert description["title"] == EN
    assert description["translations"]["title"] == {"en": EN, "az": AZ, "ru": RU}
    assert description["translations"]["summary"] == SUMMARY
    assert description["text_languages"] == {"title": "en", "summary": "en"}


def test_the_api_says_which_language_a_fallback_is_in(client, only_ru):
    description = client.get("/api/event/only-ru/").json()["description"]
    assert (description["title"], description["text_languages"]["title"]) == (RU, "ru")
    assert description["translations"]["title"] == {"ru": RU}


def test_an_az_page_leaves_the_api_its_english_addresses(client, letter):
    # The paths of records are cached per kind for the process: per language too.
    assert page_jsonld(client, "/az/sources/letter/")["url"].endswith("/az/sources/letter/")
    assert client.get("/api/source/letter/").json()["description"]["url"] == (
        "http://testserver/sources/letter/"
    )
