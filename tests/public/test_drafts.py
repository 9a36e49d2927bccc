"""Drafts never leak: a draft, review or withdrawn record is a 404 to visitors everywhere it could
appear (its page, downloads, lists, links from published records, cited by, timeline, sitemap,
feed, JSON-LD), and staff preview it under a banner."""

import pytest
from django.test import Client

from events.models import EventRelation, RelationType
from tests import factories

from .conftest import NON_PUBLISHED, image

pytestmark = pytest.mark.django_db

KINDS = ["event", "person", "source", "place", "media", "organisation"]


def make(kind: str, **kwargs):
    maker = {"event": factories.event, "person": factories.person, "source": factories.source,
             "place": factories.place, "media": image,
             "organisation": factories.organisation}[kind]  # fmt: skip
    return maker(**kwargs)


@pytest.mark.parametrize("status", NON_PUBLISHED)
@pytest.mark.parametrize("kind", KINDS)
def test_it_answers_404_to_visitors_and_a_preview_to_staff(client, curator, kind, status):
    record = make(kind, status=status)
    url = record.get_absolute_url()
    assert client.get(url).status_code == 404
    assert client.get(f"{url}cite.bib").status_code == 404
    visitor = Client()
    visitor.force_login(factories_user := _visitor())
    assert factories_user.is_staff is False
    assert visitor.get(url).status_code == 404

    client.force_login(curator)
    response = client.get(url)
    assert response.status_code == 200
    assert b'class="preview-banner"' in response.content
    assert b'<meta name="robots" content="noindex">' in response.content
    assert response["X-Robots-Tag"] == "noindex"
    assert "private" in response["Cache-Control"]


def _visitor():
    from django.contrib.auth.models import User

    return User.objects.create_user("reader", password="pw-for-tests-only")


def test_a_published_record_has_no_banner(client, curator):
    event = factories.event()
    client.force_login(curator)
    assert b"preview-banner" not in client.get(event.get_absolute_url()).content


def hidden(kind: str, status: str, tag: str = "", **kwargs):
    tag = tag or status
    label = f"Secret {kind} {tag}"
    name_field = {"person": "name", "place": "name", "organisation": "name"}.get(kind, "title")
    kwargs[name_field] = label
    return make(kind, status=status, slug=f"secret-{kind}-{tag}", **kwargs)


@pytest.fixture
def world(db):
    """Published records linked in every way to records of every hidden status."""
    relation = RelationType.objects.get(slug="led-to")
    published_source = factories.source(title="Public source", slug="public-source")
    text = []
    event = factories.event(title="Public event", slug="public-event", date="1990")
    person = factories.person(name="Public person", slug="public-person")
    place = factories.place(name="Public place", slug="public-place")
    organisation = factories.organisation(
        name="Public organisation", slug="public-organisation", places=[place]
    )
    factories.involvement(event, organisation, source=published_source)
    factories.publication(organisation, published_source)
    factories.participation(event, person, source=published_source)
    factories.citation(event, published_source, locator="p. 1")
    event.places.add(place)
    for status in NON_PUBLISHED:
        h_source = hidden("source", status)
        h_event = hidden("event", status, date="1991", places=[place])
        h_person = hidden("person", status, birth_place=place)
        h_place = hidden("place", status, parent=place)
        h_media = hidden("media", status, source=published_source)
        h_media.places.add(place)
        event.places.add(h_place)
        event.media.add(h_media)
        person.media.add(h_media)
        factories.participation(event, h_person, source=h_source)
        factories.participation(h_event, person, source=published_source)
        factories.event(title=f"Secret part {status}", parent=event, status=status)
        EventRelation.objects.create(from_event=event, to_event=h_event, relation_type=relation)
        EventRelation.objects.create(from_event=h_event, to_event=event, relation_type=relation)
        factories.claim(event, h_source, "killed", 7, quotation=f"secret quote {status}")
        factories.citation(h_event, published_source, locator="p. 9")
        factories.claim(h_event, published_source, "wounded", 3)
        factories.citation(h_person, published_source)
        h_organisation = hidden("organisation", status, places=[place], parent=organisation)
        factories.involvement(event, h_organisation, source=h_source)
        factories.involvement(h_event, organisation, source=published_source, locator="p. 5")
        factories.publication(h_organisation, published_source)
        factories.publication(organisation, h_source)
        factories.citation(h_organisation, published_source)
        text.append(f"Said [@{h_source.slug}, p. 2].")
    event.description = " ".join(text)
    event.parent = hidden("event", "draft", "parent")
    event.save()
    person.birth_place = hidden("place", "draft", "birthplace")
    person.portrait = hidden("media", "draft", "portrait")
    person.save()
    organisation.parent = hidden("organisation", "draft", "parent")
    organisation.save()
    return {
        "event": event,
        "person": person,
        "place": place,
        "source": published_source,
        "organisation": organisation,
    }


OAI = ("oai_dc", "edm")  # every format of /oai/


def public_urls(world):
    urls = ["/", "/events/", "/events/timeline/", "/people/", "/sources/", "/places/", "/media/",
            "/organisations/", "/sitemap.xml", "/feed/", "/robots.txt"]  # fmt: skip
    urls += [f"/sitemap-{section}.xml" for section in ("pages", *KINDS)]
    urls += ["/iiif/discovery/", "/iiif/discovery/page/", "/iiif/discovery/page/?after=0",
             "/activity/", "/activity/page/", "/activity/page/?after=0"]  # fmt: skip
    oai_lists = [(verb, prefix) for verb in ("ListRecords", "ListIdentifiers") for prefix in OAI]
    urls += ["/oai/?verb=ListSets", *(f"/oai/?verb={v}&metadataPrefix={p}" for v, p in oai_lists)]
    for record in world.values():
        url = record.get_absolute_url()
        urls += [url, f"{url}cite.bib", f"{url}cite.ris", f"{url}cite.json"]
    return urls


def test_no_hidden_record_appears_on_any_public_page(client, world):
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode().lower()
        assert "secret" not in text, f"{url} shows a hidden record"


def test_staff_see_what_visitors_do_not(client, curator, world):
    # The leak check above can fail: a curator's preview of a hidden record shows it.
    client.force_login(curator)
    assert "secret" in client.get("/events/secret-event-draft/").content.decode().lower()


def test_the_published_links_still_show(client, world):
    page = client.get(world["event"].get_absolute_url()).content.decode()
    assert "Public person" in page and "Public place" in page and "Public source" in page
    assert "A source not yet public" in page  # a marker naming a hidden source keeps its note
    source_page = client.get(world["source"].get_absolute_url()).content.decode()
    assert "Public event" in source_page and "Public person" in source_page
    assert "Public organisation" in source_page  # its publisher
    organisation_page = client.get(world["organisation"].get_absolute_url()).content.decode()
    assert "Public event" in organisation_page and "Public place" in organisation_page
