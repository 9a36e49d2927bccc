"""Every public page's JSON-LD uses only schema.org's classes and properties, each property on
a type that allows it (or a supertype), nested objects too — checked against schema.org's own
vocabulary kept in the repository (schemas/schemaorg-vocabulary.json)."""

import json
import re

import pytest

from archive.exports import jsonld
from tests import factories

from . import jsonld_samples as samples
from .schemaorg import supertypes, violations


def page_jsonld(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(scripts) == 1, url
    return json.loads(scripts[0])


@pytest.mark.parametrize("sample", samples.ALL)
def test_it_allows_every_kind_of_description(sample):
    assert violations(jsonld.document(samples.ALL[sample]())) == []


def test_it_refuses_what_schema_org_does_not_allow():
    data = jsonld.document(samples.person())
    data["mainEntity"]["citation"] = data["citation"]  # citation is a CreativeWork's
    data["mainEntity"]["birthPlace"]["startDate"] = "1990"  # not a Place's
    data["mainEntity"]["subjectOf"][0]["@type"] = "Happening"  # no such class
    data["mainEntity"]["deathPlace"] = {"@type": "Event", "name": "A war"}  # not a Place
    data["isPartOf"]["homepage"] = "http://testserver/"  # no such property
    assert set(violations(data)) == {
        "$.isPartOf.homepage: 'homepage' is not a schema.org property",
        "$.mainEntity.birthPlace.startDate: 'startDate' is not allowed on Place",
        "$.mainEntity.subjectOf[0]: 'subjectOf' expects ['CreativeWork', 'Event'], "
        "not ['Happening']",
        "$.mainEntity.subjectOf[0]: @type 'Happening' is not a schema.org class",
        "$.mainEntity.subjectOf[0].name: 'name' is not allowed on Happening",
        "$.mainEntity.subjectOf[0].url: 'url' is not allowed on Happening",
        "$.mainEntity.citation: 'citation' is not allowed on Person",
        "$.mainEntity.deathPlace: 'deathPlace' expects ['Place'], not ['Event']",
    }


def test_its_vocabulary_knows_schema_org_hierarchy():
    assert {"NewsArticle", "Article", "CreativeWork", "Thing"} <= supertypes("OpinionNewsArticle")
    assert "WebPage" in supertypes("ItemPage")


@pytest.mark.django_db
def test_every_demo_page_is_valid_schema_org(client, demo):
    from archive.models import MediaItem, Place, Source
    from events.models import Event
    from people.models import Person

    pages = [
        *(r.get_absolute_url() for r in Event.objects.published()),
        *(r.get_absolute_url() for r in Person.objects.published()),
        *(r.get_absolute_url() for r in Source.objects.published()),
        *(r.get_absolute_url() for r in Place.objects.published()),
        *(r.get_absolute_url() for r in MediaItem.objects.published()),
    ]
    assert len(pages) > 5
    problems = {url: violations(page_jsonld(client, url)) for url in pages}
    assert {url: found for url, found in problems.items() if found} == {}


@pytest.mark.django_db
def test_every_kind_of_page_is_valid_schema_org(client):
    from archive.models import SourceCreator, SourceKind

    book = factories.source(
        title="A chronicle", kind=SourceKind.objects.get(slug="book"), date="1991-03",
        publisher="Elm", isbn="978-5-8066-0000-0", doi="10.1000/xyz_1", language="az",
    )  # fmt: skip
    SourceCreator.objects.create(source=book, name="Mammadov, Ali", order=1)
    SourceCreator.objects.create(source=book, name="Editor Board", role="editor", order=2)
    opinion = factories.source(kind=SourceKind.objects.get(slug="opinion-piece"))
    place = factories.place(latitude=40.4, longitude=49.8, parent=factories.place())
    person = factories.person(birth_place=place, birth_date="1923-05-10")
    event = factories.event(places=[place], date="1990-01-19/1990-01-20")
    factories.event(parent=event)
    factories.participation(event, person, role="organiser")
    factories.citation(event, book)
    factories.citation(person, opinion)
    image = factories.media_item(source=book)
    records = [book, opinion, place, person, event, image]
    organisation = organisation_record(place)
    if organisation is not None:
        records.append(organisation)
    for record in records:
        url = record.get_absolute_url()
        data = page_jsonld(client, url)
        assert violations(data) == [], url
        assert data["@type"] == "ItemPage" and data["mainEntity"]["@type"] != "Thing", url


def organisation_record(place):
    """An organisation, where the kind is registered (it lives in `people`)."""
    from archive import registry

    kind = registry.get("organisation")
    if kind is None:
        return None
    return kind.model._default_manager.create(
        name="Soviet Army", slug="soviet-army", status="published", founded="1946"
    )
